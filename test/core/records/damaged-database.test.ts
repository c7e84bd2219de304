import { readFileSync, truncateSync } from 'node:fs';
import { join } from 'node:path';
import { RECORDS_FILE } from '../../../src/core/records/open-records';
import { CONSULTATION_START } from '../../helpers/consultation-start';
import { recordBackend } from './record-backend-kit';
import { damagePage, leafPagesOf, PAGE_SIZE, seedTwoRecords } from './damage-kit';
import { anError, FIXTURE_EPOCH_MS, openTestRecords, tempDir } from './records-test-kit';

/** A damaged page is found when the station opens (quick_check), and the records it holds are named. */
describe('records: a damaged database', () => {
  let temp: ReturnType<typeof tempDir>;
  beforeEach(() => (temp = tempDir()));
  afterEach(() => temp.cleanup());

  it('a damaged page: found at open, its record named and audited; the others and new ones still work', () => {
    const { numericsOnly, withWaveforms } = seedTwoRecords(temp.dir);
    const pages = leafPagesOf(temp.dir, 'waveform_chunks');
    expect(pages.length).toBeGreaterThan(2);
    damagePage(temp.dir, pages[1] ?? 0);

    const store = openTestRecords(temp.dir);
    expect(store.integrity()).toMatchObject({ ok: false, depth: 'quick', damagedRecords: [withWaveforms] });
    expect(store.auditList(10).find((e) => e.action === 'database.damaged')?.detail).toContain(withWaveforms);
    expect(() => store.detail(withWaveforms)).toThrow(anError('corrupted'));
    expect(store.detail(numericsOnly).summary.counts.numerics).toBe(20);
    // The list still answers, without the record it cannot read.
    expect(store.list().map((c) => c.id)).toEqual([numericsOnly]);
    const next = store.start(CONSULTATION_START);
    store.append(next.id, { kind: 'note', author: 'Dr Martin', text: 'new consultation on a damaged file' });
    store.end(next.id);
    // The full check (equipment check) names the same record.
    expect(store.integrity(true)).toMatchObject({
      ok: false,
      depth: 'full',
      damagedRecords: [withWaveforms],
    });
    store.close();
  });

  it('the equipment check runs the full integrity check and names the damaged record', async () => {
    const { withWaveforms } = seedTwoRecords(temp.dir);
    damagePage(temp.dir, leafPagesOf(temp.dir, 'waveform_chunks')[0] ?? 0);
    const { backend, api } = recordBackend((now, settings) => openTestRecords(temp.dir, now, settings));
    try {
      const report = await api['check.run']({ throughput: false });
      expect(report.items.find((item) => item.id === 'records.integrity')).toMatchObject({
        status: 'fail',
        measured: { code: 'damaged', damagedCount: 1, damagedRecords: withWaveforms },
      });
      expect((await api['consultation.start'](CONSULTATION_START)).status).toBe('active');
    } finally {
      await backend.close();
    }
  });

  it('a damaged record past its retention: the purge leaves it (it cannot be rewritten), the store opens', () => {
    const { numericsOnly, withWaveforms } = seedTwoRecords(temp.dir);
    damagePage(temp.dir, leafPagesOf(temp.dir, 'waveform_chunks')[1] ?? 0);
    const store = openTestRecords(temp.dir, () => FIXTURE_EPOCH_MS + 400 * 86_400_000);
    const purged = store.auditList(20).filter((e) => e.action === 'consultation.purge');
    expect(purged.map((e) => e.consultationId)).toEqual([numericsOnly]);
    expect(store.integrity()).toMatchObject({ ok: false, damagedRecords: [withWaveforms] });
    expect(store.start(CONSULTATION_START).status).toBe('active');
    store.close();
  });

  it('an intact database passes both checks', () => {
    seedTwoRecords(temp.dir);
    const store = openTestRecords(temp.dir);
    expect(store.integrity()).toEqual({ ok: true, depth: 'quick' });
    expect(store.integrity(true)).toEqual({ ok: true, depth: 'full' });
    store.close();
  });

  it('truncated to whole pages (the page-size check cannot see it): refused at open as damaged, untouched', () => {
    seedTwoRecords(temp.dir);
    const path = join(temp.dir, RECORDS_FILE);
    const lastChunkPage = Math.max(...leafPagesOf(temp.dir, 'waveform_chunks'));
    truncateSync(path, (lastChunkPage - 1) * PAGE_SIZE);
    const cut = readFileSync(path);
    expect(cut.length % PAGE_SIZE).toBe(0);
    // SQLite compares the page count in the header with the file: shorter is damage, never a new start.
    expect(() => openTestRecords(temp.dir)).toThrow(anError('corrupted', /damaged \(its key is right\)/));
    expect(readFileSync(path).equals(cut)).toBe(true);
  });
});
