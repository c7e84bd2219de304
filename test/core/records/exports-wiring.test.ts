import { createBackend } from '../../../src/core/backend';
import type { Backend } from '../../../src/core/backend-types';
import { MemorySettingsStore } from '../../../src/core/settings/memory-settings-store';
import { CONSULTATION_START } from '../../helpers/consultation-start';
import { FIXTURE_CARE_SHEET, FIXTURE_REPORT, solidPng } from '../../helpers/consultation-fixture';
import { manualClock, openTestRecords, oximeterSecond, tempDir } from './records-test-kit';

/**
 * consultation.export with the real export modules over a recorded consultation: every format
 * answers a file named in ASCII, and each export is audited.
 */
describe('consultation.export over the encrypted records', () => {
  let temp: ReturnType<typeof tempDir>;
  let backend: Backend;
  afterEach(async () => {
    await backend.close();
    temp.cleanup();
  });

  it('exports the report PDF, the FHIR bundle (with the PDF) and the care sheet', async () => {
    temp = tempDir();
    const clock = manualClock();
    backend = createBackend({
      host: 'node',
      version: '1.0.0',
      settings: new MemorySettingsStore(),
      discovery: false,
      now: clock.now,
      records: openTestRecords(temp.dir, clock.now),
    });
    const api = backend.api;
    const { id } = await api['consultation.start'](CONSULTATION_START);
    for (let s = 0; s < 12; s++)
      await api['readings.submit']({
        readings: oximeterSecond(clock.now() + s * 1000).map((r) => ({
          ...r,
          device: 'ble-plx-continuous@Nonin',
        })),
      });
    await api['consultation.attach']({
      id,
      kind: 'snapshot',
      mime: 'image/png',
      dataBase64: Buffer.from(solidPng(8, 8, [1, 2, 3])).toString('base64'),
      takenAt: new Date(clock.now()).toISOString(),
    });
    clock.advance(15_000);
    await api['consultation.report']({ id, report: FIXTURE_REPORT, careSheet: FIXTURE_CARE_SHEET });
    await api['consultation.end']({ id });

    const pdf = await api['consultation.export']({ id, format: 'report-pdf', language: 'fr' });
    expect(pdf).toMatchObject({
      fileName: 'consultation-2026-11-25-dupont-lefevre.pdf',
      mime: 'application/pdf',
    });
    expect(Buffer.from(pdf.dataBase64, 'base64').subarray(0, 5).toString()).toBe('%PDF-');

    const fhir = await api['consultation.export']({ id, format: 'fhir-json', language: 'en' });
    expect(fhir.fileName).toBe('consultation-fhir-2026-11-25-dupont-lefevre.json');
    const bundle = JSON.parse(Buffer.from(fhir.dataBase64, 'base64').toString('utf8')) as {
      resourceType: string;
      entry: { resource: { resourceType: string } }[];
    };
    expect(bundle.resourceType).toBe('Bundle');
    const types = new Set(bundle.entry.map((e) => e.resource.resourceType));
    for (const type of ['Patient', 'Encounter', 'Consent', 'Observation', 'DocumentReference'])
      expect(types).toContain(type);

    const sheet = await api['consultation.export']({ id, format: 'care-sheet-json', language: 'fr' });
    expect(sheet.fileName).toBe('care-sheet-2026-11-25-dupont-lefevre.json');
    const sheetPdf = await api['consultation.export']({ id, format: 'care-sheet-pdf', language: 'fr' });
    expect(sheetPdf.fileName).toBe('care-sheet-2026-11-25-dupont-lefevre.pdf');

    const exports = (await api['audit.list']({})).filter((a) => a.action === 'consultation.export');
    expect(exports).toHaveLength(4);
  });
});
