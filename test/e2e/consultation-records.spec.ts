import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import type { ConsultationDetail, ConsultationSummary } from '../../src/shared/domain/consultation';
import { CONSULTATION_START, CONSULTATION_START_NO_DEVICE_DATA } from '../helpers/consultation-start';
import { callHostApi } from './call-turn';
import { fakeClockEnv, startStationHost, type StationHost } from './station-host';

/**
 * What the records keep and what they let go, on the real Node host: no consent to device data →
 * no readings in the record while the oximeter streams; a closed consultation is deleted after
 * confirmation (the active one cannot be); a host killed mid-consultation and started again past
 * the resume window shows it as interrupted, and it is closed from the records screen.
 */
let host: StationHost;

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  host = await startStationHost(['--simulate']);
});

test.afterAll(async () => {
  await host?.stop();
});

const api = <T>(url: string, method: string, params: object = {}): Promise<T> =>
  callHostApi(url, method, params) as Promise<T>;

/** Readings on screen for a few seconds: long enough for the recorder to have written some. */
async function letReadingsStream(page: Page): Promise<void> {
  await page.getByTestId('nav-station').click();
  await expect(page.getByTestId('tile-value-MDC_PULS_OXIM_SAT_O2').first()).toHaveText(/^\d+$/);
  // Absence is the point below, so there is no event to await: the recorder's window is ~1 s.
  await page.waitForTimeout(3_000);
}

async function endFromScreen(page: Page): Promise<void> {
  await page.getByTestId('nav-consultation').click();
  await page.getByTestId('consultation-end').click();
  await page.getByTestId('consultation-end-dialog-confirm').click();
  await expect(page.getByTestId('consultation-start-form')).toBeVisible();
}

async function openRecord(page: Page, id: string): Promise<void> {
  await page.getByTestId('nav-records').click();
  const back = page.getByTestId('record-back');
  if (await back.isVisible()) await back.click();
  await page.locator(`[data-testid="records-item"][data-id="${id}"]`).getByTestId('records-open').click();
  await expect(page.getByTestId('record-detail')).toBeVisible();
}

test('without consent to device data nothing is recorded, and the station says so', async ({ page }) => {
  const started = await api<ConsultationSummary>(
    host.url,
    'consultation.start',
    CONSULTATION_START_NO_DEVICE_DATA,
  );
  await page.goto(host.url);
  await expect(page.getByTestId('consultation-banner-no-device-data')).toBeVisible();
  await letReadingsStream(page);
  await page.getByTestId('nav-consultation').click();
  await expect(page.getByTestId('consultation-no-device-data')).toContainText(
    'neither recorded nor sent to the doctor',
  );
  await endFromScreen(page);

  const detail = await api<ConsultationDetail>(host.url, 'consultation.get', { id: started.id });
  expect(detail.summary.counts.numerics).toBe(0);
  expect(detail.summary.counts.waveformSamples).toBe(0);
  expect(detail.metrics).toEqual([]);
  await openRecord(page, started.id);
  await expect(page.getByTestId('record-metrics')).toHaveCount(0);
  await expect(page.getByTestId('record-vitals-empty')).toContainText('did not consent to device data');
});

test('a closed consultation is deleted after confirmation; the active one cannot be', async ({ page }) => {
  // With consent this time: the same stream is recorded (the control for the test above).
  const closed = await api<ConsultationSummary>(host.url, 'consultation.start', CONSULTATION_START);
  await page.goto(host.url);
  await letReadingsStream(page);
  await endFromScreen(page);
  const detail = await api<ConsultationDetail>(host.url, 'consultation.get', { id: closed.id });
  expect(detail.summary.counts.numerics).toBeGreaterThan(0);

  const active = await api<ConsultationSummary>(host.url, 'consultation.start', CONSULTATION_START);
  try {
    await openRecord(page, active.id);
    await expect(page.getByTestId('record-delete')).toHaveCount(0);
    await expect(page.getByTestId('record-detail')).toContainText('cannot be deleted: end it first');

    await openRecord(page, closed.id);
    await expect(page.getByTestId('record-metrics')).toBeVisible();
    await page.getByTestId('record-delete').click();
    // Cancel first: nothing happens.
    await page.getByTestId('record-delete-dialog').getByRole('button', { name: 'Cancel' }).click();
    await expect(page.getByTestId('record-delete-dialog')).toHaveCount(0);
    await page.getByTestId('record-delete').click();
    await page.getByTestId('record-delete-dialog-confirm').click();
    await expect(page.getByTestId('records-list')).toBeVisible();
    await expect(page.locator(`[data-testid="records-item"][data-id="${closed.id}"]`)).toHaveCount(0);
    await expect(page.locator(`[data-testid="records-item"][data-id="${active.id}"]`)).toHaveCount(1);
    const list = await api<ConsultationSummary[]>(host.url, 'consultation.list');
    expect(list.map((item) => item.id)).not.toContain(closed.id);
  } finally {
    await api(host.url, 'consultation.end', { id: active.id });
  }
});

test('a host killed mid-consultation shows it interrupted after a restart past the resume window; it is closed from the records', async ({
  page,
}) => {
  const dataDir = mkdtempSync(join(tmpdir(), 'station-e2e-killed-'));
  try {
    // `--data-dir` after the one startStationHost passes: the last one wins.
    const first = await startStationHost(['--data-dir', dataDir]);
    const started = await api<ConsultationSummary>(first.url, 'consultation.start', CONSULTATION_START);
    await api(first.url, 'consultation.append', {
      id: started.id,
      event: { kind: 'note', author: 'Léa Garnier', text: 'Avant la coupure' },
    });
    await first.kill(); // SIGKILL: no shutdown code runs, as in a power cut

    // Started again past the resume window (11 min later on the host's clock): a consultation
    // left that long is closed as interrupted; a quicker restart resumes it (call-resilience.spec).
    const restarted = await startStationHost(['--data-dir', dataDir], fakeClockEnv('+11m'));
    try {
      await page.goto(`${restarted.url}#records`);
      const item = page.locator(`[data-testid="records-item"][data-id="${started.id}"]`);
      await expect(item).toHaveAttribute('data-status', 'interrupted');
      await expect(item.getByTestId('records-status')).toHaveText('Interrupted');
      await item.getByTestId('records-open').click();
      const timeline = page.getByTestId('timeline');
      await expect(timeline).toContainText('Avant la coupure');
      await expect(timeline.locator('[data-kind="interrupted"]')).toHaveCount(1);
      await page.getByTestId('record-close-interrupted').click();
      await expect(page.getByTestId('record-close-interrupted')).toHaveCount(0);
      await expect(page.getByTestId('record-back')).toBeFocused(); // not dropped to the page
      await expect(timeline.locator('[data-kind="ended"]')).toHaveCount(1);
      await page.getByTestId('record-back').click();
      await expect(item).toHaveAttribute('data-status', 'ended');
      await expect(item.getByTestId('records-status')).toHaveText('Closed');
    } finally {
      await restarted.stop();
    }
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
});
