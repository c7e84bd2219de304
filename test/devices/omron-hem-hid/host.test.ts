import { BP_METRIC } from '../../../src/devices/bp/bp-record';
import { UTC_ZONE } from '../../../src/devices/bp/device-clock';
import { BpRecordLedger } from '../../../src/devices/bp/record-ledger';
import type { HostWrite } from '../../../src/devices/driver';
import { bytesToHex } from '../../../src/devices/framing/hex';
import { createOmronHemHidDriver } from '../../../src/devices/omron-hem-hid';
import { OmronHemHidSimulator } from '../../../src/devices/omron-hem-hid/simulator';
import { readingsOf } from '../support';
import { runHostLoop } from '../bp/host-loop';

const T0 = Date.UTC(2026, 10, 25, 9, 0, 0);
const show = (writes: HostWrite[]) =>
  writes.map((w) => (w instanceof Uint8Array ? bytesToHex(w) : `feature ${bytesToHex(w.featureReport)}`));
const setup = (options: { maxRecords?: number; replyTimeoutMs?: number } = {}) => {
  const ledger = new BpRecordLedger();
  const driver = createOmronHemHidDriver({ ledger, zone: UTC_ZONE, ...options });
  const simulator = new OmronHemHidSimulator({ seed: 7, zone: UTC_ZONE });
  return { ledger, driver, simulator };
};

describe('Omron HID host ⇄ simulator (pure loop)', () => {
  it('runs the documented conversation and imports the newest records with their device times', () => {
    const { driver, simulator } = setup();
    const run = runHostLoop(driver, { simulator, startMs: T0 });
    expect(run.error).toBeUndefined();
    expect(show(run.writes)).toEqual([
      'feature 11 11',
      '07 00 00 00 00 00 00 00',
      '05 00 00 00 00 00',
      '05 56 45 52 30 30',
      'feature 74 BC',
      '07 00 00 00 00 00 00 00',
      '05 00 00 00 00 00',
      '07 47 44 43 00 00 00 00',
      '01 00',
      '07 47 4D 45 00 00 00 00',
      '01 00',
      '07 47 4D 45 00 00 00 01',
      '01 01',
      '07 47 4D 45 00 00 00 02',
      '01 02',
      '05 45 4E 44 FF FF',
    ]);
    const stored = simulator.storedRecords();
    expect(stored).toHaveLength(5);
    const readings = readingsOf(run.events);
    // First download: GME 0..2 are downloaded, only the newest (GME 0) is imported.
    expect(readings).toHaveLength(3);
    expect(
      run.events.filter((e) => e.kind === 'device-info' && e.key === 'bp-record-skipped-history'),
    ).toHaveLength(2);
    stored.slice(0, 1).forEach((record, i) => {
      const time = new Date(
        Date.UTC(
          record.time.year,
          record.time.month - 1,
          record.time.day,
          record.time.hour,
          record.time.minute,
          record.time.second,
        ),
      ).toISOString();
      const values = readings
        .slice(i * 3, i * 3 + 3)
        .map((r) => r.type === 'numeric' && [r.metric, r.value, r.time]);
      expect(values).toEqual([
        [BP_METRIC.systolic, record.systolic, time],
        [BP_METRIC.diastolic, record.diastolic, time],
        [BP_METRIC.pulse, record.pulse, time],
      ]);
    });
    // What the decoder emitted equals what the simulator encoded, record by record.
    const bpFrames = run.frames.filter((f) => BP_METRIC.systolic in f);
    expect(bpFrames).toHaveLength(3);
    expect(simulator.isPoweredOff).toBe(true);
  });

  it('never re-imports: a second session (a replug) downloads only the new measurement', () => {
    const { driver, simulator } = setup();
    runHostLoop(driver, { simulator, startMs: T0 });
    // The unit powers on again with the same memory, plus one new measurement.
    const again = new OmronHemHidSimulator({ seed: 8, zone: UTC_ZONE, memory: simulator.storedRecords() });
    const added = again.takeMeasurement(T0 + 3_600_000);
    const run = runHostLoop(driver, { simulator: again, startMs: T0 + 3_600_000 });
    expect(run.error).toBeUndefined();
    const readings = readingsOf(run.events);
    expect(readings.map((r) => r.type === 'numeric' && r.value)).toEqual([
      added.systolic,
      added.diastolic,
      added.pulse,
    ]);
    expect(
      run.events.filter((e) => e.kind === 'device-info' && e.key === 'bp-record-duplicate'),
    ).toHaveLength(1);
    // GME 0 (new), GME 1 (known: stop), END.
    expect(show(run.writes).filter((w) => w.startsWith('07 47 4D 45'))).toHaveLength(2);
  });

  it('imports nothing when the newest record is known, and handles an empty memory', () => {
    const { driver, simulator } = setup();
    runHostLoop(driver, { simulator, startMs: T0 });
    const same = new OmronHemHidSimulator({ seed: 7, zone: UTC_ZONE });
    expect(readingsOf(runHostLoop(driver, { simulator: same, startMs: T0 }).events)).toEqual([]);
    const empty = new OmronHemHidSimulator({ storedRecords: 0, zone: UTC_ZONE });
    const run = runHostLoop(driver, { simulator: empty, startMs: T0 });
    expect(run.error).toBeUndefined();
    expect(show(run.writes).at(-1)).toBe('05 45 4E 44 FF FF');
  });

  it('ends with a typed timeout when the device stops answering mid-download', () => {
    const { driver, simulator } = setup({ replyTimeoutMs: 500 });
    const run = runHostLoop(driver, { simulator, startMs: T0, silentAfterWrites: 10 }); // after GME 0's first report
    expect(run.error).toMatchObject({ code: 'timeout' });
    expect(run.error?.message).toMatch(/GME 0/);
    expect(run.endedAtMs - T0).toBeLessThanOrEqual(4 * 500 + 100);
  });

  it('resends a command the device answers NO, then gives up with a protocol error', () => {
    const { driver } = setup();
    // A unit that refuses everything after the clearing block.
    const refusing = new OmronHemHidSimulator({ zone: UTC_ZONE, version: 'X' });
    const receive = refusing.receive.bind(refusing);
    refusing.receive = (chunk, atMs) =>
      chunk[1] === 0x56
        ? { bytes: Uint8Array.from([2, 0x4e, 0x4f, 0, 0, 0, 0, 0]), frames: [{}] }
        : receive(chunk, atMs);
    const run = runHostLoop(driver, { simulator: refusing, startMs: T0 });
    expect(run.error).toMatchObject({ code: 'protocol' });
    expect(show(run.writes).filter((w) => w === '05 56 45 52 30 30')).toHaveLength(4);
  });

  it('accepts an END that gets no OFF (the unit may just power down)', () => {
    const { driver, simulator } = setup();
    const run = runHostLoop(driver, { simulator, startMs: T0, silentAfterWrites: 15 });
    expect(run.error).toBeUndefined();
    expect(readingsOf(run.events)).toHaveLength(3); // the last record asked for ends the download
  });
});
