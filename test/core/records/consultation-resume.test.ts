import { join } from 'node:path';
import { buildFhirBundle } from '../../../src/core/exports/fhir/build-bundle';
import { renderReportPdf } from '../../../src/core/exports/report/render-report-pdf';
import { RESUME_WINDOW_MS, restartOutcome } from '../../../src/core/records/consultation-resume';
import { ConsultationStore } from '../../../src/core/records/consultation-store';
import { DatabaseExportSource } from '../../../src/core/records/database-export-source';
import { openEncryptedDatabase } from '../../../src/core/records/database/sqlite-driver';
import { gateCallsOnConsent } from '../../../src/core/records/call-consent-gate';
import type { AuditEntry, TimelineEvent } from '../../../src/shared/domain/consultation';
import { CONSULTATION_START } from '../../helpers/consultation-start';
import { parsePdfs, plainText } from '../exports/report/pdf-text';
import { manualClock, OXIMETER, tempDir } from './records-test-kit';

/**
 * Issue 14 item 4, "the station's page rejoins its room by itself after a host restart": a
 * consultation whose last data is recent when the host starts again is resumed — still active,
 * never sealed, the gap in its timeline and audit log — and one older than the resume window is
 * interrupted (sealed) as before. Every clock is the test's.
 */

const KEY = new Uint8Array(32).fill(7);
const STATION = { name: 'Station test', version: '1.0.0' };

