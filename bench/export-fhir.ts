import { performance } from 'node:perf_hooks';
import { buildFhirBundle } from '../src/core/exports/fhir/build-bundle';
import type { WaveformSegment } from '../src/core/exports/export-source';
import { fixtureConsultation, MemoryExportSource } from '../test/helpers/consultation-fixture';
import { fmt, median } from './stats';

/**
 * FHIR export of a 30-minute consultation with a 12-lead ECG at 250 Hz (5.4 M samples), pleth at
 * 60 Hz and 1 Hz numerics: build time, JSON serialisation time and size. Printed, never asserted.
 * Run alone: `npx esbuild bench/export-fhir.ts --bundle --platform=node --outfile=/tmp/export-fhir.cjs
 * && node /tmp/export-fhir.cjs` (or through bench.ts once wired).
 */

const LEADS = ['I', 'II', 'III', 'V1', 'V2', 'V3', 'V4', 'V5', 'V6'] as const;
/** The fixture draws 9 leads; the augmented leads (copies of lead II's shape) make it 12. */
const AUGMENTED = ['MDC_ECG_ELEC_POTL_AVR', 'MDC_ECG_ELEC_POTL_AVL', 'MDC_ECG_ELEC_POTL_AVF'] as const;

function twelveLeadSource(minutes: number): MemoryExportSource {
  const nine = fixtureConsultation({ minutes, ecgLeads: LEADS });
  const segments: WaveformSegment[] = nine.detail.waveforms.flatMap((c) =>
    nine.waveform(c.device, c.metric, -Infinity, Infinity),
  );
  const leadII = segments.find((s) => s.metric === 'MDC_ECG_ELEC_POTL_II');
  const channelII = nine.detail.waveforms.find((c) => c.metric === 'MDC_ECG_ELEC_POTL_II');
  if (leadII === undefined || channelII === undefined) throw new Error('fixture without lead II');
  for (const metric of AUGMENTED) segments.push({ ...leadII, metric });
  const media = new Map(nine.detail.media.map((m) => [m.id, nine.media(m.id)] as const));
  return new MemoryExportSource(
    {
      ...nine.detail,
      waveforms: [...nine.detail.waveforms, ...AUGMENTED.map((metric) => ({ ...channelII, metric }))],
    },
    [...nine.numerics()],
    segments,
    media,
  );
}

export interface ExportFhirFigures {
  readonly minutes: number;
  readonly leads: number;
  readonly samples: number;
  readonly entries: number;
  readonly buildMs: number;
  readonly stringifyMs: number;
  readonly bytes: number;
  readonly heapMb: number;
}

export function benchExportFhir(minutes = 30, runs = 3): ExportFhirFigures {
  const source = twelveLeadSource(minutes);
  const pdf = new Uint8Array(200_000);
  const builds: number[] = [];
  const stringifies: number[] = [];
  let bytes = 0;
  let entries = 0;
  for (let run = 0; run < runs; run++) {
    const t0 = performance.now();
    const bundle = buildFhirBundle(source, {
      generatedAt: new Date('2026-11-25T10:00:00.000Z'),
      reportPdf: pdf,
    });
    const t1 = performance.now();
    const json = JSON.stringify(bundle);
    const t2 = performance.now();
    builds.push(t1 - t0);
    stringifies.push(t2 - t1);
    bytes = Buffer.byteLength(json);
    entries = bundle.entry.length;
  }
  return {
    minutes,
    leads: LEADS.length + AUGMENTED.length,
    samples: source.detail.waveforms.reduce((sum, c) => sum + c.samples, 0),
    entries,
    buildMs: median(builds),
    stringifyMs: median(stringifies),
    bytes,
    heapMb: process.memoryUsage().heapUsed / 1e6,
  };
}

export function printExportFhir(f: ExportFhirFigures): void {
  console.log(
    `\nFHIR export — ${f.minutes} min, ${f.leads} ECG leads @250 Hz + pleth @60 Hz + 1 Hz numerics`,
  );
  console.log(`  waveform samples      ${f.samples.toLocaleString('en')}`);
  console.log(`  bundle entries        ${f.entries}`);
  console.log(`  build (median)        ${fmt(f.buildMs)} ms`);
  console.log(`  JSON.stringify        ${fmt(f.stringifyMs)} ms`);
  console.log(`  JSON size             ${fmt(f.bytes / 1e6)} MB (${fmt(f.bytes / f.samples)} B/sample)`);
  console.log(`  heap after            ${fmt(f.heapMb)} MB`);
}
