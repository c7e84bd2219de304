import { APP_ENTRY_URL, APP_ORIGIN, isAppUrl } from '../../src/main/app-origin';
import { STATION_APP_ORIGIN } from '../../src/core/signaling/signaling-origin';

describe('isAppUrl', () => {
  it.each([
    APP_ENTRY_URL,
    APP_ORIGIN,
    'app://station/',
    'app://station/assets/x.js?v=1#h',
    'app://STATION/x',
  ])('accepts %s', (url) => expect(isAppUrl(url)).toBe(true));

  it.each([
    'file:///etc/passwd',
    'https://station/',
    'http://localhost:5173/',
    'app://evil/index.html',
    'app://station.evil/index.html',
    'app://station:8080/index.html',
    'app://user:pw@station/index.html',
    'apps://station/',
    'about:blank',
    'javascript:alert(1)',
    'data:text/html,hi',
    'null',
    '',
  ])('refuses %s', (url) => expect(isAppUrl(url)).toBe(false));

  it('refuses non-strings', () => {
    for (const value of [undefined, null, 1, {}, ['app://station/']]) expect(isAppUrl(value)).toBe(false);
  });
});

describe('the origin rendezvous servers accept from the Electron station', () => {
  it('is our app origin', () => {
    expect(STATION_APP_ORIGIN).toBe(APP_ORIGIN);
  });
});
