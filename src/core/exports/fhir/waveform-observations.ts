import type { WaveformChannel } from '../../../shared/domain/consultation';
import { isMetricId, METRICS, type MetricInfo } from '../../../shared/domain/metrics';
import type { ExportSource, WaveformSegment } from '../export-source';
import type { BundleWriter } from './bundle-writer';
import type { DeviceDirectory } from './devices';
import { ENCOUNTER_KEY } from './encounter';
import { mdcCoding } from './observation-parts';
import { PATIENT_KEY } from './participants';
import { sampledData } from './sampled-data';
import type { FhirObject } from './types';

/**
 * Waveforms → Observations with `valueSampledData`, in chunks of at most 10 s (README.md,
 * "Waveforms"). Chunks follow a 10 s grid from the device's first sample, and a gap in the
 * recording starts a new chunk, so every chunk is one contiguous run whose first sample is the
 * Observation's effectiveDateTime.
 * ECG leads of one device that share a chunk's start, rate and length go into one Observation coded
 * 131328 MDC_ECG_ELEC_POTL with one component per lead, the layout of the FHIR R4 example "ekg";
 * every other waveform (pleth, the generic single-lead ECG) carries its SampledData directly.
 */

export const CHUNK_MS = 10_000;
const MDC_ECG_ELEC_POTL = 131328;
/** No consultation lasts a day: a longer span is a corrupt record, not 8 640+ chunks to walk. */
const MAX_SPAN_MS = 24 * 3600_000;

interface Channel {
  readonly device: string;
  readonly info: MetricInfo;
  readonly firstMs: number;
  readonly lastMs: number;
}

interface Chunk {
  readonly channel: Channel;
  readonly segment: WaveformSegment;
}

export function addWaveformObservations(
  writer: BundleWriter,
  source: ExportSource,
  devices: DeviceDirectory,
): void {
  const groups = new Map<string, Channel[]>();
  for (const recorded of source.detail.waveforms) {
    const channel = acceptChannel(writer, recorded);
    if (channel === null) continue;
    // Leads of one ECG device share a group (and a chunk grid); any other channel is its own group.
    const groupKey = isEcgLead(channel.info)
      ? `ecg\u0000${channel.device}`
      : `${channel.device}\u0000${channel.info.id}`;
    groups.set(groupKey, [...(groups.get(groupKey) ?? []), channel]);
  }

  for (const channels of groups.values()) {
    const gridStart = Math.min(...channels.map((c) => c.firstMs));
    // lastSampleAt is truncated to the millisecond: +1 ms reaches past the last sample.
    const gridEnd = Math.max(...channels.map((c) => c.lastMs)) + 1;
    for (let from = gridStart; from < gridEnd; from += CHUNK_MS) {
      const chunks: Chunk[] = [];
      for (const channel of channels) {
        for (const segment of source.waveform(channel.device, channel.info.id, from, from + CHUNK_MS)) {
          chunks.push(...splitLongSegment(channel, segment));
        }
      }
      emitChunks(writer, devices, chunks);
    }
  }
}

function acceptChannel(writer: BundleWriter, recorded: WaveformChannel): Channel | null {
  const item = `waveform ${recorded.metric} from ${recorded.device}`;
  if (!isMetricId(recorded.metric)) {
    writer.warn(item, 'metric id not in the metric table (no code to export it under)');
    return null;
  }
  const info: MetricInfo = METRICS[recorded.metric];
  if (info.kind !== 'waveform') {
    writer.warn(item, `${info.id} is a numeric metric, recorded as a waveform`);
    return null;
  }
  if (recorded.unit !== info.unit) {
    writer.warn(item, `unit ${recorded.unit} differs from the metric table's ${info.unit}`);
    return null;
  }
  const firstMs = Date.parse(recorded.firstSampleAt);
  const lastMs = Date.parse(recorded.lastSampleAt);
  if (
    !Number.isFinite(firstMs) ||
    !Number.isFinite(lastMs) ||
    lastMs < firstMs ||
    lastMs - firstMs > MAX_SPAN_MS ||
    !(recorded.rateHz > 0)
  ) {
    writer.warn(item, 'unreadable or implausible sample times or rate');
    return null;
  }
  return { device: recorded.device, info, firstMs, lastMs };
}

function isEcgLead(info: MetricInfo): boolean {
  return info.id.startsWith('MDC_ECG_ELEC_POTL_');
}

/** A source may hand back more than 10 s (e.g. a rate a little off its nominal value): cut it. */
function splitLongSegment(channel: Channel, segment: WaveformSegment): Chunk[] {
  const perChunk = Math.max(1, Math.floor((CHUNK_MS * segment.rateHz) / 1000));
  if (segment.samples.length <= perChunk) return segment.samples.length === 0 ? [] : [{ channel, segment }];
  const out: Chunk[] = [];
  for (let first = 0; first < segment.samples.length; first += perChunk) {
    out.push({
      channel,
      segment: {
        ...segment,
        startMs: segment.startMs + (first * 1000) / segment.rateHz,
        samples: segment.samples.slice(first, first + perChunk),
      },
    });
  }
  return out;
}

function emitChunks(writer: BundleWriter, devices: DeviceDirectory, chunks: readonly Chunk[]): void {
  const ecgGroups = new Map<string, Chunk[]>();
  for (const chunk of chunks) {
    if (!isEcgLead(chunk.channel.info)) {
      addObservation(writer, devices, chunk, chunk.channel.info.id, channelCode(chunk.channel.info), {
        valueSampledData: segmentData(chunk.segment),
      });
      continue;
    }
    const { segment } = chunk;
    const key = `${segment.startMs}\u0000${segment.rateHz}\u0000${segment.samples.length}`;
    ecgGroups.set(key, [...(ecgGroups.get(key) ?? []), chunk]);
  }
  for (const leads of ecgGroups.values()) {
    const first = leads[0];
    if (first === undefined) continue;
    const ecgCode = { coding: [mdcCoding(MDC_ECG_ELEC_POTL, 'MDC_ECG_ELEC_POTL')], text: 'ECG' };
    addObservation(writer, devices, first, 'ecg', ecgCode, {
      component: leads.map((lead) => ({
        code: channelCode(lead.channel.info),
        valueSampledData: segmentData(lead.segment),
      })),
    });
  }
}

function addObservation(
  writer: BundleWriter,
  devices: DeviceDirectory,
  chunk: Chunk,
  keyName: string,
  code: FhirObject,
  value: FhirObject,
): void {
  const { device } = chunk.channel;
  const start = new Date(chunk.segment.startMs).toISOString();
  writer.add(writer.uniqueKey(`waveform/${device}/${keyName}/${start}`), {
    resourceType: 'Observation',
    status: 'final',
    code,
    subject: writer.ids.reference(PATIENT_KEY),
    encounter: writer.ids.reference(ENCOUNTER_KEY),
    effectiveDateTime: start,
    device: devices.reference(device),
    ...value,
  });
}

function channelCode(info: MetricInfo): FhirObject {
  return { coding: [mdcCoding(info.mdcCode, info.id)], text: info.label.en };
}

function segmentData(segment: WaveformSegment): FhirObject {
  return sampledData(segment.samples, segment.rateHz, segment.unit);
}
