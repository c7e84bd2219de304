import { useEffect, useState } from 'react';
import { screenFromHash, type Screen } from './screens';

/** The screen named by the URL fragment, following its changes. */
export function useScreen(): Screen {
  const [screen, setScreen] = useState(() => screenFromHash(window.location.hash));
  useEffect(() => {
    const onHashChange = (): void => setScreen(screenFromHash(window.location.hash));
    window.addEventListener('hashchange', onHashChange);
    return () => window.removeEventListener('hashchange', onHashChange);
  }, []);
  return screen;
}
