import { useEffect, useState } from 'react';
import { resolveLocale } from '../../shared/i18n';
import type { BackendClient } from '../backend-client/backend-client';
import { createBleConnector, type BleConnector } from '../features/bluetooth/ble-connector';
import { CheckScreen } from '../features/check/CheckScreen';
import { ConsultationScreen } from '../features/consultation/ConsultationScreen';
import { RecordsScreen } from '../features/records/RecordsScreen';
import { SettingsScreen } from '../features/settings/SettingsScreen';
import { useStore } from '../features/use-store';
import { I18nProvider } from '../i18n/I18nProvider';
import { useMessages } from '../i18n/use-messages';
import { systemLanguages } from '../i18n/system-languages';
import { appMessages } from './app-messages';
import { AppHeader } from './AppHeader';
import { StationScreen } from './StationScreen';
import { StationSession } from './station-session';
import { useScreen } from './use-screen';

/** Owns the session and the Bluetooth connector for the lifetime of the page; the client is chosen by the entry point. */
export function App({ client }: { client: BackendClient }) {
  const [session] = useState(() => new StationSession(client));
  const [bluetooth] = useState(() => createBleConnector(client));
  const settings = useStore(session.settings);
  useEffect(() => {
    session.start();
    return () => session.stop();
  }, [session]);
  useEffect(() => () => bluetooth.close(), [bluetooth]);
  // The system's language unless the `language` setting names one; a settings change re-renders all.
  return (
    <I18nProvider locale={resolveLocale(settings.language, systemLanguages())}>
      <AppShell session={session} bluetooth={bluetooth} />
    </I18nProvider>
  );
}

function AppShell({ session, bluetooth }: { session: StationSession; bluetooth: BleConnector }) {
  const m = useMessages(appMessages);
  const screen = useScreen();
  const connection = useStore(session.connection);
  const problem = useStore(session.problem);
  useEffect(() => {
    document.title = m.documentTitle(screen);
  }, [m, screen]);
  return (
    <div className="app-shell">
      <AppHeader screen={screen} connection={connection} problem={problem} />
      {/* The live screen stays mounted: its call must survive a look at another screen. */}
      <div className="screen-slot" hidden={screen !== 'station'}>
        <StationScreen session={session} bluetooth={bluetooth} />
      </div>
      {screen === 'consultation' && <ConsultationScreen session={session} />}
      {screen === 'records' && <RecordsScreen session={session} />}
      {screen === 'check' && <CheckScreen session={session} />}
      {screen === 'settings' && <SettingsScreen session={session} />}
    </div>
  );
}
