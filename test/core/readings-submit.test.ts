import { createBackend } from '../../src/core/backend';
import { MemorySettingsStore } from '../../src/core/settings/memory-settings-store';
import { isBleDeviceId, MAX_SUBMITTED_READINGS } from '../../src/shared/api';
import type { Reading, ReadingBatch } from '../../src/shared/domain/readings';
import { AppErrorException } from '../../src/shared/result';

/** `readings.submit`: readings decoded in the renderer (Bluetooth LE) join the wired devices' bus. */
const hr = (device: string, value: number): Reading => ({
  type: 'numeric',
  device,
  metric: 'MDC_ECG_HEART_RATE',
  value,
  unit: '/min',
  time: '2026-11-25T17:00:00.000Z',
});

function setup() {
  const backend = createBackend({ host: 'node', version: '0', settings: new MemorySettingsStore() });
  const batches: ReadingBatch[] = [];
  backend.on('readings', (batch) => batches.push(batch));
  return { backend, batches };
}

describe('readings.submit', () => {
  it('publishes BLE readings as a numbered batch and remembers them for readings.latest', async () => {
    const { backend, batches } = setup();
    const readings = [hr('ble-heart-rate@Polar H10 A1', 72)];
    expect(await backend.api['readings.submit']({ readings })).toEqual({ accepted: 1 });
    expect(batches).toEqual([{ seq: 0, readings }]);
    expect(await backend.api['readings.latest']({})).toEqual(readings);
    await backend.close();
  });

  it.each([
    ['a wired device id', [hr('contec-cms50-v7@/dev/ttyUSB0', 72)]],
    ['an unknown ble profile', [hr('ble-glucose@x', 72)]],
    ['no name after @', [hr('ble-heart-rate@', 72)]],
    ['an empty list', []],
    [
      'too many readings',
      Array.from({ length: MAX_SUBMITTED_READINGS + 1 }, () => hr('ble-heart-rate@x', 1)),
    ],
    ['a reading that breaks the schema', [{ ...hr('ble-heart-rate@x', 1), value: 'high' }]],
  ])('rejects %s, publishing nothing', async (_name, readings) => {
    const { backend, batches } = setup();
    await expect(backend.api['readings.submit']({ readings: readings as Reading[] })).rejects.toBeInstanceOf(
      AppErrorException,
    );
    expect(batches).toEqual([]);
    await backend.close();
  });

  it('isBleDeviceId accepts the five BLE protocol ids only', () => {
    expect(isBleDeviceId('ble-plx-spot@Nonin 3230 (AB:CD)')).toBe(true);
    expect(isBleDeviceId('ble-heart-rate')).toBe(false);
    expect(isBleDeviceId('@ble-heart-rate')).toBe(false);
  });
});
