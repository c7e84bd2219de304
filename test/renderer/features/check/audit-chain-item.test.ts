import { auditChainItem } from '../../../../src/core/check/records-check';
import { checkMessages } from '../../../../src/renderer/features/check/check-messages';
import { localizeHostItem } from '../../../../src/renderer/features/check/host-items';
import { formatterFor, messagesFor } from '../../../../src/shared/i18n';

describe('the audit chain item, as the station shows it', () => {
  const broken = auditChainItem({
    ok: false,
    code: 'audit-chain-broken',
    rows: 12,
    firstBadSeq: 4,
    reason: 'content-changed',
  });

  it('a break fails with its first bad row, in French', () => {
    const item = localizeHostItem(broken, messagesFor(checkMessages, 'fr'), formatterFor('fr'));
    expect(item).toMatchObject({
      id: 'records.audit-chain',
      status: 'fail',
      title: 'Intégrité du journal d’audit',
    });
    expect(item.detail).toContain('rompue à la ligne 4');
    expect(item.fix).toMatch(/Conservez le fichier/);
  });

  it('an intact chain passes, in English', () => {
    const item = localizeHostItem(
      auditChainItem({ ok: true, rows: 12, head: '0'.repeat(64) }),
      messagesFor(checkMessages, 'en'),
      formatterFor('en'),
    );
    expect(item).toMatchObject({ status: 'pass', detail: '12 audit rows, hash chain intact.', fix: '' });
  });
});
