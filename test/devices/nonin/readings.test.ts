import type { DecodeEvent } from '../../../src/devices/driver';
import { NONIN_FLAG } from '../../../src/devices/nonin/flags';
import { emptyNoninFrame, NoninReadingEmitter } from '../../../src/devices/nonin/readings';
import { readingSchema } from '../../../src/shared/domain/readings';
import { readingsOf } from '../support';

describe('NoninReadingEmitter', () => {
  it('skips numerics not known yet, emits nulls for markers, refreshes every second and on change', () => {
    const emitter = new NoninReadingEmitter('d', { plethRateHz: 75 });
    const events: DecodeEvent[] = [];
    const frame = emptyNoninFrame();
    const t0 = Date.UTC(2026, 0, 1);
    emitter.add(frame, t0, events, 10);
    frame.spo2 = 97;
    emitter.add(frame, t0 + 100, events, 11);
    emitter.add(frame, t0 + 600, events, 12);
    emitter.add(frame, t0 + 1100, events, 13);
    frame.spo2 = null;
    frame.flags = NONIN_FLAG.probeOff;
    emitter.add(frame, t0 + 1200, events, 14);
    emitter.endRun(events);
    const readings = readingsOf(events);
    readings.forEach((r) => readingSchema.parse(r));
    expect(readings.map((r) => (r.type === 'numeric' ? r.value : r.type))).toEqual([
      'status',
      97,
      97,
      'status',
      null,
      'waveform',
    ]);
    expect(
      readings.filter((r) => r.type === 'numeric').every((r) => r.metric === 'MDC_PULS_OXIM_SAT_O2'),
    ).toBe(true);
  });
});
