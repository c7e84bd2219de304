import { expect, test, type Page } from '@playwright/test';
import type { Reading } from '../../src/shared/domain/readings';
import { CONSULTATION_START } from '../helpers/consultation-start';
import { callHostApi } from './call-turn';
import { canvasInkedPixels } from './page-probes';
import { startStationHost, stationPageUrl, type StationHost } from './station-host';
import { openWorkspaceTab } from './consultant-workspace';

/**
 * Issue 12 item 1 on the real Node host with two real Chromium pages: the nurse ends the
 * consultation while the doctor is in the call → the call ends on both sides (the doctor's page
 * says, in the doctor's language, that the station closed the consultation, and keeps the unsent
 * draft; the station shows no error; video and vitals stop) → the next consultation starts with
 * every tile at `--` until a new reading. Readings come from `readings.submit` (a Bluetooth
 * device's path), so nothing streams unasked.
 */
let host: StationHost;

const DEVICE = 'ble-plx-continuous@Nonin 3150';
const CUFF = 'ble-blood-pressure@Beurer BM54';
const SPO2 = 'MDC_PULS_OXIM_SAT_O2';
const PULSE = 'MDC_PULS_OXIM_PULS_RATE';

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  host = await startStationHost([]);
  await callHostApi(host.url, 'settings.update', { operatorName: 'Léa Garnier' });
});

test.afterAll(async () => {
  await host?.stop();
});

/** One oximeter second and, when asked, a cuff result: measured now, as a device would send them. */
async function measure(spo2: number, withCuff = false): Promise<void> {
  const time = new Date().toISOString();
  const readings: Reading[] = [
    { type: 'numeric', device: DEVICE, metric: SPO2, unit: '%', value: spo2, time },
    { type: 'numeric', device: DEVICE, metric: PULSE, unit: '/min', value: 88, time },
    {
      type: 'waveform',
      device: DEVICE,
      metric: 'MDC_PULS_OXIM_PLETH',
      unit: '1',
      rateHz: 60,
      start: time,
      samples: Array.from({ length: 60 }, (_, i) => Math.round(50 + 40 * Math.sin(i / 5))),
    },
  ];
  if (withCuff)
    readings.push(
      { type: 'numeric', device: CUFF, metric: 'MDC_PRESS_BLD_NONINV_SYS', unit: 'mm[Hg]', value: 131, time },
      { type: 'numeric', device: CUFF, metric: 'MDC_PRESS_BLD_NONINV_DIA', unit: 'mm[Hg]', value: 85, time },
    );
  await callHostApi(host.url, 'readings.submit', { readings });
}

const probe = (expression: string): string =>
  `(() => { const p = window.__callProbe; return ${expression}; })()`;

/** Whether every track of a <video>'s stream has ended (or it shows none). */
const videoEnded = (testId: string): string =>
  `(() => { const s = document.querySelector('[data-testid="${testId}"]').srcObject;
    return s === null || s.getTracks().every((t) => t.readyState === 'ended'); })()`;

async function expectNoEarlierValue(station: Page): Promise<void> {
  for (const metric of [SPO2, PULSE])
    await expect(station.getByTestId(`tile-value-${metric}`)).toHaveText('--');
  await expect(station.getByTestId('bp-none')).toBeVisible();
  await expect(station.getByTestId('bp-value')).toHaveCount(0);
  await expect
    .poll(() => station.evaluate<number>(canvasInkedPixels('waveform-MDC_PULS_OXIM_PLETH')))
    .toBe(0);
}

