import { integrityItem } from '../../../../src/core/check/records-check';
import { checkMessages } from '../../../../src/renderer/features/check/check-messages';
import { localizeHostItem } from '../../../../src/renderer/features/check/host-items';
import { formatterFor, messagesFor } from '../../../../src/shared/i18n';

describe('the records integrity item, as the station shows it', () => {
  const damaged = integrityItem({
    ok: false,
    depth: 'full',
    problems: ['database disk image is malformed'],
    damagedRecords: ['aa11', 'bb22'],
  });

  it('a damage fails with the records that cannot be read, in French', () => {
    const item = localizeHostItem(damaged, messagesFor(checkMessages, 'fr'), formatterFor('fr'));
    expect(item).toMatchObject({
      id: 'records.integrity',
      status: 'fail',
      title: 'Intégrité de la base des dossiers',
    });
    expect(item.detail).toContain('2 consultation(s) ne peuvent plus être lues (aa11, bb22)');
    expect(item.fix).toMatch(/restaurez la base des dossiers/);
  });

  it('many damaged records: the first five ids and the count', () => {
    const ids = Array.from({ length: 7 }, (_, i) => String(i).repeat(32));
    const item = integrityItem({ ok: false, depth: 'full', problems: ['x'], damagedRecords: ids });
    expect(item.measured).toMatchObject({
      damagedCount: 7,
      damagedRecords: `${ids.slice(0, 5).join(', ')}, …`,
    });
    const en = localizeHostItem(item, messagesFor(checkMessages, 'en'), formatterFor('en'));
    expect(en.detail).toContain('7 consultation(s) can no longer be read (00000');
  });

  it('damage outside any record, and an intact database, in English', () => {
    const en = messagesFor(checkMessages, 'en');
    const elsewhere = integrityItem({ ok: false, depth: 'full', problems: ['x'], damagedRecords: [] });
    expect(localizeHostItem(elsewhere, en, formatterFor('en')).detail).toMatch(
      /every consultation still reads back/,
    );
    expect(
      localizeHostItem(integrityItem({ ok: true, depth: 'full' }), en, formatterFor('en')),
    ).toMatchObject({
      status: 'pass',
      title: 'Records database integrity',
      fix: '',
    });
  });
});
