import type { MouseEvent } from 'react';
import { useMessages } from '../i18n/use-messages';
import { appMessages } from './app-messages';

/**
 * "Skip to main content" for keyboard users (WCAG 2.4.1). Screens are addressed by the URL
 * fragment, so an ordinary `href="#main"` would switch screens: the link moves focus itself, to
 * the visible screen's `<main>` (the live screen stays mounted, hidden, behind the others).
 */
export function SkipLink() {
  const m = useMessages(appMessages);
  const onClick = (event: MouseEvent<HTMLAnchorElement>): void => {
    event.preventDefault();
    const main = visibleMain();
    if (main === null) return;
    if (!main.hasAttribute('tabindex')) main.setAttribute('tabindex', '-1');
    main.focus();
  };
  return (
    <a className="skip-link" href="#main" onClick={onClick} data-testid="skip-link">
      {m.skipToMain}
    </a>
  );
}

function visibleMain(): HTMLElement | null {
  for (const main of document.querySelectorAll('main')) if (main.closest('[hidden]') === null) return main;
  return null;
}
