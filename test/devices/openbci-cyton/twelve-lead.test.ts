import {
  createOpenBciCytonDriver,
  openBciCyton12Lead,
  TWELVE_LEAD_MAP,
} from '../../../src/devices/openbci-cyton';
import { CytonSimulator } from '../../../src/devices/openbci-cyton/simulator';
import { driverFor, DRIVERS } from '../../../src/devices/registry';
import { generateStream } from '../../../src/devices/testing/generate-stream';
import { pushAll } from '../support';
import { byLead } from './helpers';

/** The usual 12-lead order, which the decoder emits in. */
const TWELVE = ['I', 'II', 'III', 'AVR', 'AVL', 'AVF', 'V1', 'V2', 'V3', 'V4', 'V5', 'V6'].map(
  (lead) => `MDC_ECG_ELEC_POTL_${lead}`,
);
const SECONDS = 20;
const steps = (mv: number | null): number => Math.round((mv ?? Number.NaN) * 10_000);

describe('OpenBCI Cyton wired as a 12-lead ECG (simulator → bytes → real decoder)', () => {
  const stream = generateStream(openBciCyton12Lead, SECONDS, { seed: 11, startMs: Date.UTC(2026, 0, 1) });
  const out = byLead(pushAll(openBciCyton12Lead.createDecoder('sim'), stream.chunks));
  const frames = stream.frames.filter((f) => TWELVE[0] in f);

  it('decodes 12 leads at the board rate, in the usual order, equal to what the simulator encoded', () => {
    expect(Object.keys(out.samples)).toEqual(TWELVE);
    expect(out.errors).toEqual([]);
    expect(frames.length).toBeGreaterThanOrEqual(SECONDS * 250);
    for (const lead of TWELVE) expect(out.samples[lead]).toEqual(frames.map((f) => f[lead]));
    // 250 Hz: consecutive sample times 4 ms apart.
    expect(out.times[1] - out.times[0]).toBe(4);
  });

  it('obeys Einthoven (I + III = II) and Goldberger at every decoded sample', () => {
    const [i, ii, iii, avr, avl, avf] = TWELVE.slice(0, 6).map((lead) => out.samples[lead]);
    expect(i.length).toBeGreaterThanOrEqual(SECONDS * 250);
    i.forEach((_, k) => {
      expect(steps(i[k]) + steps(iii[k])).toBe(steps(ii[k]));
      expect(Math.abs(avr[k]! + (i[k]! + ii[k]!) / 2)).toBeLessThanOrEqual(0.00005 + 1e-12);
      expect(Math.abs(avl[k]! - (i[k]! - ii[k]! / 2))).toBeLessThanOrEqual(0.00005 + 1e-12);
      expect(Math.abs(avf[k]! - (ii[k]! - i[k]! / 2))).toBeLessThanOrEqual(0.00005 + 1e-12);
    });
  });

  it('has independent precordial leads with R-wave progression: rS in V1, qR in V6', () => {
    const peak = (lead: string): number => Math.max(...out.samples[lead].map((v) => v ?? 0));
    const trough = (lead: string): number => Math.min(...out.samples[lead].map((v) => v ?? 0));
    // V1 mostly negative at the QRS, V6 mostly positive; the R grows from V1 to V5.
    expect(-trough('MDC_ECG_ELEC_POTL_V1')).toBeGreaterThan(peak('MDC_ECG_ELEC_POTL_V1'));
    expect(peak('MDC_ECG_ELEC_POTL_V6')).toBeGreaterThan(-trough('MDC_ECG_ELEC_POTL_V6'));
    expect(peak('MDC_ECG_ELEC_POTL_V5')).toBeGreaterThan(peak('MDC_ECG_ELEC_POTL_V2'));
    // No precordial lead is a copy or a sum of the limb leads.
    const v3 = out.samples['MDC_ECG_ELEC_POTL_V3'];
    expect(v3).not.toEqual(out.samples['MDC_ECG_ELEC_POTL_I']);
    expect(new Set(TWELVE.map((lead) => out.samples[lead].slice(0, 50).join(','))).size).toBe(12);
  });

  it('keeps the Cyton stream byte for byte: the 3-lead driver reads channels 1–3 as I, II, V1', () => {
    const threeLead = createOpenBciCytonDriver({
      leadMap: { 1: 'MDC_ECG_ELEC_POTL_I', 2: 'MDC_ECG_ELEC_POTL_II', 3: 'MDC_ECG_ELEC_POTL_V1' },
    });
    const raw = byLead(pushAll(threeLead.createDecoder('sim'), stream.chunks));
    expect(raw.samples['MDC_ECG_ELEC_POTL_V1']).toEqual(out.samples['MDC_ECG_ELEC_POTL_V1']);
  });

  it('is chosen by its id, never probed (its bytes are the 3-lead board’s)', () => {
    expect(driverFor('openbci-cyton-12lead')).toBe(openBciCyton12Lead);
    expect(DRIVERS).not.toContain(openBciCyton12Lead);
    expect(new CytonSimulator({ seed: 1, twelveLead: true })).toBeInstanceOf(CytonSimulator);
  });

  it('refuses a derivation it cannot make', () => {
    expect(() =>
      createOpenBciCytonDriver({ leadMap: { 1: 'MDC_ECG_ELEC_POTL_I' }, deriveLimbLeads: true }),
    ).toThrow(/needs MDC_ECG_ELEC_POTL_II/);
    expect(() =>
      createOpenBciCytonDriver({
        leadMap: { ...TWELVE_LEAD_MAP, 8: 'MDC_ECG_ELEC_POTL_III' },
        deriveLimbLeads: true,
      }),
    ).toThrow(/derived/);
  });
});
