import { useRef } from 'react';
import type { StationSession } from '../../app/station-session';
import { useFocusRescue } from '../../app/use-focus-rescue';
import { useMessages } from '../../i18n/use-messages';
import { KioskExit } from './KioskExit';
import { PinGate } from './PinGate';
import { PinSection } from './PinSection';
import { SettingsForm } from './SettingsForm';
import { settingsMessages } from './settings-messages';
import { useKioskStatus } from './use-kiosk-status';
import './settings.css';

/**
 * `#settings`: behind the PIN when the backend says the settings are locked, else the settings
 * form, the PIN section and, in kiosk mode, the way out. Nothing is shown before the kiosk state
 * is known, so a locked station never flashes its settings.
 */
export function SettingsScreen({ session }: { session: StationSession }) {
  const m = useMessages(settingsMessages);
  const client = session.backend;
  const kiosk = useKioskStatus(client);
  const { view } = kiosk;
  const refresh = (): void => void kiosk.refresh();
  const mainRef = useRef<HTMLElement>(null);
  // An unlock removes the PIN gate that had the focus: it goes to the screen's heading.
  useFocusRescue(mainRef, view.kind === 'ready' && view.status.locked);
  return (
    <main ref={mainRef} className="settings-screen" data-testid="settings-screen">
      <h1 className="screen-title">{m.title}</h1>
      {view.kind === 'loading' && <p role="status">{m.loading}</p>}
      {view.kind === 'failed' && (
        <div role="alert" data-testid="kiosk-status-failed">
          <p>{m.kioskStatusFailed(view.message)}</p>
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
          <SettingsForm session={session} onLocked={refresh} />
          {view.kind === 'ready' && <PinSection client={client} status={view.status} onStatus={kiosk.set} />}
          {view.kind === 'ready' && view.status.kiosk && (
            <KioskExit client={client} status={view.status} onExited={refresh} />
          )}
        </>
      )}
    </main>
  );
}
