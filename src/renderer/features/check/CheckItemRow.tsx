import type { ReactNode } from 'react';
import type { CheckItem, CheckStatus } from '../../../shared/domain/equipment-check';
import { useMessages } from '../../i18n/use-messages';
import { checkMessages } from './check-messages';

/** A symbol beside the status word: the status never rests on colour alone (WCAG 1.4.1). */
const SYMBOL: Readonly<Record<CheckStatus, string>> = { pass: '✓', warn: '!', fail: '✕', skipped: '–' };

export function CheckItemRow({ item, children }: { item: CheckItem; children?: ReactNode }) {
  const m = useMessages(checkMessages);
  return (
    <li
      className={`check-item check-item--${item.status}`}
      data-testid={`check-item-${item.id}`}
      data-status={item.status}
    >
      <span className="check-status">
        <span aria-hidden="true">{SYMBOL[item.status]} </span>
        {m.status(item.status)}
      </span>
      <div className="check-body">
        <strong className="check-title">{item.title}</strong>
        <span className="check-detail">{item.detail}</span>
        {item.fix !== '' && item.status !== 'pass' && (
          <span className="check-fix" data-testid="check-fix">
            <span className="check-fix-label">{m.fixLabel}</span> {item.fix}
          </span>
        )}
        {children}
      </div>
    </li>
  );
}
