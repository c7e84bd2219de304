import { crc32, deflateSync } from 'node:zlib';
import type {
  CareSheet,
  ConsultationDetail,
  MediaInfo,
  MetricSummary,
  Report,
  TimelineEvent,
  WaveformChannel,
} from '../../src/shared/domain/consultation';
import type { ExportSource, RecordedNumeric, WaveformSegment } from '../../src/core/exports/export-source';

/**
 * A complete consultation in memory, for the export tests (FHIR, PDF, care sheet) and benchmarks:
 * a patient with accents in her name, a nurse, consent, an oximeter (SpO2 and pulse at 1 Hz, pleth
 * at 60 Hz), a 3-lead ECG at 250 Hz, one blood-pressure result, a snapshot (PNG) and a stethoscope
 * recording (WAV), chat, a note, the report and the care sheet. Deterministic: same options, same
 * bytes.
 */
export interface FixtureOptions {
  readonly minutes?: number;
  /** ECG leads recorded (each at 250 Hz). */
  readonly ecgLeads?: readonly ('I' | 'II' | 'III' | 'V1' | 'V2' | 'V3' | 'V4' | 'V5' | 'V6')[];
  readonly startIso?: string;
}

export const FIXTURE_ID = '0123456789abcdef0123456789abcdef';
export const OXIMETER = 'contec-cms50-v7@/dev/ttyUSB0';
export const ECG = 'openbci-cyton@/dev/ttyUSB1';
export const BP = 'omron-hem-hid@/dev/hidraw0';
export const SNAPSHOT_ID = 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa';
export const STETHOSCOPE_ID = 'bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb';

export const FIXTURE_REPORT: Report = {
  author: { name: 'Dr Camille Martin', rpps: '10101010101' },
  reason: 'Essoufflement depuis trois jours',
  findings: 'SpO2 96–98 %, auscultation pulmonaire claire, TA 128/82 mmHg.',
  conclusion: 'Pas de signe de gravité. Réévaluation à 48 h.',
  prescriptions: 'Paracétamol 1 g, 3 fois par jour pendant 3 jours.',
};

export const FIXTURE_CARE_SHEET: CareSheet = {
  actCode: 'TC',
  date: '2026-11-25',
  doctor: { name: 'Dr Camille Martin', rpps: '10101010101' },
  teleconsultation: true,
  pathway: 'treating-doctor',
  place: 'home',
  accompanyingAct: 'TLS',
};

export class MemoryExportSource implements ExportSource {
  readonly station = { name: 'Teleconsult Station', version: '0.1.0-test' };

  constructor(
    readonly detail: ConsultationDetail,
    private readonly numericList: readonly RecordedNumeric[],
    private readonly segments: readonly WaveformSegment[],
    private readonly mediaBytes: ReadonlyMap<string, Uint8Array>,
  ) {}

  numerics(): Iterable<RecordedNumeric> {
    return this.numericList;
  }

  waveform(device: string, metric: string, fromMs: number, toMs: number): readonly WaveformSegment[] {
    const out: WaveformSegment[] = [];
    for (const segment of this.segments) {
      if (segment.device !== device || segment.metric !== metric) continue;
      const periodMs = 1000 / segment.rateHz;
      const first = Math.max(0, Math.ceil((fromMs - segment.startMs) / periodMs));
      const last = Math.min(segment.samples.length, Math.ceil((toMs - segment.startMs) / periodMs));
      if (last <= first) continue;
      out.push({
        ...segment,
        startMs: segment.startMs + first * periodMs,
        samples: segment.samples.slice(first, last),
      });
    }
    return out;
  }

  media(mediaId: string): Uint8Array {
    const bytes = this.mediaBytes.get(mediaId);
    if (bytes === undefined) throw new Error(`no media ${mediaId}`);
    return bytes;
  }
}