describe('a consultation active when the host stops', () => {
  let temp: ReturnType<typeof tempDir>;
  beforeEach(() => (temp = tempDir('records-resume-')));
  afterEach(() => temp.cleanup());

  const open = (now: () => number): ConsultationStore =>
    ConsultationStore.open(openEncryptedDatabase(join(temp.dir, 'records.db'), KEY), { now });

  /** A consultation with a note and 10 s of SpO2 readings, then the host stops (no end). */
  function recordThenStop(clock: ReturnType<typeof manualClock>): { id: string; lastDataMs: number } {
    const store = open(clock.now);
    const { id } = store.start(CONSULTATION_START);
    store.append(id, { kind: 'note', author: 'Léa Garnier', text: 'Avant la coupure' });
    for (let s = 0; s < 10; s++) {
      clock.advance(1000);
      store.recordBatch(id, {
        numerics: [
          { device: OXIMETER, metric: 'MDC_PULS_OXIM_SAT_O2', unit: '%', value: 97, timeMs: clock.now() },
        ],
        chunks: [],
      });
    }
    const lastDataMs = clock.now();
    store.close();
    return { id, lastDataMs };
  }

  const resumedRows = (store: ConsultationStore): AuditEntry[] =>
    store.auditList().filter((a) => a.action === 'consultation.resumed');

  it('is resumed when the host is back within the window: active, the gap told, nothing lost', async () => {
    const clock = manualClock();
    const { id, lastDataMs } = recordThenStop(clock);
    clock.advance(90_000);
    const store = open(clock.now);
    try {
      expect(store.current()).toMatchObject({ id, status: 'active', endedAt: null });
      expect(store.callConsultation()).toBe(id);
      expect(store.activeRecording()).toMatchObject({ id, deviceData: true });

      const timeline = store.detail(id).timeline;
      expect(timeline.at(-1)).toEqual({
        kind: 'host-restarted',
        time: new Date(clock.now()).toISOString(),
        since: new Date(lastDataMs).toISOString(),
      });
      expect(timeline.map((e) => e.kind)).not.toContain('interrupted');
      // Nothing from before the gap is lost: the note and all ten readings are there.
      expect(timeline.some((e) => e.kind === 'note' && e.text === 'Avant la coupure')).toBe(true);
      expect(store.detail(id).metrics[0]).toMatchObject({ metric: 'MDC_PULS_OXIM_SAT_O2', count: 10 });

      const [row] = resumedRows(store);
      expect(row).toMatchObject({ actor: 'system', consultationId: id });
      // Codes and figures, not sentences.
      expect(row?.detail).toBe(
        `host-restarted; last-data ${new Date(lastDataMs).toISOString()}; gap-ms 90000`,
      );
      expect(store.auditList().map((a) => a.action)).not.toContain('consultation.interrupted');

      // The record continues, and the consent gate lets the station's call rejoin.
      clock.advance(1000);
      store.recordBatch(id, {
        numerics: [
          { device: OXIMETER, metric: 'MDC_PULS_OXIM_SAT_O2', unit: '%', value: 96, timeMs: clock.now() },
        ],
        chunks: [],
      });
      store.append(id, { kind: 'note', author: 'Léa Garnier', text: 'Après la reprise' });
      expect(store.detail(id).metrics[0]).toMatchObject({ count: 11 });
      const bound: string[] = [];
      const gated = gateCallsOnConsent(
        {
          'call.invite': () => Promise.reject(new Error('unused')),
          'call.join': () => Promise.resolve({} as never),
        },
        () => store.callConsultation(),
        (consultation) => bound.push(consultation),
      );
      await gated['call.join']({});
      expect(bound).toEqual([id]);
      // A new consultation still waits for this one to end.
      expect(() => store.start(CONSULTATION_START)).toThrow(/consultation-active/);

      // Ending it later ends it as usual.
      clock.advance(60_000);
      expect(store.end(id)).toMatchObject({ status: 'ended', endedAt: new Date(clock.now()).toISOString() });
      expect(store.auditList()[0]).toMatchObject({ action: 'consultation.end', detail: 'ended' });
      expect(() => store.append(id, { kind: 'note', author: 'x', text: 'late' })).toThrow(/record-sealed/);
    } finally {
      store.close();
    }
  });

  it('is resumed at the window’s very edge, and interrupted (sealed) one millisecond past it', () => {
    const edge = manualClock();
    const kept = recordThenStop(edge);
    edge.advance(RESUME_WINDOW_MS);
    const resumed = open(edge.now);
    expect(resumed.current()?.id).toBe(kept.id);
    // A second restart soon after resumes it again, measured from the first restart.
    resumed.close();
    edge.advance(RESUME_WINDOW_MS);
    const again = open(edge.now);
    expect(again.current()?.id).toBe(kept.id);
    expect(resumedRows(again)).toHaveLength(2);
    again.end(kept.id);
    again.close();

    const late = manualClock('2026-11-25T11:00:00.000Z');
    const stopped = recordThenStop(late);
    late.advance(RESUME_WINDOW_MS + 1);
    const store = open(late.now);
    try {
      expect(store.current()).toBeNull();
      expect(store.callConsultation()).toBeNull();
      const summary = store.list().find((s) => s.id === stopped.id);
      expect(summary).toMatchObject({
        status: 'interrupted',
        endedAt: new Date(stopped.lastDataMs).toISOString(),
      });
      expect(store.detail(stopped.id).timeline.at(-1)).toEqual({
        kind: 'interrupted',
        time: new Date(stopped.lastDataMs).toISOString(),
      });
      expect(store.detail(stopped.id).metrics[0]).toMatchObject({ count: 10 });
      expect(() => store.append(stopped.id, { kind: 'note', author: 'x', text: 'late' })).toThrow(
        /record-sealed/,
      );
      expect(resumedRows(store).map((r) => r.consultationId)).not.toContain(stopped.id);
    } finally {
      store.close();
    }
  });

  it('a clock behind the last data cannot vouch for the gap: interrupted', () => {
    expect(restartOutcome(10_000, 9_999)).toEqual({ kind: 'interrupt' });
    expect(restartOutcome(10_000, 10_000)).toEqual({ kind: 'resume', gapMs: 0 });
    expect(restartOutcome(0, RESUME_WINDOW_MS)).toEqual({ kind: 'resume', gapMs: RESUME_WINDOW_MS });
    expect(restartOutcome(0, RESUME_WINDOW_MS + 1)).toEqual({ kind: 'interrupt' });
    const clock = manualClock();
    const { id } = recordThenStop(clock);
    clock.advance(-60_000);
    const store = open(clock.now);
    expect(store.list().find((s) => s.id === id)?.status).toBe('interrupted');
    store.close();
  });

  it('the exports of a resumed record show the gap (report PDF in both languages, FHIR bundle)', async () => {
    const clock = manualClock();
    const { id } = recordThenStop(clock);
    clock.advance(120_000);
    const store = open(clock.now);
    try {
      clock.advance(30_000);
      store.end(id);
      const event = store
        .detail(id)
        .timeline.find(
          (e): e is Extract<TimelineEvent, { kind: 'host-restarted' }> => e.kind === 'host-restarted',
        );
      expect(event).toBeDefined();
      const source = new DatabaseExportSource(store, id, STATION);
      const generatedAt = new Date(clock.now());
      const options = { generatedAt, timeZone: 'Europe/Paris' } as const;
      const [en, fr] = parsePdfs([
        await renderReportPdf(source, { ...options, language: 'en' }),
        await renderReportPdf(source, { ...options, language: 'fr' }),
      ]);
      // 09:30:10 UTC is 10:30:10 in Paris; the restart two minutes later, at 10:32:10.
      expect(plainText(en)).toContain(
        '10:32:10 The station restarted during the consultation and resumed it: nothing recorded from 10:30:10',
      );
      expect(plainText(fr)).toContain(
        '10:32:10 Redémarrage de la station pendant la consultation, reprise ensuite : rien d’enregistré depuis 10:30:10',
      );
      const bundle = buildFhirBundle(source, { generatedAt });
      const encounter = bundle.entry.find((e) => e.resource.resourceType === 'Encounter')?.resource as
        { status?: string } | undefined;
      expect(encounter?.status).toBe('finished');
    } finally {
      store.close();
    }
  });
});
