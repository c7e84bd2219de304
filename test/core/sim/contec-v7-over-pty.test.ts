import { createBackend } from '../../../src/core/backend';
import { MemorySettingsStore } from '../../../src/core/settings/memory-settings-store';
import { startSimulatedDevice } from '../../../src/core/sim/simulated-device';
import type { SimulatedValues } from '../../../src/devices/driver';
import type { DeviceInfo } from '../../../src/shared/domain/devices';
import type { Reading } from '../../../src/shared/domain/readings';
import { hasSocat, waitFor } from '../../helpers/pty';

/**
 * The whole path with real parts: the Contec V7 simulator writes through the real serial binding
 * into a socat pty pair; the backend opens the other end with the real binding, runs the V7 host
 * script (the simulator streams only after the station's 0xA1), decodes and publishes.
 */
const describeWithSocat = hasSocat() ? describe : describe.skip;
const PROTOCOL = 'contec-cms50-v7';
const PLETH = 'MDC_PULS_OXIM_PLETH';

describeWithSocat('Contec V7 simulator → pty → backend (integration)', () => {
  it('delivers what the simulator encoded, then reports an unplug as disconnected', async () => {
    const device = await startSimulatedDevice(PROTOCOL, { seed: 42 });
    const frames: SimulatedValues[] = [];
    device.onOutput((out) => frames.push(...out.frames.filter((f) => PLETH in f)));
    const backend = createBackend({ host: 'node', version: 'test', settings: new MemorySettingsStore() });
    const readings: Reading[] = [];
    const states: DeviceInfo[] = [];
    let lastSeq = -1;
    backend.on('readings', (batch) => {
      expect(batch.seq).toBe(lastSeq + 1);
      lastSeq = batch.seq;
      readings.push(...batch.readings);
    });
    backend.on('device.state', (info) => states.push(info));
    try {
      const info = await backend.connectDevice({ path: device.path, protocol: PROTOCOL, simulated: true });
      expect(info).toMatchObject({ id: `${PROTOCOL}@${device.path}`, simulated: true });
      const samples = (): (number | null)[] =>
        readings.flatMap((r) => (r.type === 'waveform' ? r.samples : []));
      await waitFor(() => samples().length >= 90, 5000, '90 pleth samples');

      const got = samples();
      expect(got).toEqual(frames.slice(0, got.length).map((f) => f[PLETH]));
      // Numerics are sent on change (and once a second): their sequence of distinct values, nulls
      // included, is the simulator's over the same frames.
      for (const metric of ['MDC_PULS_OXIM_SAT_O2', 'MDC_PULS_OXIM_PULS_RATE', 'MDC_PULS_OXIM_PERF_REL']) {
        const values = readings.flatMap((r) =>
          r.type === 'numeric' && r.metric === metric ? [r.value] : [],
        );
        expect(values.length).toBeGreaterThan(0);
        expect(collapse(values)).toEqual(collapse(frames.slice(0, got.length).map((f) => f[metric] ?? null)));
      }
      const [streaming] = await backend.api['devices.list']({});
      expect(streaming).toMatchObject({ state: 'streaming', droppedFrames: 0, error: null });

      const unpluggedAt = Date.now();
      await device.unplug();
      await waitFor(() => states.at(-1)?.state === 'disconnected', 2000, 'disconnected');
      expect(Date.now() - unpluggedAt).toBeLessThan(2000);
      expect(states.at(-1)?.error?.code).toBe('disconnected');
    } finally {
      await backend.close();
      await device.stop();
    }
  });

  it('stops cleanly: the stop script reaches the simulator, which stops streaming', async () => {
    const device = await startSimulatedDevice(PROTOCOL, { seed: 1 });
    let streamed = 0;
    device.onOutput((out) => (streamed += out.frames.filter((f) => PLETH in f).length));
    const backend = createBackend({ host: 'node', version: 'test', settings: new MemorySettingsStore() });
    try {
      const { id } = await backend.connectDevice({ path: device.path, protocol: PROTOCOL, simulated: true });
      await waitFor(() => streamed >= 12, 3000, 'streaming');
      expect(await backend.api['devices.disconnect']({ id })).toBeNull();
      expect(await backend.api['devices.list']({})).toEqual([]);
      await new Promise((resolve) => setTimeout(resolve, 100));
      const afterStop = streamed;
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect(streamed).toBe(afterStop);
    } finally {
      await backend.close();
      await device.stop();
    }
  });
});

/** Drops consecutive repeats: [1, 1, 2, 2, 1] → [1, 2, 1]. */
function collapse<T>(values: readonly T[]): T[] {
  return values.filter((value, i) => i === 0 || value !== values[i - 1]);
}
