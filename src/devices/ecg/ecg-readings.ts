import type { DecodeEvent } from '../driver';
import type { MetricId } from '../../shared/domain/metrics';
import type { StatusFlag } from '../../shared/domain/readings';
import { IsoTimeFormatter } from '../framing/iso-time-formatter';

/**
 * Turns decoded ECG samples into readings (design §3), shared by the ECG front-end drivers:
 * - one waveform reading per lead per contiguous run of samples in a push (a run ends at a lost
 *   sample, a rate change or the end of the push);
 * - a status reading whenever the active flags change (and with the first sample).
 * Leads are emitted in the order given, so a consumer sees I, II, III of one run side by side.
 */
export interface EcgLead {
  readonly metric: MetricId;
  /** UCUM unit of the samples: 'mV', or '1' for raw counts. */
  readonly unit: string;
}

export class EcgReadingEmitter {
  private readonly iso = new IsoTimeFormatter();
  private runs: (number | null)[][];
  private runStartMs = 0;
  private flagsKey: string | null = null;
  /** The array last passed to setFlags: callers pass constants, so most calls end at `===`. */
  private lastFlags: readonly StatusFlag[] | null = null;

  constructor(
    private readonly device: string,
    private readonly leads: readonly EcgLead[],
    private rate: number,
  ) {
    this.runs = leads.map(() => []);
  }

  get rateHz(): number {
    return this.rate;
  }

  /** Adds one sample per lead (`values[k]` for lead k; null = the device flagged it invalid). */
  add(values: ArrayLike<number | null>, timeMs: number): void {
    const { runs } = this;
    if (runs.length > 0 && runs[0].length === 0) this.runStartMs = timeMs;
    for (let k = 0; k < runs.length; k++) runs[k].push(values[k]);
  }

  /** Emits a status reading if `flags` differ from the last ones emitted. */
  setFlags(flags: readonly StatusFlag[], timeMs: number, events: DecodeEvent[]): void {
    if (flags === this.lastFlags) return;
    this.lastFlags = flags;
    const key = flags.join(',');
    if (key === this.flagsKey) return;
    this.flagsKey = key;
    events.push({
      kind: 'reading',
      reading: { type: 'status', device: this.device, flags: [...flags], time: this.iso.format(timeMs) },
    });
  }

  /** Ends the current run and continues at a new rate (the rate is constant within a reading). */
  setRate(rateHz: number, events: DecodeEvent[]): void {
    this.endRun(events);
    this.rate = rateHz;
  }

  /** Ends the current waveform run (samples were lost, or the push is over). */
  endRun(events: DecodeEvent[]): void {
    if (this.runs.length === 0 || this.runs[0].length === 0) return;
    const start = this.iso.format(this.runStartMs);
    this.leads.forEach((lead, k) => {
      events.push({
        kind: 'reading',
        reading: {
          type: 'waveform',
          device: this.device,
          metric: lead.metric,
          unit: lead.unit,
          rateHz: this.rate,
          start,
          samples: this.runs[k],
        },
      });
    });
    this.runs = this.leads.map(() => []);
  }

  reset(): void {
    this.runs = this.leads.map(() => []);
    this.flagsKey = null;
    this.lastFlags = null;
  }
}
