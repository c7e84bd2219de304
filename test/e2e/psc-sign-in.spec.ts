import { expect, test, type Browser, type BrowserContext, type Page } from '@playwright/test';
import type { ConsultationDetail, ConsultationSummary } from '../../src/shared/domain/consultation';
import { CONSULTATION_START } from '../helpers/consultation-start';
import { startPscTestProvider, type PscTestProvider } from '../helpers/psc-provider';
import { callHostApi, freePort } from './call-turn';
import { openWorkspaceTab } from './consultant-workspace';
import { startStationHost, type StationHost } from './station-host';

/**
 * Issue 16 item 4, Pro Santé Connect sign-in on the real Node host with two real Chromium pages
 * (the station's and the doctor's) against a local OpenID provider shaped like PSC
 * (test/helpers/psc-test-provider.mjs: oidc-provider, code + PKCE S256, acr eidas1, userinfo with
 * SubjectNameID), everything on loopback:
 * - the doctor cancels at the provider (error=access_denied): told so, with the sign-in to retry;
 * - a sign-in at another level than eidas1: refused, no join;
 * - a sign-in: the doctor joins, the report's author is the token's name and RPPS and cannot be
 *   edited, the record and its audit log carry the verified identity; a reload keeps it; after the
 *   end, the report-only room takes the signed-in doctor's next version;
 * - an expired ID token (the provider's clock 5 min behind the station's): refused;
 * - a token from another issuer (the station trusts the impostor's name): refused;
 * - without an issuer: the invite works as before, and the doctor's page logs no error.
 */
const REPORT = {
  reason: 'Douleur thoracique atypique',
  findings: 'Auscultation normale, ECG sans anomalie',
  conclusion: 'Douleur pariétale probable',
  prescriptions: 'Paracétamol 1 g si douleur',
};
const TOKEN_DOCTOR = { name: 'Claire MARTIN', rpps: '10003461033' };

let provider: PscTestProvider;
/** The same provider's clock 300 s behind: its ID tokens (120 s) have expired when they arrive. */
let lateProvider: PscTestProvider;
const ports = { main: 0, late: 0, impostor: 0 };
const contexts: BrowserContext[] = [];
const hosts: StationHost[] = [];

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  ports.main = await freePort();
  ports.late = await freePort();
  ports.impostor = await freePort();
  const callback = (port: number): string => `http://127.0.0.1:${port}/psc/callback`;
  provider = await startPscTestProvider({ redirectUrls: [callback(ports.main), callback(ports.impostor)] });
  lateProvider = await startPscTestProvider({ redirectUrls: [callback(ports.late)], clockOffsetS: -300 });
});

test.afterAll(async () => {
  for (const context of contexts.splice(0)) await context.close();
  for (const host of hosts.splice(0)) await host.stop();
  await provider?.stop();
  await lateProvider?.stop();
});

/** A station host on `port` whose rendezvous trusts `issuer` (none: sign-in off). */
async function stationHost(
  port: number | null,
  issuer?: { url: string; of: PscTestProvider },
): Promise<StationHost> {
  const host = await startStationHost(
    port === null ? [] : ['--port', String(port)],
    issuer === undefined
      ? {}
      : {
          STATION_PSC_ISSUER: issuer.url,
          STATION_PSC_CLIENT_ID: issuer.of.clientId,
          STATION_PSC_CLIENT_SECRET: issuer.of.clientSecret,
        },
  );
  hosts.push(host);
  await callHostApi(host.url, 'settings.update', { operatorName: 'Léa Garnier' });
  return host;
}

async function stopHost(host: StationHost): Promise<void> {
  hosts.splice(hosts.indexOf(host), 1);
  await host.stop();
}

interface DoctorPage {
  readonly page: Page;
  /** Console errors and uncaught exceptions of the doctor's page. */
  readonly errors: string[];
}

async function doctorPage(browser: Browser, locale = 'en-GB'): Promise<DoctorPage> {
  const context = await browser.newContext({ locale });
  contexts.push(context);
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`${message.text()} @ ${message.location().url}`);
  });
  page.on('pageerror', (error) => errors.push(error.message));
  return { page, errors };
}

/** A consultation, the station's page, and the doctor's link from its call. */
async function inviteDoctor(
  browser: Browser,
  host: StationHost,
): Promise<{ station: Page; link: string; consultation: ConsultationSummary }> {
  const consultation = (await callHostApi(
    host.url,
    'consultation.start',
    CONSULTATION_START,
  )) as ConsultationSummary;
  const context = await browser.newContext({ locale: 'en-GB' });
  contexts.push(context);
  const station = await context.newPage();
  await station.goto(host.url);
  await station.getByTestId('nav-station').click();
  await station.getByTestId('call-open').click();
  await station.getByTestId('call-start').click();
  await expect(station.getByTestId('call-state')).toHaveAttribute('data-phase', 'inviting');
  return { station, link: await station.getByTestId('invite-url').inputValue(), consultation };
}

