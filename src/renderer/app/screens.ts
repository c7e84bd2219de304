/**
 * The station's screens, addressed by the URL fragment (`#records`) so a reload, a kiosk restart
 * or a test lands on the same screen.
 */
export const SCREENS = ['station', 'consultation', 'records', 'check', 'settings'] as const;
export type Screen = (typeof SCREENS)[number];

export function screenFromHash(hash: string): Screen {
  const name = hash.replace(/^#\/?/, '');
  return (SCREENS as readonly string[]).includes(name) ? (name as Screen) : 'station';
}
