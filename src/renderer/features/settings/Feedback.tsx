/** One line of feedback after an action: a success is a polite status, a failure an alert. */
export type FeedbackValue = { readonly kind: 'ok' | 'error'; readonly text: string } | null;

export function Feedback({ value, testId }: { readonly value: FeedbackValue; readonly testId: string }) {
  // Both regions exist from the start: screen readers announce changes to live regions they know.
  return (
    <>
      <p className="feedback feedback--ok" role="status" data-testid={`${testId}-ok`}>
        {value?.kind === 'ok' && (
          <>
            <span aria-hidden="true">✓ </span>
            {value.text}
          </>
        )}
      </p>
      <p className="feedback feedback--error" role="alert" data-testid={`${testId}-error`}>
        {value?.kind === 'error' && (
          <>
            <span aria-hidden="true">⚠ </span>
            {value.text}
          </>
        )}
      </p>
    </>
  );
}
