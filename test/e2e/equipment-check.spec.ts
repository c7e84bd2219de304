import { writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Locator, type Page, type TestInfo } from '@playwright/test';
import { startSimulatedDevice, type SimulatedDevice } from '../../src/core/sim/simulated-device';
import { checkReportSchema } from '../../src/shared/domain/equipment-check';
import { callHostApi, startCoturn, type Coturn } from './call-turn';
import { startStationHost, type StationHost } from './station-host';
import config from '../../playwright.config';

/**
 * The equipment check in Chromium with fake camera and microphone, against the real Node host (its
 * rendezvous check endpoints), a real coturn and a device on a real pty: everything passes but the
 * speakers, which wait for the person's answer; then coturn stopped, then the device unplugged.
 */
/**
 * Chromium's default fake microphone beeps at full scale, which the check rightly calls clipping.
 * A sound card set up properly sounds like this instead: a 440 Hz tone at −12 dBFS, looped.
 */
function toneWav(path: string): string {
  const rate = 48_000;
  const samples = rate; // one second, looped by Chromium
  const data = Buffer.alloc(samples * 2);
  for (let i = 0; i < samples; i += 1)
    data.writeInt16LE(Math.round(Math.sin((2 * Math.PI * 440 * i) / rate) * 0.25 * 32767), i * 2);
  const header = Buffer.alloc(44);
  header.write('RIFF', 0);
  header.writeUInt32LE(36 + data.length, 4);
  header.write('WAVEfmt ', 8);
  header.writeUInt32LE(16, 16);
  header.writeUInt16LE(1, 20); // PCM
  header.writeUInt16LE(1, 22); // mono
  header.writeUInt32LE(rate, 24);
  header.writeUInt32LE(rate * 2, 28);
  header.writeUInt16LE(2, 32);
  header.writeUInt16LE(16, 34);
  header.write('data', 36);
  header.writeUInt32LE(data.length, 40);
  writeFileSync(path, Buffer.concat([header, data]));
  return path;
}

const TONE = toneWav(join(tmpdir(), 'station-check-tone-440hz-12dbfs.wav'));
test.use({
  launchOptions: {
    ...config.use?.launchOptions,
    args: [...(config.use?.launchOptions?.args ?? []), `--use-file-for-fake-audio-capture=${TONE}`],
  },
});

let host: StationHost;
let coturn: Coturn;
let device: SimulatedDevice;

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  coturn = await startCoturn();
  // The host reads the TURN secret from its environment only (never a command line).
  process.env['STATION_TURN_SECRET'] = coturn.secret;
  try {
    host = await startStationHost([]);
  } finally {
    delete process.env['STATION_TURN_SECRET'];
  }
  await callHostApi(host.url, 'settings.update', { turnUrls: [coturn.url] });
  // Our own simulated device (not --simulate) so the test can pull its plug.
  device = await startSimulatedDevice('contec-cms50-v7', { seed: 11 });
  await callHostApi(host.url, 'devices.connect', { path: device.path, protocol: device.protocol });
});

test.afterAll(async () => {
  await host?.stop();
  await device?.stop();
  await coturn?.stop();
});

const item = (page: Page, idPrefix: string): Locator =>
  page.locator(`[data-testid^="check-item-${idPrefix}"]`);

/** Written to the test's output folder, so the artifact survives whatever the reporter. */
async function attachScreenshot(page: Page, testInfo: TestInfo, name: string): Promise<void> {
  const path = testInfo.outputPath(`${name}.png`);
  await page.screenshot({ path, fullPage: true });
  await testInfo.attach(`${name}.png`, { path, contentType: 'image/png' });
}

async function runCheck(page: Page): Promise<void> {
  await page.goto(`${host.url}#check`);
  await page.getByTestId('check-stethoscope').selectOption('default');
  await page.getByTestId('check-run').click();
  await expect(page.getByTestId('check-summary')).toBeVisible({ timeout: 45_000 });
}

