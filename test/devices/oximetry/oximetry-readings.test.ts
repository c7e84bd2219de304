import type { DecodeEvent } from '../../../src/devices/driver';
import { flagNames, OXIMETRY_FLAG } from '../../../src/devices/oximetry/oximetry-flags';
import { emptyOximetryFrame, OximetryReadingEmitter } from '../../../src/devices/oximetry/oximetry-readings';
import { STATUS_FLAGS } from '../../../src/shared/domain/readings';
import { readingsOf } from '../support';

describe('oximetry readings', () => {
  it('lists flags in STATUS_FLAGS order', () => {
    const all = flagNames(0x1f);
    expect(all).toEqual([...all].sort((a, b) => STATUS_FLAGS.indexOf(a) - STATUS_FLAGS.indexOf(b)));
    expect(flagNames(OXIMETRY_FLAG.pulseBeep | OXIMETRY_FLAG.probeOff)).toEqual(['probe-off', 'pulse-beep']);
    expect(flagNames(0)).toEqual([]);
  });

  it('omits PI for protocols without it, and reset forgets what was emitted', () => {
    const emitter = new OximetryReadingEmitter('dev', 60);
    const events: DecodeEvent[] = [];
    const frame = { ...emptyOximetryFrame(), spo2: 98, pulseRate: 70, pleth: 10 };
    emitter.add(frame, 0, events);
    emitter.add(frame, 16, events);
    emitter.endRun(events);
    emitter.endRun(events); // nothing pending: no empty waveform
    expect(readingsOf(events).map((r) => r.type)).toEqual(['status', 'numeric', 'numeric', 'waveform']);
    emitter.reset();
    const again: DecodeEvent[] = [];
    emitter.add(frame, 32, again);
    expect(readingsOf(again).map((r) => r.type)).toEqual(['status', 'numeric', 'numeric']);
  });
});
