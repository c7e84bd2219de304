import fc from 'fast-check';
import type { Decoder } from '../../../src/devices/driver';
import { normalize, type NormalizedOutput } from '../support';

/** Stream mutations for fuzzing: bit flips, dropped and duplicated bytes, truncation. */
export interface Mutation {
  readonly at: number;
  readonly kind: 'flip' | 'drop' | 'dup' | 'truncate';
  readonly bit: number;
}

export function mutationsArb(streamLength: number): fc.Arbitrary<Mutation[]> {
  const mutation = fc.record({
    at: fc.nat({ max: streamLength - 1 }),
    kind: fc.constantFrom('flip' as const, 'drop' as const, 'dup' as const, 'truncate' as const),
    bit: fc.nat({ max: 7 }),
  });
  return fc.array(mutation, { minLength: 1, maxLength: 5 });
}

export function mutate(stream: Uint8Array, mutations: readonly Mutation[]): Uint8Array {
  let s = [...stream];
  for (const m of mutations) {
    const at = m.at % Math.max(1, s.length);
    if (m.kind === 'flip') s[at] = s[at] ^ (1 << m.bit);
    else if (m.kind === 'drop') s.splice(at, 1);
    else if (m.kind === 'dup') s.splice(at, 0, s[at] ?? 0);
    else s = s.slice(0, at);
  }
  return Uint8Array.from(s);
}

export const tail = <T>(items: readonly T[], n: number): T[] => items.slice(items.length - n);

/** A decoder's output without times: what must not depend on how the bytes were chunked. */
export function valuesOf(out: NormalizedOutput) {
  return {
    numerics: out.numerics.map((n) => `${n.metric}=${n.value}`),
    statuses: out.statuses.map((s) => s.flags.join('+')),
    samples: out.samples,
    info: out.info,
    // Sorted: a decoder finds frames in a first pass and decodes them in a second, so within one
    // push a layout error can precede a content error of an earlier frame.
    errors: [...out.errors].sort(),
  };
}

/**
 * Property: `input` pushed whole and pushed in random chunks decodes to the same values, errors and
 * replies — boundary decisions (frame found, frame dropped, byte skipped) never depend on where a
 * chunk ended, garbage and corruption included.
 */
export function chunkingInvariance(
  createDecoder: () => Decoder,
  input: fc.Arbitrary<Uint8Array>,
): fc.IPropertyWithHooks<[Uint8Array, number[]]> {
  return fc.property(input, fc.array(fc.nat({ max: 400 }), { maxLength: 12 }), (bytes, cuts) => {
    const whole = normalize(createDecoder().push(bytes, 0));
    const decoder = createDecoder();
    const bounds = [0, ...cuts.map((c) => c % (bytes.length + 1)).sort((a, b) => a - b), bytes.length];
    const events = bounds.slice(1).flatMap((end, i) => decoder.push(bytes.subarray(bounds[i], end), 0));
    expect(valuesOf(normalize(events))).toEqual(valuesOf(whole));
  });
}
