import { BP_METRIC } from '../../../src/devices/bp/bp-record';
import { BpRecordLedger } from '../../../src/devices/bp/record-ledger';
import { bytesToHex } from '../../../src/devices/framing/hex';
import { createOmronHemHidDriver, type OmronHemHidDriverOptions } from '../../../src/devices/omron-hem-hid';
import { OmronHemHidSimulator } from '../../../src/devices/omron-hem-hid/simulator';
import type { NumericReading, Reading } from '../../../src/shared/domain/readings';
import { createHidStation } from '../../helpers/device-integration';
import type { FakeHidDevice } from '../../helpers/fake-hid';
import { waitFor } from '../../helpers/pty';

/**
 * The HID path with every real part but the kernel device: Omron simulator ⇄ fake node-hid device
 * (no virtual HID exists on build machines) ⇄ the REAL HID transport ⇄ device session running the
 * driver's host conversation ⇄ backend. The readings must be the simulator's newest records.
 */
const PROTOCOL = 'omron-hem-hid';
const PATH = '/dev/hidraw5';

function station(options: OmronHemHidDriverOptions = {}) {
  const { hid, backend, readings, states } = createHidStation(
    createOmronHemHidDriver({ ledger: new BpRecordLedger(), ...options }),
  );
  const plug = (simulator: OmronHemHidSimulator): FakeHidDevice =>
    hid.add({ path: PATH, vendorId: 0x0590, productId: 0x0028, simulator, reportBytes: 8 });
  return { hid, backend, readings, states, plug };
}

const numerics = (readings: Reading[]) => readings.filter((r): r is NumericReading => r.type === 'numeric');
const show = (device: FakeHidDevice) => device.writes.map((w) => bytesToHex(w));

describe('Omron HID simulator → fake node-hid device → real HID transport → session (integration)', () => {
  it('first download imports only the newest record, and only the new one after a replug', async () => {
    const { backend, readings, states, plug } = station();
    const simulator = new OmronHemHidSimulator({ seed: 5 });
    const device = plug(simulator);
    try {
      await backend.connectDevice({ path: PATH, protocol: PROTOCOL, simulated: true });
      await waitFor(() => simulator.isPoweredOff, 3000, 'END');
      expect(device.featureReports.map((f) => bytesToHex(f))).toEqual(['00 11 11', '00 74 BC']);
      expect(show(device)).toEqual([
        '00 07 00 00 00 00 00 00 00',
        '00 05 00 00 00 00 00 00 00',
        '00 05 56 45 52 30 30 00 00',
        '00 07 00 00 00 00 00 00 00',
        '00 05 00 00 00 00 00 00 00',
        '00 07 47 44 43 00 00 00 00',
        '00 01 00 00 00 00 00 00 00',
        ...[0, 1, 2].flatMap((i) => [`00 07 47 4D 45 00 00 00 0${i}`, `00 01 0${i} 00 00 00 00 00 00`]),
        '00 05 45 4E 44 FF FF 00 00',
      ]);
      // GME 0..2 are downloaded (newest first); only GME 0 is imported: older ones may be another patient's.
      const expected = simulator
        .storedRecords()
        .slice(0, 1)
        .flatMap((record) => {
          const t = record.time;
          const time = new Date(t.year, t.month - 1, t.day, t.hour, t.minute, t.second).toISOString();
          return [
            [BP_METRIC.systolic, record.systolic, time],
            [BP_METRIC.diastolic, record.diastolic, time],
            [BP_METRIC.pulse, record.pulse, time],
          ];
        });
      expect(numerics(readings).map((r) => [r.metric, r.value, r.time])).toEqual(expected);
      expect(states.at(-1)).toMatchObject({
        state: 'streaming',
        transport: 'hid',
        droppedFrames: 0,
        error: null,
      });

      // Unplug, then the same unit comes back with one new measurement.
      device.unplug();
      await waitFor(() => states.at(-1)?.state === 'disconnected', 2000, 'disconnected');
      expect(states.at(-1)?.error?.code).toBe('disconnected');
      await backend.api['devices.disconnect']({ id: `${PROTOCOL}@${PATH}` });
      const again = new OmronHemHidSimulator({ seed: 5, memory: simulator.storedRecords() });
      const replugged = plug(again);
      const added = again.takeMeasurement(Date.now());
      const before = readings.length;
      await backend.connectDevice({ path: PATH, protocol: PROTOCOL, simulated: true });
      await waitFor(() => again.isPoweredOff, 3000, 'END after replug');
      expect(numerics(readings.slice(before)).map((r) => r.value)).toEqual([
        added.systolic,
        added.diastolic,
        added.pulse,
      ]);
      expect(show(replugged).filter((w) => w.startsWith('00 07 47 4D 45'))).toHaveLength(2);
    } finally {
      await backend.close();
    }
  });

  it('ends with a typed timeout, not a hang, when the device stops answering mid-download', async () => {
    const { backend, states, plug } = station({ replyTimeoutMs: 150 });
    const simulator = new OmronHemHidSimulator({ seed: 6 });
    const device = plug(simulator);
    const receive = simulator.receive.bind(simulator);
    simulator.receive = (chunk, atMs) => {
      if (chunk[1] === 0x47 && chunk[3] === 0x45) device.silent = true; // the first GME report
      return receive(chunk, atMs);
    };
    try {
      const startedAt = Date.now();
      await backend.connectDevice({ path: PATH, protocol: PROTOCOL, simulated: true });
      await waitFor(() => states.at(-1)?.state === 'error', 3000, 'error state');
      expect(states.at(-1)?.error).toMatchObject({
        code: 'timeout',
        message: expect.stringMatching(/GME 0/) as unknown,
      });
      expect(Date.now() - startedAt).toBeLessThan(2000);
      expect(device.isOpen).toBe(false);
    } finally {
      await backend.close();
    }
  });

  it('reports an unplug during a read as disconnected', async () => {
    const { backend, states, plug } = station();
    const simulator = new OmronHemHidSimulator({ seed: 7 });
    const device = plug(simulator);
    const receive = simulator.receive.bind(simulator);
    simulator.receive = (chunk, atMs) => {
      if (chunk[1] === 0x56) {
        device.unplug(); // pulled while the version reply is on its way
        return { bytes: new Uint8Array(0), frames: [] };
      }
      return receive(chunk, atMs);
    };
    try {
      await backend.connectDevice({ path: PATH, protocol: PROTOCOL, simulated: true });
      await waitFor(() => states.at(-1)?.state === 'disconnected', 2000, 'disconnected');
      expect(states.at(-1)?.error?.code).toBe('disconnected');
    } finally {
      await backend.close();
    }
  });
});