export function fixtureConsultation(options: FixtureOptions = {}): MemoryExportSource {
  const minutes = options.minutes ?? 10;
  const leads = options.ecgLeads ?? ['I', 'II', 'III'];
  const startMs = Date.parse(options.startIso ?? '2026-11-25T09:30:00.000Z');
  const endMs = startMs + minutes * 60_000;
  const iso = (ms: number): string => new Date(ms).toISOString();

  const numerics: RecordedNumeric[] = [];
  for (let t = startMs + 5_000; t < endMs; t += 1000) {
    const i = (t - startMs) / 1000;
    numerics.push(
      { device: OXIMETER, metric: 'MDC_PULS_OXIM_SAT_O2', unit: '%', value: 96 + (i % 3), time: iso(t) },
      {
        device: OXIMETER,
        metric: 'MDC_PULS_OXIM_PULS_RATE',
        unit: '/min',
        value: i % 97 === 13 ? null : 70 + (i % 7),
        time: iso(t),
      },
    );
  }
  const bpAt = iso(startMs + 120_000);
  numerics.push(
    { device: BP, metric: 'MDC_PRESS_BLD_NONINV_SYS', unit: 'mm[Hg]', value: 128, time: bpAt },
    { device: BP, metric: 'MDC_PRESS_BLD_NONINV_DIA', unit: 'mm[Hg]', value: 82, time: bpAt },
    { device: BP, metric: 'MDC_PRESS_BLD_NONINV_MEAN', unit: 'mm[Hg]', value: 97, time: bpAt },
    { device: BP, metric: 'MDC_PULS_RATE_NON_INV', unit: '/min', value: 74, time: bpAt },
  );
  numerics.sort((a, b) => a.time.localeCompare(b.time));

  const segments: WaveformSegment[] = [];
  const plethStart = startMs + 5_000;
  segments.push({
    device: OXIMETER,
    metric: 'MDC_PULS_OXIM_PLETH',
    unit: '1',
    rateHz: 60,
    startMs: plethStart,
    samples: sampled(60, (endMs - plethStart) / 1000, (s) =>
      Math.round(50 + 40 * Math.sin(2 * Math.PI * 1.2 * s)),
    ),
  });
  for (const lead of leads) {
    const gain = lead === 'III' ? 0.6 : lead === 'I' ? 0.8 : 1;
    segments.push({
      device: ECG,
      metric: `MDC_ECG_ELEC_POTL_${lead}`,
      unit: 'mV',
      rateHz: 250,
      startMs: startMs + 10_000,
      samples: sampled(250, (endMs - startMs - 10_000) / 1000, (s) => round3(gain * ecgShape(s))),
    });
  }

  const snapshot = solidPng(64, 48, [200, 120, 110]);
  const wav = sineWav(8000, 1, 120);
  const media: MediaInfo[] = [
    {
      id: SNAPSHOT_ID,
      kind: 'snapshot',
      mime: 'image/png',
      takenAt: iso(startMs + 180_000),
      bytes: snapshot.length,
      label: 'Otoscope',
      width: 64,
      height: 48,
    },
    {
      id: STETHOSCOPE_ID,
      kind: 'stethoscope',
      mime: 'audio/wav',
      takenAt: iso(startMs + 240_000),
      bytes: wav.length,
      label: 'Stethoscope',
      durationS: 1,
    },
  ];

  const consent = {
    teleconsultation: true,
    deviceData: true,
    recordedBy: 'Infirmière Léa Garnier',
    recordedAt: iso(startMs),
  };
  const timeline: TimelineEvent[] = [
    { kind: 'started', time: iso(startMs) },
    { kind: 'consent', time: iso(startMs), consent },
    {
      kind: 'device',
      time: iso(startMs + 1000),
      device: OXIMETER,
      name: 'Contec CMS50D+',
      state: 'connected',
    },
    { kind: 'call', time: iso(startMs + 3000), state: 'connected' },
    {
      kind: 'chat',
      time: iso(startMs + 60_000),
      from: 'consultant',
      text: 'Bonjour, pouvez-vous vous asseoir ?',
    },
    { kind: 'media', time: media[0].takenAt, media: media[0] },
    { kind: 'media', time: media[1].takenAt, media: media[1] },
    {
      kind: 'note',
      time: iso(startMs + 300_000),
      author: 'Dr Camille Martin',
      text: 'Auscultation normale.',
    },
    { kind: 'call', time: iso(endMs - 2000), state: 'ended' },
    { kind: 'report', time: iso(endMs - 1000) },
    { kind: 'care-sheet', time: iso(endMs - 1000) },
    { kind: 'ended', time: iso(endMs) },
  ];

  const waveforms: WaveformChannel[] = segments.map((segment) => ({
    device: segment.device,
    metric: segment.metric,
    unit: segment.unit,
    rateHz: segment.rateHz,
    firstSampleAt: iso(segment.startMs),
    lastSampleAt: iso(segment.startMs + ((segment.samples.length - 1) * 1000) / segment.rateHz),
    samples: segment.samples.length,
  }));

  const detail: ConsultationDetail = {
    summary: {
      id: FIXTURE_ID,
      status: 'ended',
      patient: {
        familyName: 'Dupont-Lefèvre',
        birthGivenNames: ['Jeanne', 'Éloïse'],
        birthDate: '1948-03-14',
        sex: 'female',
        birthPlace: '75056',
        identityStatus: 'qualified',
        identityDocument: 'CN',
        insSource: 'INSI',
        ins: '248037512345658',
        insuranceNumber: '2480375123456',
      },
      accompanying: { name: 'Léa Garnier', role: 'nurse', identifier: '10000000001' },
      consent,
      motive: 'Essoufflement',
      startedAt: iso(startMs),
      endedAt: iso(endMs),
      hasReport: true,
      hasCareSheet: true,
      counts: {
        numerics: numerics.length,
        waveformSamples: segments.reduce((sum, s) => sum + s.samples.length, 0),
        media: media.length,
        events: timeline.length,
      },
    },
    timeline,
    media,
    metrics: summarise(numerics),
    waveforms,
    devices: [
      { id: OXIMETER, name: 'Contec CMS50D+', protocol: 'contec-cms50-v7' },
      { id: ECG, name: 'OpenBCI Cyton', protocol: 'openbci-cyton' },
      { id: BP, name: 'Omron HEM (USB)', protocol: 'omron-hem-hid' },
    ],
    report: FIXTURE_REPORT,
    careSheet: FIXTURE_CARE_SHEET,
  };
  return new MemoryExportSource(
    detail,
    numerics,
    segments,
    new Map([
      [SNAPSHOT_ID, snapshot],
      [STETHOSCOPE_ID, wav],
    ]),
  );
}

