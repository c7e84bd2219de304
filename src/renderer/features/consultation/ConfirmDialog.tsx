import { useEffect, useId, useRef } from 'react';

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
 * answer, Escape cancels, and the text says what cannot be undone.
 */
export function ConfirmDialog(props: ConfirmDialogProps) {
  const { title, text, confirm, cancel, busy = false, onConfirm, onCancel, testId } = props;
  const titleId = useId();
  const textId = useId();
  const cancelRef = useRef<HTMLButtonElement>(null);
  useEffect(() => cancelRef.current?.focus(), []);
  return (
    <div className="confirm-backdrop">
      <div
        className="confirm-dialog"
        role="alertdialog"
        aria-modal="true"
        aria-labelledby={titleId}
        aria-describedby={textId}
        data-testid={testId}
        onKeyDown={(event) => {
          if (event.key === 'Escape') onCancel();
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
            disabled={busy}
            data-testid={`${testId}-confirm`}
            onClick={onConfirm}
          >
            {confirm}
          </button>
        </div>
      </div>
    </div>
  );
}
