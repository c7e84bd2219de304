import { useEffect, useState } from 'react';
import type { BackendClient } from '../backend-client/backend-client';
import { StationScreen } from './StationScreen';
import { StationSession } from './station-session';

/** Owns the session for the lifetime of the page; the client is chosen by the entry point. */
export function App({ client }: { client: BackendClient }) {
  const [session] = useState(() => new StationSession(client));
  useEffect(() => {
    session.start();
    return () => session.stop();
  }, [session]);
  return <StationScreen session={session} />;
}
