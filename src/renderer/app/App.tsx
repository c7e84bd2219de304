import { useEffect, useState } from 'react';
import { resolveLocale } from '../../shared/i18n';
import type { BackendClient } from '../backend-client/backend-client';
import { createBleConnector } from '../features/bluetooth/ble-connector';
import { CheckScreen } from '../features/check/CheckScreen';
import { ConsultationScreen } from '../features/consultation/ConsultationScreen';
import { RecordsScreen } from '../features/records/RecordsScreen';
import { SettingsScreen } from '../features/settings/SettingsScreen';
import { useStore } from '../features/use-store';
import { I18nProvider } from '../i18n/I18nProvider';
import { systemLanguages } from '../i18n/system-languages';
import { AppNav } from './AppNav';
import { StationScreen } from './StationScreen';
import { StationSession } from './station-session';
import { useScreen } from './use-screen';

/** Owns the session and the Bluetooth connector for the lifetime of the page; the client is chosen by the entry point. */
export function App({ client }: { client: BackendClient }) {
  const [session] = useState(() => new StationSession(client));
  const [bluetooth] = useState(() => createBleConnector(client));
  const settings = useStore(session.settings);
  const screen = useScreen();
  useEffect(() => {
    session.start();
    return () => session.stop();
  }, [session]);
  useEffect(() => () => bluetooth.close(), [bluetooth]);
  return (
    <I18nProvider locale={resolveLocale(settings.language, systemLanguages())}>
      <AppNav current={screen} />
      {/* The live screen stays mounted: its call must survive a look at another screen. */}
      <div hidden={screen !== 'station'}>
        <StationScreen session={session} bluetooth={bluetooth} />
      </div>
      {screen === 'consultation' && <ConsultationScreen session={session} />}
      {screen === 'records' && <RecordsScreen session={session} />}
      {screen === 'check' && <CheckScreen session={session} />}
      {screen === 'settings' && <SettingsScreen session={session} />}
    </I18nProvider>
  );
}
