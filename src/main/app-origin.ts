/**
 * The one origin the station's UI lives at. The renderer is served from `app://station/` by our own
 * protocol handler (never `file://`, Electron security checklist item 18), so every trust decision in
 * the shell — IPC sender, permission request, navigation — reduces to "is this URL ours?".
 */
export const APP_SCHEME = 'app';
export const APP_HOST = 'station';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

/**
 * True when `value` is a URL (or a serialised origin such as `app://station`) on our origin.
 *
 * WHATWG `URL.origin` is the opaque `"null"` for schemes Node does not know, so the scheme, host,
 * port and credentials are compared one by one instead. Hosts are compared case-insensitively
 * because Chromium lower-cases the host of a standard scheme before we see it.
 */
export function isAppUrl(value: unknown): boolean {
  if (typeof value !== 'string' || value.length === 0 || value.length > 4096) return false;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return false;
  }
  return (
    url.protocol === `${APP_SCHEME}:` &&
    url.hostname.toLowerCase() === APP_HOST &&
    url.port === '' &&
    url.username === '' &&
    url.password === ''
  );
}
