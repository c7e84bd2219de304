import { setTimeout as sleep } from 'node:timers/promises';
import type { BrowserContext, Page } from 'playwright-core';
import { stationPageUrl, type StationHost } from '../../station-host';
import type { LabBrowsers } from './browsers';
import { PAGE_RECORDER, PageLogBook } from './page-recorder';

/**
 * One call through the lab: the station's page (this namespace) starts it with its camera, an
 * instrument camera and the stethoscope, the doctor's page (the lab's namespace) opens the invite.
 * Both pages carry the recorder; `doctor`/`station` follow a reload or a reopened tab.
 */
export interface LabCall {
  readonly stationContext: BrowserContext;
  readonly doctorContext: BrowserContext;
  station: Page;
  doctor: Page;
  readonly inviteUrl: string;
  readonly stationLog: PageLogBook;
  readonly doctorLog: PageLogBook;
  /** When both pages first said "connected" (epoch ms). */
  readonly upAt: number;
  close(): Promise<void>;
}

export const QUERY = 'probe=1';
export const epochNow = (): number => performance.timeOrigin + performance.now();

export async function startLabCall(browsers: LabBrowsers, host: StationHost): Promise<LabCall> {
  const stationContext = await browsers.station.newContext({ ignoreHTTPSErrors: true });
  const doctorContext = await browsers.doctor.newContext({ ignoreHTTPSErrors: true });
  const close = async (): Promise<void> => {
    await stationContext.close().catch(() => undefined);
    await doctorContext.close().catch(() => undefined);
  };
  try {
    for (const context of [stationContext, doctorContext]) await context.addInitScript(PAGE_RECORDER);
    const station = await stationContext.newPage();
    await station.goto(stationPageUrl(host.url, { query: QUERY }));
    await station.click('[data-testid="call-open"]');
    await station.selectOption('[data-testid="setup-instrument"]', 'default');
    await station.selectOption('[data-testid="setup-stethoscope"]', 'default');
    await station.click('[data-testid="call-start"]');
    await waitFor(
      station,
      `document.querySelector('[data-testid="invite-url"]')?.value?.includes('#') ?? false`,
    );
    const link = await station.inputValue('[data-testid="invite-url"]');
    const [base, fragment] = link.split('#') as [string, string];
    const inviteUrl = `${base}?${QUERY}#${fragment}`;
    const doctor = await doctorContext.newPage();
    await doctor.goto(inviteUrl);
    for (const page of [station, doctor]) await waitFor(page, CONNECTED, 30_000);
    const call: LabCall = {
      stationContext,
      doctorContext,
      station,
      doctor,
      inviteUrl,
      stationLog: new PageLogBook(() => call.station),
      doctorLog: new PageLogBook(() => call.doctor),
      upAt: epochNow(),
      close,
    };
    return call;
  } catch (error) {
    await close();
    throw error;
  }
}

export const CONNECTED = `document.querySelector('[data-testid="call-state"]')?.getAttribute('data-phase') === 'connected'`;

/** Polls a page expression until it is true; false if `timeoutMs` passes first (never throws on time). */
export async function pollUntil(page: Page, expression: string, timeoutMs: number): Promise<boolean> {
  const deadline = performance.now() + timeoutMs;
  for (;;) {
    const ok = await page.evaluate<boolean>(expression).catch(() => false);
    if (ok) return true;
    if (performance.now() > deadline) return false;
    await sleep(100);
  }
}

async function waitFor(page: Page, expression: string, timeoutMs = 20_000): Promise<void> {
  if (!(await pollUntil(page, expression, timeoutMs)))
    throw new Error(`page never satisfied in ${timeoutMs} ms: ${expression}`);
}
