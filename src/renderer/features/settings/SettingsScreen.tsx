import { useRef, useState } from 'react';
import type { KioskStatus } from '../../../shared/api';
import type { StationSession } from '../../app/station-session';
import { useFocusRescue } from '../../app/use-focus-rescue';
import { useMessages } from '../../i18n/use-messages';
import { problemMessages } from '../../i18n/problem-messages';
import { KioskExit } from './KioskExit';
import { LockNow } from './LockNow';
import { PinGate } from './PinGate';
import { PinSection } from './PinSection';
import { SettingsForm } from './SettingsForm';
import { settingsMessages } from './settings-messages';
import { useKioskStatus } from './use-kiosk-status';
import './settings.css';

/** Why the settings just locked under the user's eyes, said once they did. */
type LockNotice = 'pin-saved' | 'on-request' | null;

/**
 * `#settings`: behind the PIN when the backend says the settings are locked, else "lock now", the
 * settings form, the PIN section and, in kiosk mode, the way out. Nothing is shown before the
 * kiosk state is known, so a locked station never flashes its settings.
 */
export function SettingsScreen({ session }: { session: StationSession }) {
  const m = useMessages(settingsMessages);
  const problems = useMessages(problemMessages);
  const client = session.backend;
  const kiosk = useKioskStatus(client);
  const { view } = kiosk;
  const refresh = (): void => void kiosk.refresh();
  const [notice, setNotice] = useState<LockNotice>(null);
  const lockedBy = (reason: LockNotice) => (status: KioskStatus) => {
    kiosk.set(status);
    setNotice(status.locked ? reason : null);
  };
  const locked = view.kind === 'ready' && view.status.locked;
  // Unlocked by any means: the notice is old news, not to be shown at the next lock (the timeout's).
  // Adjusted while rendering (React's pattern for state that follows a change), not in an effect.
  const [wasLocked, setWasLocked] = useState(locked);
  if (wasLocked !== locked) {
    setWasLocked(locked);
    if (!locked) setNotice(null);
  }
  const mainRef = useRef<HTMLElement>(null);
  // An unlock removes the PIN gate that had the focus, a lock the button pressed: the focus goes to
  // the screen's heading.
  useFocusRescue(mainRef, locked);
  return (
    <main ref={mainRef} className="settings-screen" data-testid="settings-screen">
      <h1 className="screen-title">{m.title}</h1>
      {/* Kept in the page across the switch to the PIN gate, so the lock is announced. */}
      <p className="feedback feedback--ok" role="status" data-testid="lock-notice">
        {locked && notice === 'pin-saved' && m.pinSavedLocked}
        {locked && notice === 'on-request' && m.lockedOnRequest}
      </p>
      {view.kind === 'loading' && <p role="status">{m.loading}</p>}
      {view.kind === 'failed' && (
        <div role="alert" data-testid="kiosk-status-failed">
          <p>{m.kioskStatusFailed(problems[view.problem])}</p>
          <button className="button button--large" type="button" onClick={refresh}>
            {m.retry}
          </button>
        </div>
      )}
      {view.kind === 'ready' && view.status.locked && <PinGate client={client} onUnlocked={refresh} />}
      {(view.kind === 'unavailable' || (view.kind === 'ready' && !view.status.locked)) && (
        <>
          {view.kind === 'unavailable' && (
            <p className="settings-note" data-testid="pin-unavailable">
              <span aria-hidden="true">ⓘ </span>
              {m.pinUnavailable}
            </p>
          )}
          {view.kind === 'ready' && view.status.pinSet && (
            <LockNow client={client} onLocked={lockedBy('on-request')} />
          )}
          <SettingsForm session={session} onLocked={refresh} kioskApplies={view.kind === 'ready'} />
          {view.kind === 'ready' && (
            <PinSection client={client} status={view.status} onStatus={lockedBy('pin-saved')} />
          )}
          {view.kind === 'ready' && view.status.kiosk && (
            <KioskExit client={client} status={view.status} onExited={refresh} />
          )}
        </>
      )}
    </main>
  );
}
