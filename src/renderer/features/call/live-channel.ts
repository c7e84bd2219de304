/**
 * The vitals' latest-value data channel, beside the peer library's reliable one on the same
 * connection: unordered and never retransmitted, so a reading lost on a congested link is replaced
 * by the next instead of holding every later one back (VITALS-CHANNEL.md §4). Negotiated with a
 * fixed id, so both sides open it on an established connection with no signaling; the peer
 * library's own channel took stream 0 or 1.
 */
export const LIVE_CHANNEL_ID = 64;

/**
 * Past this many bytes queued, a new message is dropped rather than queued behind stale ones: the
 * reliable channel backfills it for the record, and the screen wants the next, fresher one. About
 * half a second of a 3-lead ECG.
 */
export const LIVE_QUEUE_LIMIT_BYTES = 1024;

export interface LiveChannel {
  /** false: not open (the caller sends reliably); true: sent, or dropped because the queue is full. */
  send(bytes: Uint8Array): boolean;
  close(): void;
}

export function openLiveChannel(
  connection: RTCPeerConnection,
  onMessage: (bytes: Uint8Array) => void,
): LiveChannel {
  const init: RTCDataChannelInit & { priority: RTCPriorityType } = {
    negotiated: true,
    id: LIVE_CHANNEL_ID,
    ordered: false,
    maxRetransmits: 0,
    // Ahead of the reliable channel's replays and backfills in the association's stream scheduler
    // (and DSCP where the network honours it): what the doctor sees now goes first.
    // (webrtc-priority; not in TypeScript's DOM types yet, ignored by a browser without it.)
    priority: 'high',
  };
  const channel = connection.createDataChannel('vitals-live', init);
  channel.binaryType = 'arraybuffer';
  channel.onmessage = (event: MessageEvent<unknown>) => {
    if (event.data instanceof ArrayBuffer) onMessage(new Uint8Array(event.data));
  };
  return {
    send(bytes) {
      if (channel.readyState !== 'open') return false;
      if (channel.bufferedAmount > LIVE_QUEUE_LIMIT_BYTES) return true;
      try {
        channel.send(bytes as Uint8Array<ArrayBuffer>);
        return true;
      } catch {
        return false; // closed between the check and the send
      }
    },
    close() {
      channel.onmessage = null;
      channel.close();
    },
  };
}
