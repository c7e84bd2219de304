import type { Backend } from '../../../src/core/backend-types';
import { CONSULTATION_START } from '../../helpers/consultation-start';
import { FIXTURE_CARE_SHEET, FIXTURE_REPORT } from '../../helpers/consultation-fixture';
import { parsePdfs, plainText } from '../exports/report/pdf-text';
import { recordBackend } from './record-backend-kit';
import { openTestRecords, tempDir } from './records-test-kit';

const AMENDED = { ...FIXTURE_REPORT, conclusion: 'Conclusion revue après la fin : revoir à 24 h.' };

describe('exports print the latest version, and say when it was amended', () => {
  let temp: ReturnType<typeof tempDir>;
  let backend: Backend | null = null;
  beforeEach(() => (temp = tempDir()));
  afterEach(async () => {
    await backend?.close();
    backend = null;
    temp.cleanup();
  });

  it('version 2 after the end: the PDF prints it with "version 2, amended on …", FHIR and the care sheet the latest', async () => {
    const ctx = recordBackend((now, settings) => openTestRecords(temp.dir, now, settings));
    backend = ctx.backend;
    const { api, clock } = ctx;
    const { id } = await api['consultation.start'](CONSULTATION_START);
    await api['consultation.report']({ id, report: FIXTURE_REPORT, careSheet: FIXTURE_CARE_SHEET });
    const first = await api['consultation.export']({ id, format: 'report-pdf', language: 'en' });
    await api['consultation.end']({ id });
    clock.advance(2 * 3_600_000);
    await api['consultation.report']({ id, report: AMENDED });

    const [before, en, fr] = parsePdfs(
      [
        first,
        await api['consultation.export']({ id, format: 'report-pdf', language: 'en' }),
        await api['consultation.export']({ id, format: 'report-pdf', language: 'fr' }),
      ].map((file) => new Uint8Array(Buffer.from(file.dataBase64, 'base64'))),
    ).map(plainText);
    expect(before).not.toMatch(/amended/);
    expect(en).toMatch(/Version 2, amended on 25 Nov 2026, 11:30/);
    expect(en).toContain('revoir à 24 h');
    expect(en).toContain(FIXTURE_REPORT.reason);
    expect(fr).toMatch(/Version 2, modifiée le/);

    // The FHIR bundle carries the report PDF made from the same latest version.
    const fhir = Buffer.from(
      (await api['consultation.export']({ id, format: 'fhir-json', language: 'en' })).dataBase64,
      'base64',
    ).toString();
    const embedded: Uint8Array[] = [];
    JSON.parse(fhir, (key, value: unknown) => {
      const a = value as { contentType?: unknown; data?: unknown };
      if (key === 'attachment' && a.contentType === 'application/pdf' && typeof a.data === 'string')
        embedded.push(new Uint8Array(Buffer.from(a.data, 'base64')));
      return value;
    });
    expect(embedded.length).toBeGreaterThan(0);
    expect(plainText(parsePdfs(embedded)[0])).toContain('Version 2, amended on');
    const sheet = JSON.parse(
      Buffer.from(
        (await api['consultation.export']({ id, format: 'care-sheet-json', language: 'en' })).dataBase64,
        'base64',
      ).toString(),
    ) as { act: { code: string } };
    expect(sheet.act.code).toBe(FIXTURE_CARE_SHEET.actCode);
  });
});