test('every item passes; the speakers wait for an answer; the report exports as JSON', async ({
  page,
}, testInfo) => {
  await runCheck(page);
  // Each row as `id: status: text`, so a failure says what the check found.
  // In-page code as a string: the e2e tests typecheck without the DOM library (see page-probes.ts).
  const rows = await page.evaluate<string[]>(
    `[...document.querySelectorAll('[data-testid^="check-item-"]')].map((row) =>
      row.getAttribute('data-testid') + ': ' + row.getAttribute('data-status') + ': ' + row.textContent)`,
  );
  const notPassing = rows.filter((row) => !row.includes(': pass: '));
  expect(
    notPassing.map((row) => row.split(':', 1)[0]),
    notPassing.join('\n'),
  ).toEqual(['check-item-audio.speakers']);
  for (const prefix of [
    'camera.1',
    'audio.microphone',
    'stethoscope.input',
    'runtime.webrtc',
    'runtime.getusermedia',
    'runtime.secure-context',
    'runtime.codecs',
    'network.rendezvous',
    'network.upload',
    'network.download',
    'network.turn',
    'devices.contec-cms50-v7@',
  ])
    await expect(item(page, prefix), prefix).toHaveAttribute('data-status', 'pass');
  await expect(item(page, 'audio.speakers')).toHaveAttribute('data-status', 'warn');
  await expect(item(page, 'camera.1')).toContainText(/\d+×\d+/);
  // The call relay is one item: one verdict, each path a line under it (UDP, TCP, the private
  // peers refused, the browser's test calls over UDP and TCP).
  await expect(page.locator('[data-testid^="check-item-network.turn"]')).toHaveCount(1);
  await expect(page.locator('[data-testid^="check-item-network.relay"]')).toHaveCount(0);
  const relayLines = item(page, 'network.turn').locator('.check-line');
  await expect(relayLines).toHaveText([
    /^✓ UDP, port \d+: turn:127\.0\.0\.1:\d+ granted a relay/,
    /^✓ Private addresses: /,
    /^✓ TCP, port \d+: /,
    /^✓ Test call from this browser over UDP: /,
    /^✓ Test call from this browser over TCP: /,
  ]);

  await page.getByTestId('check-speakers-heard').click();
  await expect(item(page, 'audio.speakers')).toHaveAttribute('data-status', 'pass');
  await expect(page.getByTestId('check-summary')).toHaveAttribute('data-status', 'pass');

  const download = page.waitForEvent('download');
  await page.getByTestId('check-export-json').click();
  const file = await (await download).path();
  const report = checkReportSchema.parse(JSON.parse(await readFile(file, 'utf8')));
  expect(report.items.every((entry) => entry.status === 'pass')).toBe(true);
  // The exported item keeps each transport's result.
  expect(report.items.find((entry) => entry.id === 'network.turn')?.measured).toMatchObject({
    udp: 'ok',
    tcp: 'ok',
    peers: 'ok',
    relayUdp: 'ok',
    relayTcp: 'ok',
  });
  expect(report.source).toMatch(/station window · .+ \d+\.\d+\.\d+ · node host/);
  await testInfo.attach('equipment-check-report.json', { path: file, contentType: 'application/json' });
  await attachScreenshot(page, testInfo, 'equipment-check');
});

test('with coturn stopped, the TURN item fails, every path a failed line, with the one fix', async ({
  page,
}, testInfo) => {
  await coturn.stop();
  await runCheck(page);
  const turn = item(page, 'network.turn');
  await expect(turn).toHaveAttribute('data-status', 'fail');
  await expect(turn.locator('.check-detail')).toHaveText('No call can go through the relay.');
  await expect(turn.locator('.check-line')).toHaveCount(4);
  for (const line of await turn.locator('.check-line').allTextContents()) expect(line).toMatch(/^✕ /);
  await expect(turn.getByTestId('check-fix')).toHaveCount(1);
  await expect(turn.getByTestId('check-fix')).toContainText(/Start the TURN server \(coturn\)/);
  await expect(item(page, 'network.rendezvous')).toHaveAttribute('data-status', 'pass');
  await expect(page.getByTestId('check-summary')).toHaveAttribute('data-status', 'fail');
  await attachScreenshot(page, testInfo, 'equipment-check-turn-down');
});

test('with the device unplugged, its item fails with the fix', async ({ page }) => {
  await device.unplug();
  await expect
    .poll(async () => {
      const devices = (await callHostApi(host.url, 'devices.list', {})) as { state: string }[];
      return devices[0]?.state;
    })
    .toBe('disconnected');
  await runCheck(page);
  const row = item(page, 'devices.contec-cms50-v7@');
  await expect(row).toHaveAttribute('data-status', 'fail');
  await expect(row.getByTestId('check-fix')).toContainText(/Plug the device back in/);
});

test('in French, the same check reads in French', async ({ page }) => {
  await callHostApi(host.url, 'settings.update', { language: 'fr' });
  try {
    await runCheck(page);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Test du matériel');
    await expect(item(page, 'devices.contec-cms50-v7@')).toContainText('Rebranchez l’appareil');
    await expect(item(page, 'network.turn')).toContainText('Démarrez le serveur TURN');
    await expect(item(page, 'network.turn').locator('.check-detail')).toHaveText(
      'Aucun appel ne peut passer par le relais.',
    );
    await expect(page.getByTestId('check-summary')).toContainText('Bilan : Échec');
  } finally {
    await callHostApi(host.url, 'settings.update', { language: 'system' });
  }
});
