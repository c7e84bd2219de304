import { chmod, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserType } from 'playwright-core';
import type { NetLab } from './netns';

/**
 * Two real Chromiums: the station's in this namespace, the doctor's inside the lab's namespace
 * (Playwright launches a two-line wrapper that runs Debian's Chromium under `ip netns exec`, so
 * everything the doctor's browser sends crosses the impaired veth). Both take the lab's
 * self-signed certificate, and fake camera, microphone and permission prompts.
 */
export const CHROMIUM = '/usr/bin/chromium';

const ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--use-fake-device-for-media-stream',
  '--use-fake-ui-for-media-stream',
  '--ignore-certificate-errors',
  // A hidden page must keep its timers and media running: nobody looks at the lab's windows.
  '--disable-background-timer-throttling',
  '--disable-renderer-backgrounding',
  '--disable-backgrounding-occluded-windows',
];

export interface LabBrowsers {
  readonly station: Browser;
  readonly doctor: Browser;
  close(): Promise<void>;
}

export async function launchLabBrowsers(chromium: BrowserType, lab: NetLab): Promise<LabBrowsers> {
  const dir = await mkdtemp(join(tmpdir(), 'netlab-chromium-'));
  const wrapper = join(dir, 'chromium-in-namespace');
  await writeFile(wrapper, `#!/bin/sh\nexec ip netns exec ${lab.namespace} ${CHROMIUM} "$@"\n`);
  await chmod(wrapper, 0o755);
  const launched: Browser[] = [];
  const close = async (): Promise<void> => {
    for (const browser of launched.splice(0)) await browser.close().catch(() => undefined);
    await rm(dir, { recursive: true, force: true });
  };
  try {
    launched.push(await chromium.launch({ executablePath: CHROMIUM, args: ARGS, headless: true }));
    launched.push(await chromium.launch({ executablePath: wrapper, args: ARGS, headless: true }));
  } catch (error) {
    await close();
    throw error;
  }
  const [station, doctor] = launched as [Browser, Browser];
  return { station, doctor, close };
}
