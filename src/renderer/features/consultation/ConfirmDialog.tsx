import { useEffect, useId, useRef, type KeyboardEvent } from 'react';

interface ConfirmDialogProps {
  readonly title: string;
  readonly text: string;
  readonly confirm: string;
  readonly cancel: string;
  readonly busy?: boolean;
  readonly onConfirm: () => void;
  readonly onCancel: () => void;
  readonly testId: string;
}

/**
 * An irreversible step asked twice (end a consultation, delete a record). Focus starts on the safe
 * answer, Escape cancels, and the text says what cannot be undone. While it is open, Tab cycles
 * through its buttons only (a modal: the page behind is not operable); when it closes, the focus
 * goes back to what opened it (WCAG 2.4.3), if that is still on the page.
 *
 * While it is open, everything else on the page is `inert`: no click, no Tab, and no screen-reader
 * browse mode reaches the page behind (`aria-modal` alone is honoured unevenly by screen readers).
 * It stays where it is rendered (not a portal), so the screen around it still knows the focus
 * was inside it (see use-focus-rescue.ts).
 */
export function ConfirmDialog(props: ConfirmDialogProps) {
  const { title, text, confirm, cancel, busy = false, onConfirm, onCancel, testId } = props;
  const titleId = useId();
  const textId = useId();
  const cancelRef = useRef<HTMLButtonElement>(null);
  const backdropRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const opener = document.activeElement;
    const released = makeTheRestInert(backdropRef.current);
    cancelRef.current?.focus();
    return () => {
      released(); // first: an inert opener cannot take the focus back
      if (opener instanceof HTMLElement && opener.isConnected) opener.focus();
    };
  }, []);
  return (
    <div className="confirm-backdrop" ref={backdropRef}>
      <div
        className="confirm-dialog"
        role="alertdialog"
        aria-modal="true"
        aria-labelledby={titleId}
        aria-describedby={textId}
        data-testid={testId}
        onKeyDown={(event) => {
          if (event.key === 'Escape') onCancel();
          if (event.key === 'Tab') keepTabInside(event);
        }}
      >
        <h2 id={titleId} className="confirm-title">
          {title}
        </h2>
        <p id={textId}>{text}</p>
        <div className="confirm-actions">
          <button ref={cancelRef} className="button button--large" type="button" onClick={onCancel}>
            {cancel}
          </button>
          <button
            className="button button--large button--danger"
            type="button"
            // Not `disabled`: Chromium drops the focus of a button that becomes disabled, and the
            // focus would leave the dialog (for the page behind, inert) while the step runs.
            aria-disabled={busy}
            data-testid={`${testId}-confirm`}
            onClick={() => !busy && onConfirm()}
          >
            {confirm}
          </button>
        </div>
      </div>
    </div>
  );
}

/**
 * Sets `inert` on everything beside the dialog: the siblings of the dialog and of each of its
 * ancestors up to <body> (the ancestors themselves cannot be inert, or the dialog would be too).
 * Returns what undoes it; elements that were inert already (another layer's doing) stay so.
 */
function makeTheRestInert(dialogRoot: HTMLElement | null): () => void {
  const others: Element[] = [];
  for (let node = dialogRoot; node !== null && node !== document.body; node = node.parentElement)
    for (const sibling of node.parentElement?.children ?? [])
      if (sibling !== node && !sibling.hasAttribute('inert')) others.push(sibling);
  for (const el of others) el.setAttribute('inert', '');
  return () => {
    for (const el of others) el.removeAttribute('inert');
  };
}

/** Tab past the last button goes back to the first, Shift+Tab before the first to the last. */
function keepTabInside(event: KeyboardEvent<HTMLElement>): void {
  const stops = [...event.currentTarget.querySelectorAll<HTMLElement>('button:not(:disabled)')];
  const [first, last] = [stops[0], stops.at(-1)];
  if (first === undefined || last === undefined) return event.preventDefault();
  const edge = event.shiftKey ? first : last;
  if (document.activeElement !== edge && stops.includes(document.activeElement as HTMLElement)) return;
  event.preventDefault();
  (event.shiftKey ? last : first).focus();
}
