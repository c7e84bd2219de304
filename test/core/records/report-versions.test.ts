import type { Backend } from '../../../src/core/backend-types';
import type { Report } from '../../../src/shared/domain/consultation';
import { CONSULTATION_START } from '../../helpers/consultation-start';
import { FIXTURE_CARE_SHEET, FIXTURE_REPORT, solidPng } from '../../helpers/consultation-fixture';
import { INVITE_ID, recordBackend } from './record-backend-kit';
import { openTestRecords, tempDir } from './records-test-kit';

const HOUR = 3_600_000;
const DOCTOR = `consultant:${INVITE_ID}`;
const CONCLUSION_ONLY: Report = {
  author: FIXTURE_REPORT.author,
  reason: '',
  findings: '',
  conclusion: 'Revoir dans 48 h.',
  prescriptions: '',
};

describe('reports and care sheets are versioned, and the record is sealed after the end', () => {
  let temp: ReturnType<typeof tempDir>;
  let backend: Backend | null = null;
  beforeEach(() => (temp = tempDir()));
  afterEach(async () => {
    await backend?.close();
    backend = null;
    temp.cleanup();
  });

  const start = (patch = {}) => {
    const ctx = recordBackend((now, settings) => openTestRecords(temp.dir, now, settings), patch);
    backend = ctx.backend;
    return ctx;
  };

  it('keeps every save as a version with its author and time; the record shows the latest', async () => {
    const { api, clock } = start();
    const { id } = await api['consultation.start'](CONSULTATION_START);
    await api['call.invite']({});
    const first = await api['consultation.report']({
      id,
      report: FIXTURE_REPORT,
      careSheet: FIXTURE_CARE_SHEET,
    });
    expect(first).toMatchObject({ reportVersion: 1, careSheetVersion: 1, summary: { hasReport: true } });
    clock.advance(60_000);
    const second = await api['consultation.report']({ id, report: CONCLUSION_ONLY });
    expect(second.reportVersion).toBe(2);
    expect(second.careSheetVersion).toBeUndefined();

    const detail = await api['consultation.get']({ id });
    expect(detail.report).toEqual(CONCLUSION_ONLY);
    expect(detail.careSheet).toEqual(FIXTURE_CARE_SHEET);
    expect(detail.versions?.map((v) => [v.kind, v.version, v.savedAt, v.savedBy])).toEqual([
      ['report', 1, '2026-11-25T09:30:00.000Z', DOCTOR],
      ['care-sheet', 1, '2026-11-25T09:30:00.000Z', DOCTOR],
      ['report', 2, '2026-11-25T09:31:00.000Z', DOCTOR],
    ]);
    // Nothing is lost: the first version is there whole.
    expect(detail.versions?.[0]).toMatchObject({ kind: 'report', report: FIXTURE_REPORT });

    const audit = (await api['audit.list']({})).filter((a) => a.consultationId === id);
    expect(
      audit.filter((a) => a.action.endsWith('.version')).map((a) => [a.action, a.actor, a.detail]),
    ).toEqual([
      ['report.version', DOCTOR, 'report version 2'],
      ['care-sheet.version', DOCTOR, 'care sheet version 1'],
      ['report.version', DOCTOR, 'report version 1'],
    ]);
  });

  it('after the end: a report version within the window, audited; everything else refused with its code', async () => {
    const { api, clock } = start();
    const { id } = await api['consultation.start'](CONSULTATION_START);
    await api['call.invite']({});
    await api['consultation.report']({ id, report: FIXTURE_REPORT });
    await api['consultation.end']({ id });

    clock.advance(23 * HOUR);
    const amended = await api['consultation.report']({ id, report: CONCLUSION_ONLY });
    expect(amended).toMatchObject({ reportVersion: 2, summary: { status: 'ended' } });

    const sealed = { code: 'forbidden', message: expect.stringMatching(/^record-sealed: /) as unknown };
    await expect(api['consultation.report']({ id, careSheet: FIXTURE_CARE_SHEET })).rejects.toMatchObject(
      sealed,
    );
    await expect(
      api['consultation.append']({ id, event: { kind: 'chat', from: 'consultant', text: 'encore là ?' } }),
    ).rejects.toMatchObject(sealed);
    await expect(
      api['consultation.append']({
        id,
        event: { kind: 'note', author: 'Dr X', text: 'ajout' },
        via: 'consultant',
      }),
    ).rejects.toMatchObject(sealed);
    await expect(
      api['consultation.attach']({
        id,
        kind: 'snapshot',
        mime: 'image/png',
        dataBase64: Buffer.from(solidPng(4, 4, [1, 2, 3])).toString('base64'),
        takenAt: new Date(clock.now()).toISOString(),
      }),
    ).rejects.toMatchObject(sealed);

    clock.advance(2 * HOUR); // 25 h after the end
    await expect(api['consultation.report']({ id, report: FIXTURE_REPORT })).rejects.toMatchObject({
      code: 'forbidden',
      message: expect.stringMatching(/^amend-window-closed: /) as unknown,
    });

    const detail = await api['consultation.get']({ id });
    expect(detail.versions?.map((v) => v.version)).toEqual([1, 2]);
    expect(detail.versions?.[0]).toMatchObject({ report: FIXTURE_REPORT });
    expect(detail.report).toEqual(CONCLUSION_ONLY);
    const audit = (await api['audit.list']({})).filter((a) => a.consultationId === id).reverse();
    expect(audit.map((a) => [a.action, a.actor, a.detail])).toEqual(
      expect.arrayContaining([
        ['report.version', DOCTOR, 'report version 2, after the end'],
        ['write.refused', DOCTOR, 'care sheet version refused: record-sealed'],
        ['write.refused', DOCTOR, 'chat refused: record-sealed'],
        ['write.refused', DOCTOR, 'note refused: record-sealed'],
        ['write.refused', 'Léa Garnier', 'snapshot attachment refused: record-sealed'],
        ['write.refused', DOCTOR, 'report version refused: amend-window-closed'],
      ]),
    );
  });

  it('the window is a setting', async () => {
    const { api, clock } = start({ reportAmendHours: 1 });
    const { id } = await api['consultation.start'](CONSULTATION_START);
    await api['consultation.end']({ id });
    clock.advance(HOUR + 1000);
    await expect(api['consultation.report']({ id, report: FIXTURE_REPORT })).rejects.toMatchObject({
      message: expect.stringMatching(/^amend-window-closed: .*1 h after the end/) as unknown,
    });
  });
});
