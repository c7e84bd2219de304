import type { Input } from 'electron';

export type KeyInput = Pick<Input, 'type' | 'key' | 'control' | 'meta' | 'alt' | 'shift'>;

/**
 * Keys that would take a kiosk station away from its page: close or quit the app, reload it
 * (a call and its vitals would drop), leave full screen, open DevTools (absent from packaged builds
 * anyway), print, save or view the page source. Everything else reaches the page, which has its own
 * keyboard operation (WCAG). Ctrl+Alt+Del, the Windows key and the OS's own app switchers are the
 * operating system's: a kiosk account or OS-level assigned access locks those (docs/RELEASE.md).
 */
const WITH_COMMAND = new Set(['w', 'q', 'r', 'p', 's', 'o', 'u', 'n', 't', 'h', 'm']);
const WITH_COMMAND_SHIFT = new Set(['i', 'j', 'c', 'r', 'w', 'q', 'delete']);
const ALONE = new Set(['f5', 'f11', 'f12']);

export function isBlockedInKiosk(input: KeyInput): boolean {
  if (input.type !== 'keyDown') return false;
  const key = input.key.toLowerCase();
  const command = input.control || input.meta;
  if (ALONE.has(key)) return true;
  if (input.alt && key === 'f4') return true;
  // macOS DevTools: Cmd+Alt+I / J / C.
  if (input.meta && input.alt && (key === 'i' || key === 'j' || key === 'c')) return true;
  if (command && input.shift && WITH_COMMAND_SHIFT.has(key)) return true;
  if (command && !input.shift && !input.alt && WITH_COMMAND.has(key)) return true;
  return false;
}
