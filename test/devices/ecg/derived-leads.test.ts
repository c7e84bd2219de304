import fc from 'fast-check';
import { deriveLimbLeads } from '../../../src/devices/ecg/derived-leads';

const STEPS_PER_MV = 10_000;
/** Leads on the decoder's 0.1 µV grid, within ±10 mV. */
const lead = fc.integer({ min: -100_000, max: 100_000 }).map((steps) => steps / STEPS_PER_MV);

function derive(i: number, ii: number): { iii: number; avr: number; avl: number; avf: number } {
  const out: number[] = [];
  deriveLimbLeads(i, ii, STEPS_PER_MV, out, 0);
  const [iii, avr, avl, avf] = out;
  return { iii, avr, avl, avf };
}

const steps = (mv: number): number => Math.round(mv * STEPS_PER_MV);

describe('deriveLimbLeads (Einthoven and Goldberger)', () => {
  it('gives I + III = II exactly in 0.1 µV steps, for any I and II', () => {
    fc.assert(
      fc.property(lead, lead, (i, ii) => {
        expect(steps(i) + steps(derive(i, ii).iii)).toBe(steps(ii));
      }),
    );
  });

  it('gives aVR + aVL + aVF = 0 and each augmented lead within half a step of its formula', () => {
    fc.assert(
      fc.property(lead, lead, (i, ii) => {
        const { avr, avl, avf } = derive(i, ii);
        expect(Math.abs(avr - -(i + ii) / 2)).toBeLessThanOrEqual(0.5 / STEPS_PER_MV + 1e-12);
        expect(Math.abs(avl - (i - ii / 2))).toBeLessThanOrEqual(0.5 / STEPS_PER_MV + 1e-12);
        expect(Math.abs(avf - (ii - i / 2))).toBeLessThanOrEqual(0.5 / STEPS_PER_MV + 1e-12);
        // The three augmented leads sum to zero, up to the rounding of each (at most a step each way).
        expect(Math.abs(steps(avr) + steps(avl) + steps(avf))).toBeLessThanOrEqual(1);
      }),
    );
  });

  it('matches hand-worked values (I = 0.5 mV, II = 1.0 mV)', () => {
    expect(derive(0.5, 1)).toEqual({ iii: 0.5, avr: -0.75, avl: 0, avf: 0.75 });
    expect(derive(0, 0)).toEqual({ iii: 0, avr: 0, avl: 0, avf: 0 });
    // Half a step rounds away from zero, alike for a lead and its opposite.
    expect(derive(0.0001, 0).avr).toBe(-0.0001);
    expect(derive(-0.0001, 0).avr).toBe(0.0001);
  });
});
