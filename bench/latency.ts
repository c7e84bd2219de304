import { setTimeout as sleep } from 'node:timers/promises';
import { openPtyRig } from './pty-rig';
import { fmt, summarize } from './stats';

const FRAMES = 5000;
const WARMUP_FRAMES = 120;
const INTERVAL_MS = 2;

/**
 * Latency from a frame written into the pty to its reading leaving the backend, and to a WebSocket
 * client of the Node host: 5,000 frames, one every 2 ms (8× the device's 60 Hz, so the figure is
 * not flattered by an idle machine), after a warm-up.
 */
export async function benchLatency(): Promise<{
  backend: ReturnType<typeof summarize>;
  client: ReturnType<typeof summarize>;
}> {
  const rig = await openPtyRig();
  try {
    const written: number[] = [];
    for (let i = 0; i < WARMUP_FRAMES + FRAMES; i += 1) {
      written.push(await rig.writeFrame(i));
      await sleep(INTERVAL_MS);
    }
    await waitFor(() => rig.clientTimes.length >= written.length, 5000);
    const backend: number[] = [];
    const client: number[] = [];
    for (let i = WARMUP_FRAMES; i < written.length; i += 1) {
      const sent = written[i];
      if (rig.backendTimes[i] !== undefined) backend.push(rig.backendTimes[i] - sent);
      if (rig.clientTimes[i] !== undefined) client.push(rig.clientTimes[i] - sent);
    }
    if (backend.length < FRAMES || client.length < FRAMES) {
      throw new Error(`lost samples: backend saw ${backend.length}, client ${client.length} of ${FRAMES}`);
    }
    return { backend: summarize(backend), client: summarize(client) };
  } finally {
    await rig.close();
  }
}

async function waitFor(condition: () => boolean, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition() && Date.now() < deadline) await sleep(20);
}

export function printLatency(result: Awaited<ReturnType<typeof benchLatency>>): void {
  console.log(
    `\nLatency, frame written into the pty → reading (${result.backend.n} frames, one per ${INTERVAL_MS} ms)`,
  );
  const row = (label: string, s: ReturnType<typeof summarize>, target: string) =>
    console.log(
      `  ${label.padEnd(24)} p50 ${fmt(s.p50)} ms   p99 ${fmt(s.p99)} ms   max ${fmt(s.max)} ms   (target p99 ${target})`,
    );
  row('→ backend event', result.backend, '≤ 5 ms');
  row('→ WebSocket client', result.client, '≤ 20 ms');
}