test('ending the consultation ends the call on both sides; the next patient sees no earlier value', async ({
  browser,
}) => {
  await callHostApi(host.url, 'consultation.start', CONSULTATION_START);
  const stationContext = await browser.newContext();
  // The doctor reads French, the station English: each page words the end in its own language.
  const consultantContext = await browser.newContext({ locale: 'fr-FR' });
  try {
    const station = await stationContext.newPage();
    await station.goto(stationPageUrl(host.url, { query: 'probe=1' }));
    await measure(91, true);
    await expect(station.getByTestId(`tile-value-${SPO2}`)).toHaveText('91');
    await expect(station.getByTestId('bp-value')).toContainText('131/85');

    // The call: the doctor joins with the station's link and sees the readings.
    await station.getByTestId('call-open').click();
    await station.getByTestId('setup-stethoscope').selectOption('default');
    await station.getByTestId('call-start').click();
    await expect(station.getByTestId('call-state')).toHaveAttribute('data-phase', 'inviting');
    const [base, fragment] = (await station.getByTestId('invite-url').inputValue()).split('#') as [
      string,
      string,
    ];
    const consultant = await consultantContext.newPage();
    await consultant.goto(`${base}?probe=1#${fragment}`);
    for (const page of [station, consultant])
      await expect(page.getByTestId('call-state')).toHaveAttribute('data-phase', 'connected', {
        timeout: 15_000,
      });
    await expect.poll(() => consultant.evaluate<boolean>(videoEnded('patient-video'))).toBe(false);
    await measure(92);
    await expect(consultant.getByTestId(`tile-value-${SPO2}`)).toHaveText('92');

    // The doctor's draft, not sent (the record is a tab under the video).
    await openWorkspaceTab(consultant, 'record');
    await consultant.getByTestId('record-findings').fill('Sibilants diffus');
    await consultant.getByTestId('record-conclusion').fill('Brouillon non envoyé');

    // The nurse ends the consultation from the consultation screen.
    await station.getByTestId('nav-consultation').click();
    await station.getByTestId('consultation-end').click();
    await station.getByTestId('consultation-end-dialog-confirm').click();
    await expect(station.getByTestId('consultation-start-form')).toBeVisible();

    // The doctor's page: the call is over, said in words, and the draft is still in the form.
    const doctorState = consultant.getByTestId('call-state');
    await expect(doctorState).toHaveAttribute('data-phase', 'ended');
    await expect(doctorState).toHaveText('La station a clôturé la consultation');
    await expect(consultant.getByTestId('record-findings')).toHaveValue('Sibilants diffus');
    await expect(consultant.getByTestId('record-conclusion')).toHaveValue('Brouillon non envoyé');
    await expect.poll(() => consultant.evaluate<boolean>(videoEnded('patient-video'))).toBe(true);
    // No reading reaches the doctor any more.
    const arrivals = (): Promise<number> =>
      consultant.evaluate<number>(probe('p.consultant.arrivals.length'));
    const received = await arrivals();
    await measure(93);
    await consultant.waitForTimeout(1000);
    expect(await arrivals()).toBe(received);
    await expect(consultant.getByTestId(`tile-value-${SPO2}`)).not.toHaveText('93');

    // The station: hung up, its cameras and stethoscope released, no call action left, no alert.
    await station.getByTestId('nav-station').click();
    await expect(station.getByTestId('call-state')).toHaveAttribute('data-phase', 'ended');
    await expect(station.getByTestId('call-state')).toHaveText('The station closed the consultation');
    await expect
      .poll(() =>
        station.evaluate<boolean>(
          probe(`[p.station.media.room, p.station.media.stethoscope]
            .flatMap((s) => s?.getTracks() ?? []).every((t) => t.readyState === 'ended')`),
        ),
      )
      .toBe(true);
    for (const action of ['station-snapshot', 'stethoscope-record', 'call-end', 'invite-url'])
      await expect(station.getByTestId(action)).toHaveCount(0);
    await expect(station.getByRole('alert')).toHaveCount(0);
    await expect(station.locator('body')).not.toContainText('BackendCallError');
    // The next patient: no tile shows a value measured before (93 came between the two).
    await callHostApi(host.url, 'consultation.start', CONSULTATION_START);
    await expect(station.getByTestId('consultation-banner')).toHaveAttribute('data-active', 'true');
    await expectNoEarlierValue(station);
    // A freshly opened screen is not seeded with them either.
    await station.reload();
    await expect(station.getByTestId('consultation-banner')).toHaveAttribute('data-active', 'true');
    await expect(station.getByTestId(`tile-value-${SPO2}`)).toHaveCount(0);
    await expect(station.getByTestId('bp-value')).toHaveCount(0);

    // What is measured after the start shows normally.
    await measure(97);
    await expect(station.getByTestId(`tile-value-${SPO2}`)).toHaveText('97');
    await expect(station.getByRole('alert')).toHaveCount(0);
  } finally {
    await stationContext.close();
    await consultantContext.close();
  }
});
