import type { DeviceDriver, DecoderStats } from '../../../src/devices/driver';
import type { NumericReading, StatusReading } from '../../../src/shared/domain/readings';

export const T0 = Date.UTC(2026, 10, 25, 16, 0, 0);
export const SPO2 = 'MDC_PULS_OXIM_SAT_O2';
export const PULSE = 'MDC_PULS_OXIM_PULS_RATE';
export const PI = 'MDC_PULS_OXIM_PERF_REL';

/** What a driver's own (guarded) decoder gives for hand-built bytes, in order. */
export interface GuardedOutput {
  /** Status flags and numerics in emission order: `flags:a+b` or `METRIC=value`. */
  readonly sequence: string[];
  readonly statuses: StatusReading[];
  readonly numerics: NumericReading[];
  readonly samples: (number | null)[];
  /** `METRIC=value` of each value dropped as impossible. */
  readonly valueErrors: string[];
  readonly frameErrors: string[];
  readonly stats: DecoderStats;
}

/** Decodes `chunks` (pushed one by one, 1 s apart) through `driver.createDecoder`. */
export function decodeGuarded(driver: DeviceDriver, chunks: readonly Uint8Array[]): GuardedOutput {
  const decoder = driver.createDecoder(`${driver.protocol}@test`);
  const out = {
    sequence: [] as string[],
    statuses: [] as StatusReading[],
    numerics: [] as NumericReading[],
    samples: [] as (number | null)[],
    valueErrors: [] as string[],
    frameErrors: [] as string[],
  };
  chunks.forEach((chunk, k) => {
    for (const event of decoder.push(chunk, T0 + k * 1000)) {
      if (event.kind === 'value-error') out.valueErrors.push(`${event.metric}=${event.value}`);
      if (event.kind === 'frame-error') out.frameErrors.push(event.code);
      if (event.kind !== 'reading') continue;
      const { reading } = event;
      if (reading.type === 'status') {
        out.statuses.push(reading);
        out.sequence.push(`flags:${reading.flags.join('+')}`);
      } else if (reading.type === 'numeric') {
        out.numerics.push(reading);
        out.sequence.push(`${reading.metric}=${reading.value}`);
      } else {
        out.samples.push(...reading.samples);
      }
    }
  });
  return { ...out, stats: decoder.stats };
}

/** The values of one metric, in order. */
export const valuesOf = (out: GuardedOutput, metric: string): (number | null)[] =>
  out.numerics.filter((n) => n.metric === metric).map((n) => n.value);

/** Bytes of an ASCII line with CR LF. */
export const line = (text: string): Uint8Array => new TextEncoder().encode(`${text}\r\n`);
