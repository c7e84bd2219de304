import { expect, test } from '@playwright/test';
import { startSimulatedDevice, type SimulatedDevice } from '../../src/core/sim/simulated-device';
import { BeurerBm58Simulator, beurerBm58 } from '../../src/devices/beurer-bm58';
import type { ConsultationSummary } from '../../src/shared/domain/consultation';
import { CONSULTATION_START } from '../helpers/consultation-start';
import { callHostApi } from './call-turn';
import { startStationHost, type StationHost } from './station-host';

/**
 * Issue 11 item 3 on the real Node host in Chromium: a Beurer BM58 plugged in during a
 * consultation holds a record from 13 days ago. The live screen shows it apart, "measured before
 * this consultation" with its date, and the BP tile says so too; the record does not hold it
 * until the nurse confirms it, and then the timeline says who confirmed it. Dates come from the
 * run's clock, so the spec passes on any date.
 */
let host: StationHost;
let cuff: SimulatedDevice;
const DAY_MS = 86_400_000;
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

test.use({ timezoneId: 'UTC' });
test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  host = await startStationHost([]);
  await callHostApi(host.url, 'settings.update', { operatorName: 'Léa Garnier' });
  // The cuff's clock is the station's local time (as the decoder reads it).
  const at = new Date(Date.now() - 13 * DAY_MS);
  cuff = await startSimulatedDevice(beurerBm58.protocol, {
    driver: {
      ...beurerBm58,
      createSimulator: () =>
        new BeurerBm58Simulator({
          records: [
            {
              systolic: 142,
              diastolic: 91,
              pulse: 77,
              year: at.getFullYear(),
              month: at.getMonth() + 1,
              day: at.getDate(),
              hour: at.getHours(),
              minute: at.getMinutes(),
            },
          ],
        }),
    },
  });
});

test.afterAll(async () => {
  await host?.stop();
  await cuff?.stop();
});

const current = async (): Promise<ConsultationSummary | null> =>
  (await callHostApi(host.url, 'consultation.current', {})) as ConsultationSummary | null;

test('a stored cuff record from 13 days ago waits apart, and enters the record only once confirmed', async ({
  page,
}) => {
  const { id } = (await callHostApi(
    host.url,
    'consultation.start',
    CONSULTATION_START,
  )) as ConsultationSummary;
  await page.goto(host.url);
  // The page must be listening before the cuff hands over its stored record: a screen opened after
  // a reading from before the consultation is, by design, not seeded with it (end-means-end).
  await expect(page.getByTestId('connection-state')).toHaveAttribute('data-state', 'open');
  await callHostApi(host.url, 'devices.connect', { path: cuff.path, protocol: beurerBm58.protocol });

  const region = page.getByRole('region', { name: 'Measurements from before this consultation' });
  await expect(region).toBeVisible({ timeout: 20_000 });
  const pending = (await current())?.pending ?? [];
  expect(pending).toHaveLength(1);
  const measuredAt = new Date(pending[0].measuredAt);
  const moment =
    `${measuredAt.getUTCDate()} ${MONTHS[measuredAt.getUTCMonth()]} ${measuredAt.getUTCFullYear()}, ` +
    `${String(measuredAt.getUTCHours()).padStart(2, '0')}:${String(measuredAt.getUTCMinutes()).padStart(2, '0')}`;
  await expect(region.getByTestId('pending-when')).toHaveText(`measured before this consultation, ${moment}`);
  await expect(region.getByTestId('pending-values')).toHaveText(
    'Systolic 142 mmHg, Diastolic 91 mmHg, Pulse 77 bpm',
  );
  // The BP tile shows the cuff's newest result, marked as older than the consultation.
  const group = page.locator('[data-testid^="device-group-beurer-bm58@"]');
  await expect(group.getByTestId('bp-before')).toHaveText('measured before this consultation');
  expect((await current())?.counts.numerics).toBe(0);

  await region.getByRole('button', { name: /^Confirm for this patient: / }).click();
  await expect(region).toBeHidden();
  const after = await current();
  expect(after?.pending).toEqual([]);
  expect(after?.counts.numerics).toBe(3);

  await page.goto(`${host.url}#consultation`);
  await expect(page.locator('[data-kind="measurement-confirmed"]')).toContainText(
    `Measured before the consultation (${moment}), confirmed for this patient by Léa Garnier: ` +
      'Systolic 142 mmHg, Diastolic 91 mmHg, Pulse 77 bpm',
  );
  await callHostApi(host.url, 'consultation.end', { id });
});
