import {
  amplitudeFromSamples,
  caliperAmplitude,
  caliperIntervalMs,
  moveCaliper,
  ratePerMinute,
  sampleAtX,
  xOfSample,
} from '../../../../src/renderer/consultant/ecg-viewer/calipers';
import { LeadHistory } from '../../../../src/renderer/consultant/ecg-viewer/lead-history';
import { findRPeaks } from '../../../../src/renderer/consultant/ecg-viewer/r-peaks';

const T0 = Date.UTC(2026, 11, 6, 9, 0, 0);

/** A lead at 250 Hz with a 1 mV R every 200 samples (800 ms, 75 /min), baseline 0. */
function beatingLead(seconds: number): LeadHistory {
  const lead = new LeadHistory(250, 250 * 60);
  const samples = Array.from({ length: 250 * seconds }, (_, k) => {
    const d = ((k - 30) % 200) - 0; // R at 30, 230, 430…
    return d === 0 ? 1 : d === 1 || d === 199 ? 0.6 : 0.02 * Math.sin(k / 7);
  });
  // Delivered in 50-sample batches, each stamped with its first sample's time (ISO ms).
  for (let k = 0; k < samples.length; k += 50) lead.push(Math.round(T0 + k * 4), samples.slice(k, k + 50));
  return lead;
}

describe('calipers on the sample clock', () => {
  it('read an R-R interval in ms from the samples, not from arrival', () => {
    const lead = beatingLead(4);
    expect(caliperIntervalMs(lead, { a: 230, b: 30 })).toBe(800);
    expect(ratePerMinute(800)).toBe(75);
    expect(caliperIntervalMs(lead, { a: 30, b: 31 })).toBe(4);
  });

  it('snap a pointer to the nearest sample and back', () => {
    const view = { from: 1000, count: 500, width: 1000 };
    expect(sampleAtX(0, view)).toBe(1000);
    expect(sampleAtX(3, view)).toBe(1002); // 1.5 samples rounds to 2
    expect(sampleAtX(5000, view)).toBe(1499);
    expect(xOfSample(1250, view)).toBe(500);
  });

  it('move by whole samples and stay on held samples', () => {
    const lead = beatingLead(1);
    expect(moveCaliper(10, 1, lead)).toBe(11);
    expect(moveCaliper(0, -1, lead)).toBe(0);
    expect(moveCaliper(249, 10, lead)).toBe(249);
  });

  it('read an amplitude in mV, also from the samples under the time calipers', () => {
    const lead = beatingLead(1);
    expect(caliperAmplitude({ low: 1.2, high: -0.3 })).toBeCloseTo(1.5, 9);
    const amplitude = amplitudeFromSamples(lead, { a: 30, b: 100 });
    expect(amplitude?.high).toBe(1);
    expect(caliperAmplitude(amplitude!)).toBeCloseTo(1 - 0.02 * Math.sin(100 / 7), 6);
    expect(amplitudeFromSamples(lead, { a: 30, b: 100_000 })).toBeUndefined();
  });

  it('finds the R peaks of a stretch', () => {
    const lead = beatingLead(4);
    expect(findRPeaks(lead.read(0, 1000), 0, 250)).toEqual([30, 230, 430, 630, 830]);
    expect(findRPeaks(lead.read(100, 400), 100, 250)).toEqual([230, 430]);
    expect(findRPeaks(new Float32Array(10), 0, 250)).toEqual([]);
  });
});