/** From the sign-in gate to the provider's page, and through it: sign in (at `acr`) or cancel. */
async function atProvider(doctor: Page, choice: { acr: string } | 'cancel'): Promise<void> {
  await doctor.getByTestId('psc-sign-in').click();
  await expect(doctor.getByRole('heading', { name: 'Pro Santé Connect (test)' })).toBeVisible();
  if (choice === 'cancel') await doctor.getByRole('button', { name: 'Cancel' }).click();
  else {
    await doctor.getByLabel('Assurance level').fill(choice.acr);
    await doctor.getByRole('button', { name: 'Sign in with e-CPS' }).click();
  }
}

/** Back on the gate with this refusal worded, the sign-in offered again, and no call. */
async function expectRefused(doctor: Page, station: Page, code: string, words: RegExp): Promise<void> {
  const refusal = doctor.getByTestId('psc-refusal');
  await expect(refusal).toHaveAttribute('data-code', code, { timeout: 20_000 });
  await expect(refusal).toHaveText(words);
  await expect(doctor.getByTestId('psc-sign-in')).toBeEnabled();
  await expect(doctor.getByTestId('call-state')).toHaveCount(0);
  await expect(station.getByTestId('call-state')).toHaveAttribute('data-phase', 'inviting');
  // The provider's code and state never stay in the address bar or its history.
  expect(new URL(doctor.url()).search).toBe('');
}

test.describe('a station that trusts the provider', () => {
  let host: StationHost;
  let station: Page;
  let link: string;
  let consultation: ConsultationSummary;

  test.beforeAll(async ({ browser }) => {
    host = await stationHost(ports.main, { url: provider.issuer, of: provider });
    ({ station, link, consultation } = await inviteDoctor(browser, host));
  });

  test('(e) the doctor cancels at the provider: told so, with the sign-in to try again', async ({
    browser,
  }) => {
    const { page: doctor } = await doctorPage(browser);
    await doctor.goto(link);
    await expect(doctor.getByTestId('psc-gate')).toBeVisible();
    await atProvider(doctor, 'cancel');
    await expectRefused(doctor, station, 'psc-cancelled', /Sign-in was cancelled/);
    // The retry goes to the provider again.
    await doctor.getByTestId('psc-sign-in').click();
    await expect(doctor.getByRole('heading', { name: 'Pro Santé Connect (test)' })).toBeVisible();
  });

  test('(b) a sign-in at another level than eidas1 is refused, and the doctor does not join', async ({
    browser,
  }) => {
    const { page: doctor } = await doctorPage(browser, 'fr-FR');
    await doctor.goto(link);
    await atProvider(doctor, { acr: 'weak' });
    await expectRefused(doctor, station, 'psc-wrong-acr', /niveau eidas1/);
    const detail = (await callHostApi(host.url, 'consultation.get', {
      id: consultation.id,
    })) as ConsultationDetail;
    expect(detail.summary.consultant ?? { verified: false }).toEqual({ verified: false });
  });

  test('(a) signed in: the doctor joins, signs with the token’s name and RPPS, and the record says who', async ({
    browser,
  }) => {
    test.setTimeout(150_000);
    const { page: doctor, errors } = await doctorPage(browser);
    await doctor.goto(link);
    await atProvider(doctor, { acr: 'eidas1' });
    for (const page of [station, doctor])
      await expect(page.getByTestId('call-state')).toHaveAttribute('data-phase', 'connected', {
        timeout: 30_000,
      });

    // The author fields are the token's, and cannot be edited.
    await openWorkspaceTab(doctor, 'record');
    await expect(doctor.getByTestId('record-doctor-verified')).toHaveText(
      `Identity verified by Pro Santé Connect: ${TOKEN_DOCTOR.name}, RPPS ${TOKEN_DOCTOR.rpps}.`,
    );
    await expect(doctor.getByTestId('record-doctorName')).toHaveValue(TOKEN_DOCTOR.name);
    await expect(doctor.getByTestId('record-doctorRpps')).toHaveValue(TOKEN_DOCTOR.rpps);
    for (const field of ['record-doctorName', 'record-doctorRpps'])
      await expect(doctor.getByTestId(field)).not.toBeEditable();
    for (const [field, text] of Object.entries(REPORT))
      await doctor.getByTestId(`record-${field}`).fill(text);
    await doctor.getByTestId('record-send-report').click();
    await expect(doctor.getByTestId('record-status-report')).toContainText('version 1');

    // The record and its audit log carry the verified identity; the report is signed by it.
    const expected = {
      verified: true,
      method: 'pro-sante-connect',
      rpps: TOKEN_DOCTOR.rpps,
      givenName: 'Claire',
      familyName: 'MARTIN',
      issuer: provider.issuer,
      acr: 'eidas1',
    };
    const detail = (await callHostApi(host.url, 'consultation.get', {
      id: consultation.id,
    })) as ConsultationDetail;
    expect(detail.summary.consultant).toMatchObject(expected);
    expect(detail.report?.author).toMatchObject(TOKEN_DOCTOR);
    const audit = (await callHostApi(host.url, 'audit.list', {})) as {
      action: string;
      consultationId: string | null;
      detail: string;
    }[];
    const verified = audit.filter(
      (row) => row.consultationId === consultation.id && row.action === 'consultant.verified',
    );
    expect(verified).toHaveLength(1);
    expect(verified[0]?.detail).toContain(`RPPS ${TOKEN_DOCTOR.rpps}`);
    expect(verified[0]?.detail).toContain('acr eidas1');

    // A reload takes the seat back with the identity: still signed, still read-only.
    await doctor.reload();
    await expect(doctor.getByTestId('call-state')).toHaveAttribute('data-phase', 'connected', {
      timeout: 30_000,
    });
    await openWorkspaceTab(doctor, 'record');
    await expect(doctor.getByTestId('record-doctor-verified')).toBeVisible();
    await expect(doctor.getByTestId('record-doctorName')).not.toBeEditable();
    await expect(doctor.getByTestId('record-doctorName')).toHaveValue(TOKEN_DOCTOR.name);

    // After the end, the report-only room takes the signed-in doctor's next version.
    await station.getByTestId('nav-consultation').click();
    await station.getByTestId('consultation-end').click();
    await station.getByTestId('consultation-end-dialog-confirm').click();
    await expect(doctor.getByTestId('call-state')).toHaveAttribute('data-phase', 'ended');
    await doctor.getByTestId('record-conclusion').fill('Douleur pariétale, contrôle à 48 h');
    await doctor.getByTestId('record-send-report').click();
    await expect(doctor.getByTestId('record-status-report')).toContainText('version 2', { timeout: 30_000 });
    await expect(doctor.getByTestId('report-only-phase')).toHaveAttribute('data-phase', 'connected');
    const after = (await callHostApi(host.url, 'consultation.get', {
      id: consultation.id,
    })) as ConsultationDetail;
    expect(after.report?.author).toMatchObject(TOKEN_DOCTOR);
    expect(errors).toEqual([]);

    // The record's own report link (a `#report=` page in another browser): the same sign-in first.
    await station.getByTestId('nav-records').click();
    await station
      .locator(`[data-testid="records-item"][data-id="${consultation.id}"]`)
      .getByTestId('records-open')
      .click();
    await station.getByTestId('record-report-link-issue').click();
    const reportLink = await station.getByTestId('record-report-link-url').inputValue();
    const { page: later, errors: laterErrors } = await doctorPage(browser);
    await later.goto(reportLink);
    await expect(later.getByTestId('psc-gate')).toBeVisible();
    await expect(later.getByTestId('record-loaded-version')).toHaveCount(0);
    await atProvider(later, { acr: 'eidas1' });
    await expect(later.getByTestId('record-loaded-version')).toHaveAttribute('data-version', '2', {
      timeout: 30_000,
    });
    await expect(later.getByTestId('record-doctor-verified')).toBeVisible();
    await expect(later.getByTestId('record-doctorRpps')).not.toBeEditable();
    await later.getByTestId('record-findings').fill(`${REPORT.findings}; reprise à J2`);
    await later.getByTestId('record-send-report').click();
    await expect(later.getByTestId('record-status-report')).toContainText('version 3', { timeout: 30_000 });
    expect(laterErrors).toEqual([]);
  });
});