/** Min / max / last per device and metric, as the records store computes them. */
export function summarise(numerics: readonly RecordedNumeric[]): MetricSummary[] {
  const byKey = new Map<string, MetricSummary>();
  for (const n of numerics) {
    const key = `${n.device}\u0000${n.metric}`;
    const current = byKey.get(key) ?? {
      device: n.device,
      metric: n.metric,
      unit: n.unit,
      count: 0,
      min: null,
      max: null,
      last: null,
    };
    if (n.value === null) {
      byKey.set(key, current);
      continue;
    }
    const point = { value: n.value, time: n.time };
    byKey.set(key, {
      ...current,
      count: current.count + 1,
      min: current.min === null || n.value < current.min.value ? point : current.min,
      max: current.max === null || n.value > current.max.value ? point : current.max,
      last: point,
    });
  }
  return [...byKey.values()];
}

function sampled(rateHz: number, seconds: number, at: (s: number) => number): number[] {
  const count = Math.floor(rateHz * seconds);
  const out = new Array<number>(count);
  for (let i = 0; i < count; i++) out[i] = at(i / rateHz);
  return out;
}

/** A crude P-QRS-T complex at 72 bpm, in mV. */
function ecgShape(seconds: number): number {
  const phase = (seconds * 1.2) % 1;
  const bump = (centre: number, width: number, height: number): number =>
    height * Math.exp(-(((phase - centre) / width) ** 2));
  return (
    bump(0.2, 0.025, 0.15) -
    bump(0.39, 0.008, 0.1) +
    bump(0.4, 0.01, 1.1) -
    bump(0.42, 0.01, 0.25) +
    bump(0.65, 0.05, 0.3)
  );
}

function round3(value: number): number {
  return Math.round(value * 1000) / 1000;
}

/** A valid RGB PNG of one colour. */
export function solidPng(width: number, height: number, rgb: readonly [number, number, number]): Uint8Array {
  const row = Buffer.alloc(1 + width * 3);
  for (let x = 0; x < width; x++) row.set(rgb, 1 + x * 3);
  const raw = Buffer.concat(Array.from({ length: height }, () => row));
  const chunk = (type: string, data: Buffer): Buffer => {
    const head = Buffer.alloc(8);
    head.writeUInt32BE(data.length, 0);
    head.write(type, 4, 'latin1');
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
    return Buffer.concat([head, data, crc]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 2, 0, 0, 0], 8);
  return new Uint8Array(
    Buffer.concat([
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
      chunk('IHDR', ihdr),
      chunk('IDAT', deflateSync(raw)),
      chunk('IEND', Buffer.alloc(0)),
    ]),
  );
}

/** A 16-bit mono PCM WAV of a sine tone. */
export function sineWav(sampleRate: number, seconds: number, frequencyHz: number): Uint8Array {
  const count = Math.round(sampleRate * seconds);
  const out = Buffer.alloc(44 + count * 2);
  out.write('RIFF', 0, 'latin1');
  out.writeUInt32LE(36 + count * 2, 4);
  out.write('WAVEfmt ', 8, 'latin1');
  out.writeUInt32LE(16, 16);
  out.writeUInt16LE(1, 20);
  out.writeUInt16LE(1, 22);
  out.writeUInt32LE(sampleRate, 24);
  out.writeUInt32LE(sampleRate * 2, 28);
  out.writeUInt16LE(2, 32);
  out.writeUInt16LE(16, 34);
  out.write('data', 36, 'latin1');
  out.writeUInt32LE(count * 2, 40);
  for (let i = 0; i < count; i++)
    out.writeInt16LE(Math.round(12_000 * Math.sin((2 * Math.PI * frequencyHz * i) / sampleRate)), 44 + i * 2);
  return new Uint8Array(out);
}
