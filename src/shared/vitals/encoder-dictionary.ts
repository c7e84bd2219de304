import type { DictEntry } from './messages';
import { LIMITS } from './wire-format';

type StringTable = 'device' | 'metric' | 'unit';

const seriesKey = (device: string, metric: string, unit: string, rateHz: number | null): string =>
  `${device}\u0000${metric}\u0000${unit}\u0000${rateHz ?? ''}`;

/**
 * The sender's side of the session dictionaries: device ids, metric ids and units are sent once as
 * `dict` entries and then referred to by index; a "series" (device, metric, unit and, for a
 * waveform, rate) gets one index so a record names all four with one small varint. Indices are
 * never reused or renumbered while the sender lives, so batches encoded before a reconnect stay
 * valid after it (resume re-sends every entry after `hello`). Each table holds at most
 * LIMITS.entriesPerTable entries; past that `null` is returned and the reading is not sent.
 */
export class EncoderDictionary {
  private readonly strings: Record<StringTable, Map<string, number>> = {
    device: new Map(),
    metric: new Map(),
    unit: new Map(),
  };
  private readonly series = new Map<string, number>();
  private readonly all: DictEntry[] = [];
  private fresh: DictEntry[] = [];

  /**
   * The dictionary of a session carried on by a reloaded page (sender-snapshot.ts), from its
   * entries in the order they were assigned — already checked by a DecoderDictionary. Throws when
   * they could not have come from one encoder (an index out of order, a text twice).
   */
  static fromEntries(entries: readonly DictEntry[]): EncoderDictionary {
    const dictionary = new EncoderDictionary();
    const texts: Record<StringTable, string[]> = { device: [], metric: [], unit: [] };
    for (const entry of entries) {
      if (entry.table === 'series') {
        const [device, metric, unit] = [
          texts.device.at(entry.device),
          texts.metric.at(entry.metric),
          texts.unit.at(entry.unit),
        ];
        const key =
          device === undefined || metric === undefined || unit === undefined
            ? null
            : seriesKey(device, metric, unit, entry.rateHz);
        if (key === null || entry.index !== dictionary.series.size || dictionary.series.has(key))
          throw new RangeError(`vitals dictionary: series ${entry.index} out of order`);
        dictionary.series.set(key, entry.index);
      } else {
        const map = dictionary.strings[entry.table];
        if (entry.index !== map.size || map.has(entry.text))
          throw new RangeError(`vitals dictionary: ${entry.table} ${entry.index} out of order`);
        map.set(entry.text, entry.index);
        texts[entry.table].push(entry.text);
      }
      dictionary.all.push(entry);
    }
    return dictionary;
  }

  /** Every entry so far, in the order assigned (what resume() re-sends). */
  get entries(): readonly DictEntry[] {
    return this.all;
  }

  /** Entries assigned since the last call: they must reach the receiver before the batch using them. */
  takeNew(): DictEntry[] {
    const fresh = this.fresh;
    this.fresh = [];
    return fresh;
  }

  deviceIndex(device: string): number | null {
    return this.stringIndex('device', device);
  }

  /** The index of a series already in the dictionary (none is added). */
  knownSeries(device: string, metric: string, unit: string, rateHz: number | null): number | undefined {
    return this.series.get(seriesKey(device, metric, unit, rateHz));
  }

  seriesIndex(device: string, metric: string, unit: string, rateHz: number | null): number | null {
    const key = seriesKey(device, metric, unit, rateHz);
    const known = this.series.get(key);
    if (known !== undefined) return known;
    if (this.series.size >= LIMITS.entriesPerTable) return null;
    const deviceIndex = this.stringIndex('device', device);
    const metricIndex = this.stringIndex('metric', metric);
    const unitIndex = this.stringIndex('unit', unit);
    if (deviceIndex === null || metricIndex === null || unitIndex === null) return null;
    const index = this.series.size;
    this.series.set(key, index);
    this.add({ table: 'series', index, device: deviceIndex, metric: metricIndex, unit: unitIndex, rateHz });
    return index;
  }

  private stringIndex(table: StringTable, text: string): number | null {
    const map = this.strings[table];
    const known = map.get(text);
    if (known !== undefined) return known;
    if (map.size >= LIMITS.entriesPerTable) return null;
    const index = map.size;
    map.set(text, index);
    this.add({ table, index, text });
    return index;
  }

  private add(entry: DictEntry): void {
    this.all.push(entry);
    this.fresh.push(entry);
  }
}
