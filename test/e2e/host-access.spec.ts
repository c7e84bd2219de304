import { expect, test } from '@playwright/test';
import { startStationHost, type StationHost } from './station-host';

/**
 * The station page in Chromium behind the host's access token: opened at the printed URL, it trades
 * the token for its cookie, the token leaves the address bar, and the page reaches the backend;
 * opened without it, the page loads but its API socket is refused.
 */
let host: StationHost;

test.beforeAll(async () => {
  host = await startStationHost([]);
});

test.afterAll(async () => {
  await host.stop();
});

test('the printed URL opens the station; the token becomes an HttpOnly cookie and leaves the address', async ({
  page,
  context,
}) => {
  expect(host.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?token=[A-Za-z0-9_-]{43}$/);
  await page.goto(`${host.url}#station`);
  await expect(page.getByTestId('connection-state')).toHaveAttribute('data-state', 'open');
  expect(page.url()).toBe(`${new URL(host.url).origin}/#station`);
  expect(await page.evaluate('document.cookie')).toBe(''); // HttpOnly: no script reads it
  const cookies = await context.cookies();
  expect(cookies).toHaveLength(1);
  expect(cookies[0]).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/' });
  // A reload keeps the cookie: the station stays connected without the token in the address.
  await page.reload();
  await expect(page.getByTestId('connection-state')).toHaveAttribute('data-state', 'open');
});

test('without the token the page says it is not authorised, and connects once the printed URL is opened', async ({
  context,
}) => {
  const page = await context.newPage();
  await page.goto(`${new URL(host.url).origin}/#station`);
  const state = page.getByTestId('connection-state');
  await expect(state).toHaveAttribute('data-state', 'unauthorized');
  await expect(state).toContainText('open the address the station host printed');
  // The printed URL, opened in another tab of the same browser, gives the cookie to both.
  const other = await context.newPage();
  await other.goto(host.url);
  await expect(other.getByTestId('connection-state')).toHaveAttribute('data-state', 'open');
  await expect(state).toHaveAttribute('data-state', 'open');
});
