import { useState, type FormEvent } from 'react';
import { useProblemText } from '../../i18n/problem-text';
import type { KioskStatus } from '../../../shared/api';
import { BackendCallError, type BackendClient } from '../../backend-client/backend-client';
import { useMessages } from '../../i18n/use-messages';
import { Feedback, type FeedbackValue } from './Feedback';
import { kioskRefusalOf } from './kiosk-refusal';
import { PinInput } from './PinInput';
import { settingsMessages } from './settings-messages';
import { isPinFormat } from './use-kiosk-status';

interface KioskExitProps {
  readonly client: BackendClient;
  readonly status: KioskStatus;
  readonly onExited: () => void;
}

/** "Exit kiosk mode", shown only in kiosk mode; the PIN is asked again even when unlocked. */
export function KioskExit({ client, status, onExited }: KioskExitProps) {
  const m = useMessages(settingsMessages);
  const problemText = useProblemText();
  const [pin, setPin] = useState('');
  const [feedback, setFeedback] = useState<FeedbackValue>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    if (busy) return; // the button only looks disabled (see below)
    if (status.pinSet && !isPinFormat(pin)) return setFeedback({ kind: 'error', text: m.pinFormat });
    setBusy(true);
    try {
      await client.call('kiosk.exit', { pin: status.pinSet ? pin : null });
      setFeedback({ kind: 'ok', text: m.exitDone });
      onExited();
    } catch (cause) {
      const refused = cause instanceof BackendCallError && cause.code === 'forbidden';
      const refusal = kioskRefusalOf(cause);
      const text = refusal ? m.refusal(refusal) : refused ? m.wrongPin : m.saveFailed(problemText(cause));
      setFeedback({ kind: 'error', text });
    } finally {
      setPin('');
      setBusy(false);
    }
  };

  return (
    <form
      className="settings-section"
      onSubmit={(event) => void submit(event)}
      aria-labelledby="kiosk-exit-title"
      data-testid="kiosk-exit"
    >
      <h2 id="kiosk-exit-title">{m.kioskSectionTitle}</h2>
      <p>{m.kioskActive}</p>
      {status.pinSet && (
        <PinInput id="kiosk-exit-pin" label={m.pin} value={pin} onChange={setPin} testId="kiosk-exit-pin" />
      )}
      {/* Not `disabled`: Chromium drops the focus of a button that becomes disabled. */}
      <button type="submit" aria-disabled={busy} data-testid="kiosk-exit-button">
        {m.exitKiosk}
      </button>
      <Feedback value={feedback} testId="kiosk-exit-feedback" />
    </form>
  );
}
