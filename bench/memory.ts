import { setTimeout as sleep } from 'node:timers/promises';
import { openPtyRig } from './pty-rig';
import { fmt } from './stats';

const DEVICE_RATE_HZ = 60;

/**
 * Heap growth while streaming: `minutes` of 60 Hz device data through the real pty, session, bus,
 * WebSocket bridge and client. By default the data is replayed 20× faster than real time (10 minutes
 * of data in 30 s); BENCH_REALTIME=1 streams it at 60 Hz for the full duration.
 */
export async function benchMemory(
  minutes = 10,
): Promise<{ frames: number; heapGrowthMb: number; seconds: number }> {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) throw new Error('run the benchmark with node --expose-gc');
  const realtime = process.env.BENCH_REALTIME === '1';
  const frames = minutes * 60 * DEVICE_RATE_HZ;
  const perTick = realtime ? 1 : 20;
  const tickMs = 1000 / DEVICE_RATE_HZ;
  const rig = await openPtyRig();
  try {
    for (let i = 0; i < 600; i += 1) await rig.writeFrame(i); // warm-up: JIT, buffers, first batches
    await sleep(500);
    gc();
    const before = process.memoryUsage().heapUsed;
    const started = Date.now();
    for (let i = 0; i < frames; i += perTick) {
      for (let k = 0; k < perTick; k += 1) await rig.writeFrame(i + k);
      await sleep(tickMs);
      // The rig keeps one timestamp per sample for the latency bench; drop them here so the figure
      // measures the station, not the harness.
      rig.backendTimes.length = 0;
      rig.clientTimes.length = 0;
    }
    await sleep(500);
    gc();
    const after = process.memoryUsage().heapUsed;
    return { frames, heapGrowthMb: (after - before) / 1024 / 1024, seconds: (Date.now() - started) / 1000 };
  } finally {
    await rig.close();
  }
}

export function printMemory(result: Awaited<ReturnType<typeof benchMemory>>): void {
  console.log(
    `\nHeap growth over ${result.frames} frames (10 min of 60 Hz data, streamed in ${fmt(result.seconds, 0)} s): ` +
      `${fmt(result.heapGrowthMb)} MB after GC (target ≤ 10 MB)`,
  );
}
