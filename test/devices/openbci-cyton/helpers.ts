import type { DecodeEvent } from '../../../src/devices/driver';
import { concatBytes } from '../../../src/devices/framing/concat';
import { encodePacket } from '../../../src/devices/openbci-cyton/device-encoder';

/** Per-lead samples and sample times, and the other events, so chunkings can be compared. */
export interface LeadOutput {
  samples: Record<string, (number | null)[]>;
  /** Times (ms) of each sample of the first lead seen. */
  times: number[];
  /** Waveform readings per lead (a new run = a new reading). */
  runs: number;
  info: string[];
  errors: string[];
}

export function byLead(events: readonly DecodeEvent[]): LeadOutput {
  const out: LeadOutput = { samples: {}, times: [], runs: 0, info: [], errors: [] };
  let firstMetric: string | null = null;
  for (const e of events) {
    if (e.kind === 'device-info') out.info.push(`${e.key}=${e.value}`);
    else if (e.kind === 'frame-error' || e.kind === 'value-error') out.errors.push(e.code);
    else if (e.reading.type === 'waveform') {
      const w = e.reading;
      firstMetric ??= w.metric;
      (out.samples[w.metric] ??= []).push(...w.samples);
      if (w.metric === firstMetric) {
        out.runs++;
        const start = Date.parse(w.start);
        w.samples.forEach((_, i) => out.times.push(start + (i * 1000) / w.rateHz));
      }
    }
  }
  return out;
}

/** Packets with channel k of packet i = (i + 1) * 1000 * (k + 1) * (k % 2 ? -1 : 1) counts. */
export function packets(count: number, firstSampleNumber = 0): Uint8Array[] {
  return Array.from({ length: count }, (_, i) =>
    encodePacket({
      sampleNumber: firstSampleNumber + i,
      channels: Array.from({ length: 8 }, (_, k) => (i + 1) * 1000 * (k + 1) * (k % 2 ? -1 : 1)),
    }),
  );
}

export const stream = (parts: readonly Uint8Array[]): Uint8Array => concatBytes(parts);
