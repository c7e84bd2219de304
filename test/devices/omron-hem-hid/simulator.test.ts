import { BP_METRIC } from '../../../src/devices/bp/bp-record';
import { UTC_ZONE } from '../../../src/devices/bp/device-clock';
import { BpRecordLedger } from '../../../src/devices/bp/record-ledger';
import { bytesToHex } from '../../../src/devices/framing/hex';
import { createOmronHemHidDriver } from '../../../src/devices/omron-hem-hid';
import * as commands from '../../../src/devices/omron-hem-hid/commands';
import { MODE } from '../../../src/devices/omron-hem-hid/constants';
import { OmronHemHidSimulator } from '../../../src/devices/omron-hem-hid/simulator';
import { runHostLoop } from '../bp/host-loop';
import { readingsOf } from '../support';

const T0 = Date.UTC(2026, 10, 25, 9, 0, 0);
/** Sends reports padded to 8 bytes, as the transport does; returns the reply as hex. */
const send = (sim: OmronHemHidSimulator, reports: Uint8Array[]) =>
  bytesToHex(
    Uint8Array.from(
      reports.flatMap((r) => {
        const padded = new Uint8Array(8);
        padded.set(r);
        return [...sim.receive(padded, T0).bytes];
      }),
    ),
  );
const ok = '02 4F 4B 00 00 00 00 00';
const no = '02 4E 4F 00 00 00 00 00';

describe('OmronHemHidSimulator', () => {
  it('answers the clearing block with OK and VER with the document’s bytes', () => {
    const sim = new OmronHemHidSimulator({ zone: UTC_ZONE });
    sim.receiveFeatureReport(Uint8Array.from(MODE.deviceInfo), T0);
    expect(send(sim, commands.clearingBlock([7, 5]))).toBe(ok);
    expect(send(sim, commands.clearingBlock([7, 7, 7, 2]))).toBe(ok); // older libomron's 23 bytes
    expect(send(sim, commands.versionCommand())).toBe(
      '07 4F 4B 00 4D 37 30 38 07 30 49 54 20 32 30 37 01 4A 00 00 00 00 00 00',
    );
  });

  it('answers GDC and GME in daily mode only, index 0 newest, NO past the end or on a bad check', () => {
    const sim = new OmronHemHidSimulator({ seed: 2, zone: UTC_ZONE });
    expect(send(sim, commands.countCommand(0))).toBe(no);
    sim.receiveFeatureReport(Uint8Array.from(MODE.dailyReadings), T0);
    expect(send(sim, commands.countCommand(0))).toBe('07 4F 4B 00 00 0A 00 05 01 0F 00 00 00 00 00 00');
    const records = sim.storedRecords();
    expect(records).toHaveLength(5);
    for (let i = 1; i < records.length; i++) {
      const time = (r: (typeof records)[number]) => UTC_ZONE.toEpochMs(r.time);
      expect(time(records[i])).toBeLessThan(time(records[i - 1]));
    }
    expect(send(sim, commands.recordCommand(0, 0)).startsWith('07 4F 4B 00 1A 0B 19 08')).toBe(true); // 2026-11-25 08:…
    expect(send(sim, commands.recordCommand(0, 5))).toBe(no);
    expect(send(sim, [Uint8Array.of(5, 0x56, 0x45, 0x52, 0x30, 0x31)])).toBe(no); // VER01: check fails
    expect(send(sim, [Uint8Array.of(5, 0x58, 0x59, 0x5a, 0x30, 0x30)])).toBe(no); // unknown command
  });

  it('answers END with OFF and then stays silent', () => {
    const sim = new OmronHemHidSimulator({ zone: UTC_ZONE });
    expect(send(sim, commands.endCommand())).toBe('07 4F 46 46 0D 0A 00 00');
    expect(sim.isPoweredOff).toBe(true);
    expect(send(sim, commands.versionCommand())).toBe('');
  });

  it('is deterministic from its seed', () => {
    const memory = (seed: number) => {
      const sim = new OmronHemHidSimulator({ seed, zone: UTC_ZONE });
      sim.receive(new Uint8Array(0), T0);
      return JSON.stringify(sim.storedRecords());
    };
    expect(memory(4)).toBe(memory(4));
    expect(memory(4)).not.toBe(memory(5));
  });

  it('decoder(simulator bytes) equals the values the simulator encoded', () => {
    const driver = createOmronHemHidDriver({ ledger: new BpRecordLedger(), zone: UTC_ZONE, maxRecords: 5 });
    const run = runHostLoop(driver, {
      simulator: new OmronHemHidSimulator({ seed: 9, zone: UTC_ZONE }),
      startMs: T0,
    });
    const frames = run.frames.filter((f) => BP_METRIC.systolic in f);
    expect(frames).toHaveLength(5);
    const readings = readingsOf(run.events);
    // Newest first: a first download imports the first record only.
    expect(readings.map((r) => r.type === 'numeric' && r.value)).toEqual(
      frames.slice(0, 1).flatMap((f) => [f[BP_METRIC.systolic], f[BP_METRIC.diastolic], f[BP_METRIC.pulse]]),
    );
    expect(run.events.filter((e) => e.kind === 'frame-error')).toEqual([]);
  });
});