test('(c) an expired ID token is refused', async ({ browser }) => {
  const host = await stationHost(ports.late, { url: lateProvider.issuer, of: lateProvider });
  const { station, link } = await inviteDoctor(browser, host);
  const { page: doctor } = await doctorPage(browser);
  await doctor.goto(link);
  await atProvider(doctor, { acr: 'eidas1' });
  await expectRefused(doctor, station, 'psc-expired', /expired/);
  await stopHost(host);
});

test('(d) a token from another issuer than the one the station trusts is refused', async ({ browser }) => {
  const host = await stationHost(ports.impostor, { url: provider.impostor, of: provider });
  const { station, link } = await inviteDoctor(browser, host);
  const { page: doctor } = await doctorPage(browser);
  await doctor.goto(link);
  await atProvider(doctor, { acr: 'eidas1' });
  await expectRefused(doctor, station, 'psc-wrong-issuer', /another identity provider/);
  await stopHost(host);
});

test('without an issuer the invite works as before, and the doctor’s page logs no error', async ({
  browser,
}) => {
  const host = await stationHost(null);
  const { station, link } = await inviteDoctor(browser, host);
  const { page: doctor, errors } = await doctorPage(browser);
  await doctor.goto(link);
  for (const page of [station, doctor])
    await expect(page.getByTestId('call-state')).toHaveAttribute('data-phase', 'connected', {
      timeout: 30_000,
    });
  await expect(doctor.getByTestId('psc-gate')).toHaveCount(0);
  await openWorkspaceTab(doctor, 'record');
  await expect(doctor.getByTestId('record-doctor-verified')).toHaveCount(0);
  await expect(doctor.getByTestId('record-doctorName')).toBeEditable();
  expect(errors).toEqual([]);
  await stopHost(host);
});
