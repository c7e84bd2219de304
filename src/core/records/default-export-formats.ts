import { buildFhirBundle } from '../exports/fhir/build-bundle';
import { careSheetJson, renderCareSheetPdf } from '../exports/report/care-sheet';
import { renderReportPdf } from '../exports/report/render-report-pdf';
import { jsonFile, type ExportRegistry, type ExportRequest } from './export-formats';

const pdfOptions = (request: ExportRequest) => ({
  language: request.language,
  generatedAt: request.generatedAt,
  ...(request.timeZone === undefined ? {} : { timeZone: request.timeZone }),
});

/**
 * The export formats this build makes, one entry each; a format missing here answers
 * `unavailable`. The FHIR bundle carries the report PDF (DocumentReference), in the language asked.
 */
export const DEFAULT_EXPORT_FORMATS: ExportRegistry = {
  'report-pdf': async (source, request) => ({
    mime: 'application/pdf',
    extension: 'pdf',
    label: 'consultation',
    bytes: await renderReportPdf(source, pdfOptions(request)),
  }),
  'fhir-json': async (source, request) => {
    const reportPdf = await renderReportPdf(source, pdfOptions(request));
    const bundle = buildFhirBundle(source, {
      generatedAt: request.generatedAt,
      reportPdf,
      language: request.language,
    });
    return jsonFile('consultation-fhir', bundle, 'application/fhir+json');
  },
  'care-sheet-json': (source, request) =>
    Promise.resolve(jsonFile('care-sheet', careSheetJson(source, { generatedAt: request.generatedAt }))),
  'care-sheet-pdf': async (source, request) => ({
    mime: 'application/pdf',
    extension: 'pdf',
    label: 'care-sheet',
    bytes: await renderCareSheetPdf(source, pdfOptions(request)),
  }),
};
