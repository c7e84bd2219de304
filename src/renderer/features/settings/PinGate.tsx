import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useProblemText } from '../../i18n/problem-text';
import type { BackendClient } from '../../backend-client/backend-client';
import { useMessages } from '../../i18n/use-messages';
import { Feedback, type FeedbackValue } from './Feedback';
import { kioskRefusalOf } from './kiosk-refusal';
import { PinInput } from './PinInput';
import { settingsMessages } from './settings-messages';
import { isPinFormat } from './use-kiosk-status';

interface PinGateProps {
  readonly client: BackendClient;
  readonly onUnlocked: () => void;
}

/** All a locked settings screen shows: the PIN, checked by the backend, which slows wrong guesses. */
export function PinGate({ client, onUnlocked }: PinGateProps) {
  const m = useMessages(settingsMessages);
  const problemText = useProblemText();
  const [pin, setPin] = useState('');
  const [feedback, setFeedback] = useState<FeedbackValue>(null);
  const [busy, setBusy] = useState(false);
  const [waitS, setWaitS] = useState(0);
  const pinRef = useRef<HTMLInputElement>(null);
  const waiting = busy || waitS > 0;
  // The backend refuses guesses during the retry delay anyway; the button says so by waiting too.
  useEffect(() => {
    if (waitS <= 0) return undefined;
    const timer = setTimeout(() => setWaitS(0), waitS * 1000);
    return () => clearTimeout(timer);
  }, [waitS]);

  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    if (waiting) return; // the button only looks disabled (see below); Enter in the field lands here too
    if (!isPinFormat(pin)) return setFeedback({ kind: 'error', text: m.pinFormat });
    setBusy(true);
    try {
      const answer = await client.call('kiosk.unlock', { pin });
      setPin('');
      if (answer.unlocked) {
        setFeedback(null);
        onUnlocked();
      } else if (answer.refusal !== null) {
        // Refused unchecked (the attempt could not be recorded): no wait would help, the text says
        // what will.
        setFeedback({ kind: 'error', text: m.refusal(answer.refusal) });
        pinRef.current?.focus();
      } else {
        const retry = answer.retryAfterS;
        setWaitS(retry ?? 0);
        setFeedback({
          kind: 'error',
          text: retry !== null && retry > 0 ? m.wrongPinRetry(retry) : m.wrongPin,
        });
        // The PIN was cleared: the focus goes where the next one is typed, whichever way this one
        // was sent (the alert below says why).
        pinRef.current?.focus();
      }
    } catch (cause) {
      const refusal = kioskRefusalOf(cause);
      setFeedback({
        kind: 'error',
        text: refusal ? m.refusal(refusal) : m.pinCheckFailed(problemText(cause)),
      });
    } finally {
      setBusy(false);
    }
  };

  return (
    <form
      className="settings-section pin-gate"
      onSubmit={(event) => void submit(event)}
      data-testid="pin-gate"
    >
      <h2>{m.gateTitle}</h2>
      <p id="pin-gate-explain">{m.gateExplain}</p>
      <PinInput
        id="pin-gate-pin"
        label={m.pin}
        value={pin}
        onChange={setPin}
        describedBy="pin-gate-explain"
        testId="pin-gate-input"
        inputRef={pinRef}
      />
      <button
        type="submit"
        className="button-primary"
        // Not `disabled`: Chromium drops the focus of a button that becomes disabled, and a
        // keyboard user who pressed it would be sent back to the top of the page.
        aria-disabled={waiting}
        data-testid="pin-gate-unlock"
      >
        {m.unlock}
      </button>
      <Feedback value={feedback} testId="pin-gate-feedback" />
    </form>
  );
}
