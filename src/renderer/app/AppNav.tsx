import { useMessages } from '../i18n/use-messages';
import { appMessages } from './app-messages';
import { SCREENS, type Screen } from './screens';

/** The screen switcher: links, so the fragment (and the back button) follow the current screen. */
export function AppNav({ current }: { current: Screen }) {
  const m = useMessages(appMessages);
  return (
    <nav className="app-nav" aria-label={m.navLabel}>
      <ul>
        {SCREENS.map((screen) => (
          <li key={screen}>
            <a
              href={`#${screen}`}
              className="app-nav-link"
              aria-current={screen === current ? 'page' : undefined}
              data-testid={`nav-${screen}`}
            >
              {m.screen(screen)}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
