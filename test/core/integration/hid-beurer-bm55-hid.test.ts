import { createBeurerBm55HidDriver } from '../../../src/devices/beurer-bm55-hid';
import { BeurerBm55HidSimulator } from '../../../src/devices/beurer-bm55-hid/simulator';
import { BpRecordLedger } from '../../../src/devices/bp/record-ledger';
import { bytesToHex } from '../../../src/devices/framing/hex';
import { createHidStation } from '../../helpers/device-integration';
import { waitFor } from '../../helpers/pty';

/** BM55 simulator ⇄ fake node-hid device ⇄ real HID transport ⇄ session ⇄ backend. */
const PROTOCOL = 'beurer-bm55-hid';
const PATH = '/dev/hidraw6';

describe('Beurer BM55 simulator → fake node-hid device → real HID transport → session (integration)', () => {
  it('downloads every stored record, imports only the newest (first download), then reports an unplug', async () => {
    const { hid, backend, readings, states } = createHidStation(
      createBeurerBm55HidDriver({ ledger: new BpRecordLedger() }),
    );
    const simulator = new BeurerBm55HidSimulator({ seed: 3 });
    const device = hid.add({ path: PATH, vendorId: 0x0c45, productId: 0x7406, simulator, reportBytes: 8 });
    try {
      await backend.connectDevice({ path: PATH, protocol: PROTOCOL, simulated: true });
      await waitFor(() => device.writes.some((w) => w[1] === 0xf7), 3000, 'F7');
      expect(device.writes.map((w) => bytesToHex(w.subarray(0, 3)))).toEqual([
        '00 AA F4',
        '00 A2 F4',
        '00 A3 01',
        '00 A3 02',
        '00 A3 03',
        '00 A3 04',
        '00 A3 05',
        '00 F7 F4',
      ]);
      // The newest record by device time; the four older ones are reported as skipped history.
      const newest = [...simulator.storedRecords()].sort((a, b) => recordMs(b) - recordMs(a)).slice(0, 1);
      const expected = newest.flatMap((r) => {
        const time = new Date(
          r.time.year,
          r.time.month - 1,
          r.time.day,
          r.time.hour,
          r.time.minute,
        ).toISOString();
        return [
          [r.systolic, time],
          [r.diastolic, time],
          [r.pulse, time],
        ];
      });
      await waitFor(() => readings.length >= 3, 2000, 'the newest record');
      expect(readings.map((r) => r.type === 'numeric' && [r.value, r.time])).toEqual(expected);
      device.unplug();
      await waitFor(() => states.at(-1)?.state === 'disconnected', 2000, 'disconnected');
      expect(states.at(-1)?.error?.code).toBe('disconnected');
    } finally {
      await backend.close();
    }
  });
});

function recordMs(r: {
  time: { year: number; month: number; day: number; hour: number; minute: number };
}): number {
  return new Date(r.time.year, r.time.month - 1, r.time.day, r.time.hour, r.time.minute).getTime();
}
