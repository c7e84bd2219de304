import type { ReactNode } from 'react';
import type { CheckItem, CheckStatus } from '../../../shared/domain/equipment-check';
import { useMessages } from '../../i18n/use-messages';
import { checkMessages } from './check-messages';

/** A symbol beside the status word: the status never rests on colour alone (WCAG 1.4.1). */
const SYMBOL: Readonly<Record<CheckStatus, string>> = { pass: '✓', warn: '!', fail: '✕', skipped: '–' };

export function CheckItemRow({ item, children }: { item: CheckItem; children?: ReactNode }) {
  const m = useMessages(checkMessages);
  const lines = item.detail.split('\n');
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
        {/* A detail of several lines (the call relay's paths, one per line) is a list. */}
        {lines.length > 1 ? (
          <>
            <span className="check-detail">{lines[0]}</span>
            <ul className="check-lines">
              {lines.slice(1).map((line, index) => (
                <li key={index} className="check-line">
                  {line}
                </li>
              ))}
            </ul>
          </>
        ) : (
          <span className="check-detail">{item.detail}</span>
        )}
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
