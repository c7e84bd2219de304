import type { IceServer } from '../../../shared/call/signaling';

/**
 * Is the network back? Asked by the signaling client between reconnects once a cut has lasted
 * (signaling-client.ts), instead of opening socket after socket into the void: Chromium throttles
 * a page's WebSockets by how many failed (a delay of 1–5 s before each new one once a few dozen
 * have, `WebSocketPerProcessThrottler`), which after a 150 s cut held the page off its rendezvous
 * for 3–10 s after the network returned. An HTTP probe would not do either: an aborted fetch's
 * TCP connect lingers in the socket pool (six per host) and blocks the next ones.
 *
 * So the probe asks the call's TURN server, over WebRTC's own UDP/TCP stack, which is neither
 * throttled nor pooled: a throwaway RTCPeerConnection gathers relay candidates. Any answer from
 * the server counts — a relay candidate, or a STUN error such as 401 (an error code below 700;
 * 701 means no answer) — since all it must tell is that packets flow again. It says `false` when
 * nothing answered within `timeoutMs`, and is always closed (its allocation, if any, freed).
 * Without a TURN server there is nothing to ask: `null`, and the client simply retries.
 */
export type NetworkProbe = () => Promise<boolean> | null;

/** A STUN error code at or above this is WebRTC's own "no answer" (701), not the server's. */
const NO_ANSWER_CODE = 700;

export function relayProbe(iceServers: () => readonly IceServer[], timeoutMs: number): NetworkProbe {
  return () => {
    const turn = iceServers()
      .map((server) => ({ ...server, urls: turnUrlsOf(server.urls) }))
      .filter((server) => server.urls.length > 0);
    if (turn.length === 0 || typeof RTCPeerConnection === 'undefined') return null;
    return probeOnce(turn, timeoutMs);
  };
}

function turnUrlsOf(urls: string | readonly string[]): string[] {
  return (typeof urls === 'string' ? [urls] : [...urls]).filter((url) => /^turns?:/i.test(url));
}

async function probeOnce(iceServers: readonly IceServer[], timeoutMs: number): Promise<boolean> {
  let pc: RTCPeerConnection;
  try {
    pc = new RTCPeerConnection({
      iceServers: iceServers.map((server) => ({ ...server, urls: [...server.urls] })),
      iceTransportPolicy: 'relay',
    });
  } catch {
    return false;
  }
  try {
    const answered = new Promise<boolean>((done) => {
      const timer = setTimeout(() => done(false), timeoutMs);
      const yes = (): void => {
        clearTimeout(timer);
        done(true);
      };
      pc.onicecandidate = (event) => {
        if (event.candidate?.type === 'relay') yes();
      };
      pc.onicecandidateerror = (event) => {
        const code = event.errorCode;
        if (code > 0 && code < NO_ANSWER_CODE) yes();
      };
    });
    pc.createDataChannel('probe');
    await pc.setLocalDescription(await pc.createOffer());
    return await answered;
  } catch {
    return false;
  } finally {
    pc.onicecandidate = null;
    pc.onicecandidateerror = null;
    pc.close();
  }
}
