import { useEffect, useRef, type RefObject } from 'react';

/**
 * When the element holding the focus disappears (the start form replaced by the consultation it
 * started, the PIN gate by the settings it opened), Chromium drops the focus on `<body>` and a
 * keyboard user starts over from the top of the page (WCAG 2.4.3). On each change of `view`, this
 * puts it on the screen's heading instead, but only when the focus was last inside `container`
 * and is now lost: it never takes the focus from anything that has it, nor on a fresh load.
 */
export function useFocusRescue(container: RefObject<HTMLElement | null>, view: unknown): void {
  const focusWasInside = useRef(false);
  useEffect(() => {
    const root = container.current;
    if (root === null) return undefined;
    const onFocusIn = (): void => {
      focusWasInside.current = true;
    };
    // A removed element fires no focusout: only a move to something outside clears the flag.
    const onFocusOut = (event: FocusEvent): void => {
      if (event.relatedTarget instanceof Node && !root.contains(event.relatedTarget))
        focusWasInside.current = false;
    };
    root.addEventListener('focusin', onFocusIn);
    root.addEventListener('focusout', onFocusOut);
    return () => {
      root.removeEventListener('focusin', onFocusIn);
      root.removeEventListener('focusout', onFocusOut);
    };
  }, [container]);
  useEffect(() => {
    const lost = document.activeElement === null || document.activeElement === document.body;
    const root = container.current;
    if (!lost || !focusWasInside.current || root === null) return;
    const target = root.querySelector<HTMLElement>('h1') ?? root;
    // Focusable from script only: a heading is no Tab stop.
    if (!target.hasAttribute('tabindex')) target.setAttribute('tabindex', '-1');
    target.focus();
  }, [container, view]);
}
