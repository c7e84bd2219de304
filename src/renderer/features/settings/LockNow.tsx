import { useState } from 'react';
import { useProblemText } from '../../i18n/problem-text';
import type { KioskStatus } from '../../../shared/api';
import type { BackendClient } from '../../backend-client/backend-client';
import { useMessages } from '../../i18n/use-messages';
import { Feedback, type FeedbackValue } from './Feedback';
import { settingsMessages } from './settings-messages';

interface LockNowProps {
  readonly client: BackendClient;
  readonly onLocked: (status: KioskStatus) => void;
}

/**
 * "Lock settings now", shown while a PIN is set and the settings are open: whoever leaves the
 * station locks them instead of trusting the few minutes after which they lock by themselves.
 */
export function LockNow({ client, onLocked }: LockNowProps) {
  const m = useMessages(settingsMessages);
  const problemText = useProblemText();
  const [feedback, setFeedback] = useState<FeedbackValue>(null);
  const [busy, setBusy] = useState(false);

  const lock = async (): Promise<void> => {
    if (busy) return; // the button only looks disabled (see below)
    setBusy(true);
    try {
      onLocked(await client.call('kiosk.lock', {}));
    } catch (cause) {
      setFeedback({ kind: 'error', text: m.lockFailed(problemText(cause)) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="settings-section" aria-labelledby="lock-now-title" data-testid="lock-now">
      <h2 id="lock-now-title">{m.lockSectionTitle}</h2>
      <p id="lock-now-explain">{m.lockExplain}</p>
      <div className="settings-actions">
        {/* Not `disabled`: Chromium drops the focus of a button that becomes disabled. */}
        <button
          type="button"
          className="button-primary"
          aria-disabled={busy}
          aria-describedby="lock-now-explain"
          onClick={() => void lock()}
          data-testid="lock-now-button"
        >
          {m.lockNow}
        </button>
      </div>
      <Feedback value={feedback} testId="lock-now-feedback" />
    </section>
  );
}
