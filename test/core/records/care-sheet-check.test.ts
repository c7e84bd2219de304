import type { Backend } from '../../../src/core/backend-types';
import { CONSULTATION_START } from '../../helpers/consultation-start';
import { FIXTURE_CARE_SHEET, FIXTURE_REPORT } from '../../helpers/consultation-fixture';
import { recordBackend } from './record-backend-kit';
import { openTestRecords, tempDir } from './records-test-kit';

/**
 * The station checks a care sheet against its record before saving it (care-sheet-rules.ts;
 * sources in src/shared/domain/README.md "Today's acts"): a refusal is `bad-request` whose message
 * starts with its code, which the doctor's page words; nothing is saved.
 */
const matching = (code: string): unknown => expect.stringMatching(new RegExp(`^${code}: `)) as unknown;

describe("the station refuses a care sheet that breaks today's rules", () => {
  let temp: ReturnType<typeof tempDir>;
  let backend: Backend | null = null;
  beforeEach(() => (temp = tempDir()));
  afterEach(async () => {
    await backend?.close();
    backend = null;
    temp.cleanup();
  });

  const started = async () => {
    const ctx = recordBackend((now, settings) => openTestRecords(temp.dir, now, settings));
    backend = ctx.backend;
    const { id } = await ctx.api['consultation.start'](CONSULTATION_START);
    return { api: ctx.api, id };
  };

  it.each([
    ['dated otherwise than the consultation', { date: '2020-01-01' }, 'care-sheet-date'],
    [
      "signed by another doctor than the report's author",
      { doctor: { name: 'Dr Paul Durand', rpps: '10202020202' } },
      'care-sheet-doctor',
    ],
    [
      "with a pharmacist's act beside a nurse",
      { accompanyingAct: 'TLM' as const },
      'care-sheet-accompanying-act',
    ],
  ])('%s', async (_what, patch, code) => {
    const { api, id } = await started();
    await api['consultation.report']({ id, report: FIXTURE_REPORT });
    await expect(
      api['consultation.report']({ id, careSheet: { ...FIXTURE_CARE_SHEET, ...patch } }),
    ).rejects.toMatchObject({
      code: 'bad-request',
      message: matching(code),
    });
    expect((await api['consultation.get']({ id })).careSheet).toBeNull();
  });

  it('saves one that follows them, and another doctor with a reason', async () => {
    const { api, id } = await started();
    await api['consultation.report']({ id, report: FIXTURE_REPORT, careSheet: FIXTURE_CARE_SHEET });
    const replacing = {
      ...FIXTURE_CARE_SHEET,
      doctor: { name: 'Dr Paul Durand', rpps: '10202020202' },
      doctorReason: 'Remplaçant du Dr Martin',
    };
    expect(await api['consultation.report']({ id, careSheet: replacing })).toMatchObject({
      careSheetVersion: 2,
    });
  });

  it('refuses a retired act code before anything else (the API contract)', async () => {
    const { api, id } = await started();
    await expect(
      api['consultation.report']({ id, careSheet: { ...FIXTURE_CARE_SHEET, actCode: 'TE1' as never } }),
    ).rejects.toMatchObject({ code: 'bad-request' });
  });
});

describe('after the end', () => {
  it('a care sheet is refused as sealed, whatever its content', async () => {
    const temp = tempDir();
    const { backend, api } = recordBackend((now, settings) => openTestRecords(temp.dir, now, settings));
    try {
      const { id } = await api['consultation.start'](CONSULTATION_START);
      await api['consultation.end']({ id });
      await expect(
        api['consultation.report']({ id, careSheet: { ...FIXTURE_CARE_SHEET, date: '2020-01-01' } }),
      ).rejects.toMatchObject({
        code: 'forbidden',
        message: expect.stringMatching(/^record-sealed: /) as unknown,
      });
    } finally {
      await backend.close();
      temp.cleanup();
    }
  });
});
