import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { createBackend } from '../src/core/backend';
import { MemorySettingsStore } from '../src/core/settings/memory-settings-store';
import type { DeviceDriver } from '../src/devices/driver';
import { createOpenBciCytonDriver } from '../src/devices/openbci-cyton';
import { driverFor } from '../src/devices/registry';
import { fmt } from './stats';

/**
 * Six channels on each of two Cyton boards: twelve ECG channels. Both boards use the same map
 * (limb and augmented leads); their readings stay apart by device id (protocol@path).
 */
const SIX_LEADS = {
  1: 'MDC_ECG_ELEC_POTL_I',
  2: 'MDC_ECG_ELEC_POTL_II',
  3: 'MDC_ECG_ELEC_POTL_III',
  4: 'MDC_ECG_ELEC_POTL_AVR',
  5: 'MDC_ECG_ELEC_POTL_AVL',
  6: 'MDC_ECG_ELEC_POTL_AVF',
} as const;

/**
 * 12 ECG channels at 250 Hz (two OpenBCI Cyton boards) plus two oximeters (Contec V7, Nonin #2),
 * each simulated by a `station simulate` child process on its own pty, read by one backend in this
 * process for `minutes` of real time. Heap is measured after GC before and after; CPU is this
 * process's (the backend's) user + system time over the window, as a share of one core.
 */
export async function benchMultiDevice(
  minutes = Number(process.env.BENCH_MINUTES ?? 10),
): Promise<{ minutes: number; heapGrowthMb: number; cpuPercent: number; batches: number; samples: number }> {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) throw new Error('run the benchmark with node --expose-gc');
  const drivers = new Map<string, DeviceDriver>([
    ['openbci-cyton', createOpenBciCytonDriver({ leadMap: SIX_LEADS })],
    ['contec-cms50-v7', driverFor('contec-cms50-v7')!],
    ['nonin-df2', driverFor('nonin-df2')!],
  ]);
  const feeds = ['openbci-cyton', 'openbci-cyton', 'contec-cms50-v7', 'nonin-df2'];
  const dir = await mkdtemp(join(tmpdir(), 'station-bench-multi-'));
  const children: ChildProcess[] = [];
  const settings = new MemorySettingsStore();
  const backend = createBackend({
    host: 'node',
    version: 'bench',
    settings,
    discovery: false,
    resolveDriver: (protocol) => drivers.get(protocol) ?? null,
  });
  let batches = 0;
  let samples = 0;
  backend.on('readings', (batch) => {
    batches += 1;
    for (const reading of batch.readings) if (reading.type === 'waveform') samples += reading.samples.length;
  });
  try {
    for (const [i, protocol] of feeds.entries()) {
      const link = join(dir, `device-${i}`);
      children.push(await simulate(protocol, link));
      await backend.connectDevice({ path: link, protocol });
    }
    await sleep(5000); // warm-up: every device streaming, JIT settled
    gc();
    const heapBefore = process.memoryUsage().heapUsed;
    const cpuBefore = process.cpuUsage();
    const started = Date.now();
    batches = 0;
    samples = 0;
    await sleep(minutes * 60_000);
    const cpu = process.cpuUsage(cpuBefore);
    const wallMs = Date.now() - started;
    gc();
    const heapAfter = process.memoryUsage().heapUsed;
    return {
      minutes,
      heapGrowthMb: (heapAfter - heapBefore) / 1024 / 1024,
      cpuPercent: ((cpu.user + cpu.system) / 1000 / wallMs) * 100,
      batches,
      samples,
    };
  } finally {
    await backend.close();
    for (const child of children) child.kill('SIGTERM');
    await rm(dir, { recursive: true, force: true });
  }
}

/** Starts `station simulate` in a child process and waits until it has made its pty. */
async function simulate(protocol: string, link: string): Promise<ChildProcess> {
  const cli = join(__dirname, '..', 'cli', 'station.cjs');
  const child = spawn(process.execPath, [cli, 'simulate', '--protocol', protocol, '--link', link], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  await new Promise<void>((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (code) => reject(new Error(`station simulate ${protocol} exited with ${code}`)));
    child.stdout?.once('data', () => resolve());
  });
  return child;
}

export function printMultiDevice(result: Awaited<ReturnType<typeof benchMultiDevice>>): void {
  console.log(
    `\n12 ECG channels at 250 Hz + 2 oximeters through device sessions for ${result.minutes} min ` +
      `(${result.samples} waveform samples in ${result.batches} batches):\n` +
      `  heap growth ${fmt(result.heapGrowthMb)} MB after GC (target ≤ 10 MB), ` +
      `backend CPU ${fmt(result.cpuPercent, 1)} % of one core (target ≤ 10 %)`,
  );
}
