import { WebSocket } from 'ws';
import { expect, test } from '@playwright/test';
import type { Reading } from '../../src/shared/domain/readings';
import { apiSocketUrl, startStationHost, type StationHost } from './station-host';

/**
 * A Beurer BM58 downloads its stored measurements at connect: the screen shows the newest one as a
 * BP result, with the device's own measurement time, matching what an independent API client of
 * the same host receives.
 */
let host: StationHost;

test.use({ timezoneId: 'UTC' });

test.beforeAll(async () => {
  host = await startStationHost(['--simulate', 'beurer-bm58']);
});

test.afterAll(async () => {
  const code = await host.stop();
  expect(code, `host did not shut down cleanly:\n${host.output()}`).toBe(0);
});

interface BpSeen {
  systolic?: number | null;
  diastolic?: number | null;
  pulse?: number | null;
}

/** Every BP reading the host pushes or reports as latest, grouped by device time. */
async function watchBpReadings(pageUrl: string): Promise<{ byTime: Map<string, BpSeen>; close(): void }> {
  const socket = new WebSocket(apiSocketUrl(pageUrl), { origin: new URL(pageUrl).origin });
  await new Promise((done, fail) => socket.once('open', done).once('error', fail));
  const byTime = new Map<string, BpSeen>();
  const record = (readings: readonly Reading[]): void => {
    for (const reading of readings) {
      if (reading.type !== 'numeric') continue;
      const seen = byTime.get(reading.time) ?? {};
      if (reading.metric === 'MDC_PRESS_BLD_NONINV_SYS') seen.systolic = reading.value;
      else if (reading.metric === 'MDC_PRESS_BLD_NONINV_DIA') seen.diastolic = reading.value;
      else if (reading.metric === 'MDC_PULS_RATE_NON_INV') seen.pulse = reading.value;
      else continue;
      byTime.set(reading.time, seen);
    }
  };
  socket.on('message', (data: Buffer) => {
    const message = JSON.parse(data.toString('utf8')) as {
      event?: string;
      payload?: { readings: Reading[] };
      id?: number;
      result?: { ok: boolean; value?: Reading[] };
    };
    if (message.event === 'readings' && message.payload) record(message.payload.readings);
    if (message.id === 1 && message.result?.ok === true && message.result.value) record(message.result.value);
  });
  socket.send(JSON.stringify({ id: 1, method: 'readings.latest', params: {} }));
  return { byTime, close: () => socket.close() };
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

test('a downloaded BP measurement shows as a result with the device time, the newest one', async ({
  page,
}) => {
  const observer = await watchBpReadings(host.url);
  try {
    await page.goto(host.url);
    const group = page.locator('[data-testid^="device-group-beurer-bm58@"]');
    const tile = group.getByTestId('bp-tile');
    await expect(group.getByTestId('bp-value')).toHaveText(/^\d+\/\d+ mmHg$/, { timeout: 20_000 });

    // The tile shows the newest complete result the host delivered, by device time.
    await expect
      .poll(async () => {
        const complete = [...observer.byTime.entries()].filter(
          ([, seen]) => typeof seen.systolic === 'number' && typeof seen.diastolic === 'number',
        );
        const newest = complete.sort(([a], [b]) => a.localeCompare(b)).at(-1);
        return newest !== undefined && (await tile.getAttribute('data-measured-at')) === newest[0];
      })
      .toBe(true);
    const time = (await tile.getAttribute('data-measured-at'))!;
    const seen = observer.byTime.get(time)!;
    await expect(group.getByTestId('bp-value')).toHaveText(`${seen.systolic}/${seen.diastolic} mmHg`);
    if (typeof seen.pulse === 'number')
      await expect(group.getByTestId('bp-pulse')).toHaveText(`${seen.pulse} bpm`);

    // "measured 14:32, 25 Nov" in the page's time zone (UTC here), the device's time, not ours.
    const date = new Date(time);
    const clock = `${String(date.getUTCHours()).padStart(2, '0')}:${String(date.getUTCMinutes()).padStart(2, '0')}`;
    const day = `${date.getUTCDate()} ${MONTHS[date.getUTCMonth()]}`;
    const sameYear = date.getUTCFullYear() === new Date().getUTCFullYear();
    await expect(group.getByTestId('bp-time')).toHaveText(
      `measured ${clock}, ${day}${sameYear ? '' : ` ${date.getUTCFullYear()}`}`,
    );
  } finally {
    observer.close();
  }
});
