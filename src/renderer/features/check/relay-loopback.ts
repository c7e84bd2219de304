/**
 * A relay-only call from this page to itself: two RTCPeerConnections with `iceTransportPolicy:
 * 'relay'` and one TURN URL, so the only way they can meet is through the TURN server, then a data
 * channel message there and back. It proves what a call needs from the relay (allocation,
 * permissions, data through it) from inside the browser that will make the call.
 */
export type RelayResult =
  | { readonly ok: true; readonly rttMs: number; readonly relayCandidates: number }
  | {
      readonly ok: false;
      readonly reason: 'no-relay-candidate' | 'timeout' | 'error';
      readonly message: string;
    };

export const RELAY_TIMEOUT_MS = 8000;

export async function relayLoopback(
  server: RTCIceServer,
  timeoutMs = RELAY_TIMEOUT_MS,
): Promise<RelayResult> {
  const config: RTCConfiguration = { iceServers: [server], iceTransportPolicy: 'relay' };
  const caller = new RTCPeerConnection(config);
  const callee = new RTCPeerConnection(config);
  let relayCandidates = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  try {
    return await new Promise<RelayResult>((resolve) => {
      timer = setTimeout(
        () =>
          resolve(
            relayCandidates === 0
              ? { ok: false, reason: 'no-relay-candidate', message: 'no relay candidate in time' }
              : { ok: false, reason: 'timeout', message: 'the relayed connection did not open in time' },
          ),
        timeoutMs,
      );
      const gathered = new Set<RTCPeerConnection>();
      for (const [self, other] of [
        [caller, callee],
        [callee, caller],
      ] as const) {
        self.onicecandidate = (event) => {
          if (event.candidate === null) {
            gathered.add(self);
            // Both sides done gathering and not one relay candidate: the TURN server gave us nothing.
            if (gathered.size === 2 && relayCandidates === 0)
              resolve({
                ok: false,
                reason: 'no-relay-candidate',
                message: 'the TURN server gave no relay address',
              });
            return;
          }
          if (event.candidate.type === 'relay' || / typ relay /.test(event.candidate.candidate))
            relayCandidates += 1;
          other.addIceCandidate(event.candidate).catch(() => undefined);
        };
      }
      callee.ondatachannel = (event) => {
        const channel = event.channel;
        channel.onmessage = (message) => channel.send(message.data as string); // echo
      };
      const channel = caller.createDataChannel('equipment-check');
      let sentAt = 0;
      channel.onopen = () => {
        sentAt = performance.now();
        channel.send('ping');
      };
      channel.onmessage = () =>
        resolve({ ok: true, rttMs: Math.round((performance.now() - sentAt) * 10) / 10, relayCandidates });
      void (async () => {
        const offer = await caller.createOffer();
        await caller.setLocalDescription(offer);
        await callee.setRemoteDescription(offer);
        const answer = await callee.createAnswer();
        await callee.setLocalDescription(answer);
        await caller.setRemoteDescription(answer);
      })().catch((cause: unknown) =>
        resolve({
          ok: false,
          reason: 'error',
          message: cause instanceof Error ? cause.message : String(cause),
        }),
      );
    });
  } finally {
    clearTimeout(timer);
    caller.close();
    callee.close();
  }
}

/** `turn:h:p?transport=tcp` → `turn:h:p`; the check adds each transport itself. */
export function turnUrlsByTransport(urls: readonly string[]): { udp: string | null; tcp: string | null } {
  const first = urls.find((url) => /^turns?:/.test(url));
  if (first === undefined) return { udp: null, tcp: null };
  const bare = first.split('?', 1)[0] ?? first;
  // turns: is TLS over TCP: there is no UDP variant of it.
  return {
    udp: bare.startsWith('turns:') ? null : `${bare}?transport=udp`,
    tcp: `${bare}?transport=tcp`,
  };
}
