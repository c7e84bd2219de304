import { expect, test, type Browser, type Page } from '@playwright/test';
import { CONSULTATION_START } from '../helpers/consultation-start';
import { canvasInkedPixels } from './page-probes';
import { callHostApi, startCoturn, type Coturn } from './call-turn';
import { startStationHost, stationPageUrl, type StationHost } from './station-host';
import { openWorkspaceTab } from './consultant-workspace';

/**
 * The call, with nothing faked but the cameras (Chromium's fake devices): two real browser
 * contexts, the station and the consultant, signalling through the host's rendezvous server, media
 * and vitals peer to peer — directly, then relayed only through a real coturn that is cut for a
 * few seconds mid-call.
 */
let host: StationHost;
let coturn: Coturn;

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  coturn = await startCoturn();
  // The host reads the TURN secret from its environment only (never a command line).
  process.env['STATION_TURN_SECRET'] = coturn.secret;
  try {
    host = await startStationHost(['--simulate']);
  } finally {
    delete process.env['STATION_TURN_SECRET'];
  }
  await callHostApi(host.url, 'settings.update', { turnUrls: [coturn.url] });
  // No consent, no call: every call here happens inside one consultation.
  await callHostApi(host.url, 'consultation.start', CONSULTATION_START);
});

test.afterAll(async () => {
  await host?.stop();
  await coturn?.stop();
});

const probe = (expression: string): string =>
  `(() => { const p = window.__callProbe; return ${expression}; })()`;

interface CallPages {
  readonly station: Page;
  readonly consultant: Page;
  close(): Promise<void>;
}

async function startCall(browser: Browser, query: string): Promise<CallPages> {
  const stationContext = await browser.newContext();
  const consultantContext = await browser.newContext();
  const station = await stationContext.newPage();
  await station.goto(stationPageUrl(host.url, { query }));
  await station.getByTestId('call-open').click();
  await station.getByTestId('setup-instrument').selectOption('default');
  await station.getByTestId('setup-stethoscope').selectOption('default');
  await station.getByTestId('call-start').click();
  await expect(station.getByTestId('call-state')).toHaveAttribute('data-phase', 'inviting');
  const link = await station.getByTestId('invite-url').inputValue();
  await expect(station.getByTestId('invite-qr')).toHaveAttribute('src', /^data:image\/png;base64,/);
  const [base, fragment] = link.split('#') as [string, string];
  const consultant = await consultantContext.newPage();
  await consultant.goto(`${base}?${query}#${fragment}`);
  return {
    station,
    consultant,
    async close() {
      await stationContext.close();
      await consultantContext.close();
    },
  };
}

async function expectConnected(pages: CallPages, timeout = 15_000): Promise<void> {
  for (const page of [pages.station, pages.consultant]) {
    await expect(page.getByTestId('call-state')).toHaveAttribute('data-phase', 'connected', { timeout });
  }
}

const videoWidth = (testId: string): string =>
  `document.querySelector('[data-testid="${testId}"]').videoWidth`;

