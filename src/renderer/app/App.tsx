import { useEffect, useState } from 'react';
import type { BackendClient } from '../backend-client/backend-client';
import { createBleConnector } from '../features/bluetooth/ble-connector';
import { StationScreen } from './StationScreen';
import { StationSession } from './station-session';

/** Owns the session and the Bluetooth connector for the lifetime of the page; the client is chosen by the entry point. */
export function App({ client }: { client: BackendClient }) {
  const [session] = useState(() => new StationSession(client));
  const [bluetooth] = useState(() => createBleConnector(client));
  useEffect(() => {
    session.start();
    return () => session.stop();
  }, [session]);
  useEffect(() => () => bluetooth.close(), [bluetooth]);
  return <StationScreen session={session} bluetooth={bluetooth} />;
}
