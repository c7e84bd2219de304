import { careSheetJson, renderCareSheetPdf } from '../../../../src/core/exports/report/care-sheet';
import { renderReportPdf } from '../../../../src/core/exports/report/render-report-pdf';
import { fixtureConsultation } from '../../../helpers/consultation-fixture';
import { GENERATED_AT } from './report-fixtures';

describe('export options', () => {
  const source = fixtureConsultation({ minutes: 1 });

  it('refuses an unknown time zone with bad-request before drawing anything', async () => {
    const options = { language: 'fr', generatedAt: GENERATED_AT, timeZone: 'Mars/Olympus_Mons' } as const;
    await expect(renderReportPdf(source, options)).rejects.toMatchObject({
      code: 'bad-request',
      message: 'export time zone: Mars/Olympus_Mons is not a known time zone',
    });
    await expect(renderCareSheetPdf(source, options)).rejects.toMatchObject({ code: 'bad-request' });
  });

  it('refuses an invalid generatedAt and an unknown language', async () => {
    const invalid = new Date(Number.NaN);
    expect(() => careSheetJson(source, { generatedAt: invalid })).toThrow(
      'export generatedAt: not a valid date',
    );
    await expect(renderReportPdf(source, { language: 'en', generatedAt: invalid })).rejects.toMatchObject({
      code: 'bad-request',
    });
    await expect(
      renderReportPdf(source, { language: 'de' as 'en', generatedAt: GENERATED_AT }),
    ).rejects.toMatchObject({ code: 'bad-request', message: 'export language: de is not en or fr' });
  });
});
