import type { ProblemCode } from '../../shared/domain/problem-codes';
import type { ConnectionState } from '../backend-client/backend-client';
import { useMessages } from '../i18n/use-messages';
import { AppNav } from './AppNav';
import { appMessages } from './app-messages';
import { ConnectionIndicator } from './ConnectionIndicator';
import type { Screen } from './screens';
import { SkipLink } from './SkipLink';

interface AppHeaderProps {
  readonly screen: Screen;
  readonly connection: ConnectionState;
  readonly problem: ProblemCode | 'unexpected' | null;
}

/**
 * The bar over every screen: skip link, the station's name, the screen switcher and the link to
 * the backend. The connection state is here, not on one screen, because a frozen backend makes
 * every screen stale. Each screen has its own `<h1>`; the name here is not a heading.
 */
export function AppHeader({ screen, connection, problem }: AppHeaderProps) {
  const m = useMessages(appMessages);
  return (
    <header className="app-header">
      <SkipLink />
      <p className="app-title">{m.appTitle}</p>
      <AppNav current={screen} />
      <ConnectionIndicator state={connection} problem={problem} />
    </header>
  );
}