test('station and consultant connect: video both ways, the same vitals, the pleth sweeps, controls, rejoin', async ({
  browser,
}) => {
  const pages = await startCall(browser, 'probe=1');
  try {
    await expectConnected(pages);
    await expect
      .poll(() => pages.consultant.evaluate<number>(videoWidth('patient-video')))
      .toBeGreaterThan(0);
    await expect.poll(() => pages.station.evaluate<number>(videoWidth('remote-video'))).toBeGreaterThan(0);

    for (const metric of ['MDC_PULS_OXIM_SAT_O2', 'MDC_PULS_OXIM_PULS_RATE']) {
      await expect
        .poll(
          async () => {
            const shown = await pages.consultant.getByTestId(`tile-value-${metric}`).textContent();
            const atStation = await pages.station.getByTestId(`tile-value-${metric}`).textContent();
            return shown !== null && shown !== '--' && shown === atStation;
          },
          { message: `${metric}: consultant should show the station's value` },
        )
        .toBe(true);
    }
    await expect
      .poll(() => pages.consultant.evaluate<number>(canvasInkedPixels('waveform-MDC_PULS_OXIM_PLETH')))
      .toBeGreaterThan(100);

    // The stethoscope stream is taken with all voice processing off, and hinted as music.
    const steth = await pages.station.evaluate<{ settings: Record<string, unknown>; hint: string }>(
      probe(`(() => { const t = p.station.media.stethoscope.getAudioTracks()[0];
        return { settings: t.getSettings(), hint: t.contentHint }; })()`),
    );
    expect(steth.settings).toMatchObject({
      echoCancellation: false,
      noiseSuppression: false,
      autoGainControl: false,
    });
    expect(steth.hint).toBe('music');
    await expect(pages.consultant.getByTestId('stethoscope-audio')).toBeVisible();
    await expect(pages.consultant.getByTestId('quality-badge')).toHaveAttribute('data-relayed', 'false');
    // The link is single-use: once the doctor joined on it, the station no longer offers it.
    await expect(pages.station.getByTestId('invite-qr')).toHaveCount(0);
    await expect(pages.station.getByTestId('invite-url')).toHaveCount(0);
    // Both sides grade the stethoscope stream against its own (stricter) loss limit.
    for (const page of [pages.station, pages.consultant]) {
      await expect(page.getByTestId('stethoscope-quality')).toHaveAttribute('data-grade', /good|fair|poor/);
    }
    // …and its Opus stream is negotiated mono, at a high bitrate, with FEC and without DTX.
    const stethFmtp = await pages.station.evaluate<string>(
      probe(`p.station.session.stats().then((stats) => {
        const all = [...stats.values()];
        const trackId = p.station.media.stethoscope.getAudioTracks()[0].id;
        const source = all.find((s) => s.type === 'media-source' && s.trackIdentifier === trackId);
        const rtp = all.find((s) => s.type === 'outbound-rtp' && s.mediaSourceId === source.id);
        return stats.get(rtp.codecId).sdpFmtpLine;
      })`),
    );
    expect(stethFmtp).toContain('maxaveragebitrate=96000');
    expect(stethFmtp).toContain('usedtx=0');
    expect(stethFmtp).toContain('useinbandfec=1');
    expect(stethFmtp).toContain('stereo=0');

    // Controls: a snapshot arrives as an image; "Start measurement" is not offered, since no
    // simulated device can start one.
    await pages.station.getByTestId('toggle-instrument').click();
    await pages.consultant.getByTestId('snapshot-request').click();
    await expect(pages.consultant.locator('[data-testid="snapshot-gallery"] img')).toHaveCount(1);
    await expect(pages.consultant.getByTestId('measure-request')).toHaveCount(0);
    await openWorkspaceTab(pages.consultant, 'patient');
    await pages.consultant.getByTestId('chat-input').fill('Please breathe deeply');
    await pages.consultant.getByTestId('chat-send').click();
    await expect(pages.station.getByTestId('chat-log')).toContainText('Please breathe deeply');

    // A rendezvous socket gone half-open (nothing comes back, the browser still says OPEN): the
    // doctor's page notices within ~2 s, takes its seat back on a new socket, and the call itself —
    // peer to peer — never stops: same peer, no "reconnecting", nobody presses anything.
    const counters = (page: Page, side: string): Promise<Record<string, number>> =>
      page.evaluate(probe(`({ ...p.${side}.session.counters, gen: p.${side}.session.generation })`));
    const before = await counters(pages.consultant, 'consultant');
    await pages.consultant.evaluate(probe('(p.consultant.session.signaling.socket.socket.onmessage = null)'));
    await expect
      .poll(async () => (await counters(pages.consultant, 'consultant'))['seated'], { timeout: 10_000 })
      .toBeGreaterThan(before['seated'] ?? 0);
    // At least this one (a page stalled for seconds by a busy machine may drop another: harmless).
    const after = await counters(pages.consultant, 'consultant');
    expect(after['socketsLost']).toBeGreaterThan(before['socketsLost'] ?? 0);
    expect(after['gen']).toBe(before['gen']);
    for (const page of [pages.station, pages.consultant])
      await expect(page.getByTestId('call-state')).toHaveAttribute('data-phase', 'connected');
    await expect
      .poll(() => pages.consultant.evaluate<number>(videoWidth('patient-video')))
      .toBeGreaterThan(0);

    await pages.consultant.getByTestId('call-end').click();
    await expect(pages.station.getByTestId('call-state')).toHaveAttribute('data-phase', 'ended');
  } finally {
    await pages.close();
  }
});

test('relayed through coturn only, the call survives a network cut and no reading is lost or doubled', async ({
  browser,
}) => {
  const pages = await startCall(browser, 'probe=1&relay=1');
  try {
    await expectConnected(pages);
    await expect(pages.consultant.getByTestId('quality-badge')).toHaveAttribute('data-relayed', 'true');
    await expect
      .poll(() => pages.consultant.evaluate<number>(videoWidth('patient-video')))
      .toBeGreaterThan(0);

    coturn.pause();
    try {
      // The cut is said on both pages within 2 s (LinkWatch), then the station rebuilds the link.
      for (const page of [pages.station, pages.consultant]) {
        await expect(page.getByTestId('call-state')).toHaveAttribute('data-link', 'down', {
          timeout: 20_000,
        });
      }
      await pages.station.waitForTimeout(3000);
    } finally {
      coturn.resume();
    }
    await expectConnected(pages, 40_000);
    await expect
      .poll(() => pages.consultant.evaluate<number>(videoWidth('patient-video')))
      .toBeGreaterThan(0);

    // Every batch sequence number arrived exactly once, in order, across the cut: nothing lost,
    // nothing doubled (the station replayed what was unacknowledged; the consultant dropped repeats).
    await pages.consultant.waitForTimeout(1500);
    const seqs = await pages.consultant.evaluate<number[]>(probe('p.consultant.arrivals.map((a) => a.seq)'));
    expect(seqs.length).toBeGreaterThan(10);
    expect(seqs).toEqual(Array.from({ length: seqs.length }, (_, i) => i));
    const stats = await pages.consultant.evaluate<Record<string, number>>(
      probe('p.consultant.vitalsStats()'),
    );
    expect(stats).toMatchObject({ missing: 0, gaps: 0, rejected: 0 });
  } finally {
    await pages.close();
  }
});
