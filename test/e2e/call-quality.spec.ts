import { expect, test, type Browser, type Page } from '@playwright/test';
import { CONSULTATION_START } from '../helpers/consultation-start';
import { callHostApi } from './call-turn';
import { startStationHost, stationPageUrl, type StationHost } from './station-host';

/**
 * What flows on the peer connection, between two real Chromium pages on loopback: the vitals come
 * on the latest-value channel (and the record stays exactly once, in order), and the quality
 * ladder's rung is applied to the real senders and shown on both pages. The ladder's decisions
 * from stats samples are unit-tested (quality-ladder.test.ts); a thin link is the network
 * harness's business.
 */
let host: StationHost;

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  host = await startStationHost(['--simulate']);
  await callHostApi(host.url, 'consultation.start', CONSULTATION_START);
});

test.afterAll(async () => {
  await host?.stop();
});

const probe = (expression: string): string =>
  `(() => { const p = window.__callProbe; return ${expression}; })()`;

async function startCall(
  browser: Browser,
): Promise<{ station: Page; consultant: Page; close(): Promise<void> }> {
  const stationContext = await browser.newContext();
  const consultantContext = await browser.newContext();
  const station = await stationContext.newPage();
  await station.goto(stationPageUrl(host.url, { query: 'probe=1' }));
  await station.getByTestId('call-open').click();
  await station.getByTestId('setup-stethoscope').selectOption('default');
  await station.getByTestId('call-start').click();
  await expect(station.getByTestId('call-state')).toHaveAttribute('data-phase', 'inviting');
  const link = await station.getByTestId('invite-url').inputValue();
  const [base, fragment] = link.split('#') as [string, string];
  const consultant = await consultantContext.newPage();
  await consultant.goto(`${base}?probe=1#${fragment}`);
  for (const page of [station, consultant]) {
    await expect(page.getByTestId('call-state')).toHaveAttribute('data-phase', 'connected', {
      timeout: 15_000,
    });
  }
  return {
    station,
    consultant,
    async close() {
      await stationContext.close();
      await consultantContext.close();
    },
  };
}

/** What the station's senders put on the wire, per role, from two getStats samples 2 s apart. */
const SENT = `(async () => {
  const s = window.__callProbe.station;
  const read = async () => {
    const stats = [...(await s.session.connection.getStats()).values()];
    const byTrack = (id) => {
      const source = stats.find((r) => r.type === 'media-source' && r.trackIdentifier === id);
      return stats.find((r) => r.type === 'outbound-rtp' && source && r.mediaSourceId === source.id);
    };
    const video = byTrack(s.media.room.getVideoTracks()[0].id);
    const steth = byTrack(s.media.stethoscope.getAudioTracks()[0].id);
    return { t: performance.now(), frames: video?.framesSent ?? 0, videoBytes: video?.bytesSent ?? 0, stethBytes: steth?.bytesSent ?? 0 };
  };
  const a = await read();
  await new Promise((r) => setTimeout(r, 2000));
  const b = await read();
  const seconds = (b.t - a.t) / 1000;
  return {
    framesPerS: (b.frames - a.frames) / seconds,
    videoKbps: (8 * (b.videoBytes - a.videoBytes)) / seconds / 1000,
    stethKbps: (8 * (b.stethBytes - a.stethBytes)) / seconds / 1000,
  };
})()`;

test('vitals come on the latest-value channel; the record is complete, once, in order', async ({
  browser,
}) => {
  const pages = await startCall(browser);
  try {
    await expect
      .poll(() => pages.consultant.evaluate<number>(probe('p.consultant.arrivals.length')), {
        timeout: 15_000,
      })
      .toBeGreaterThan(30);
    // What was buffered before the call connected is replayed reliably; from then on, live.
    const vitalsStats = probe('p.consultant.vitalsStats()');
    const before = await pages.consultant.evaluate<Record<string, number>>(vitalsStats);
    await pages.consultant.waitForTimeout(3000);
    const stats = await pages.consultant.evaluate<Record<string, number>>(vitalsStats);
    expect(stats).toMatchObject({ missing: 0, gaps: 0, rejected: 0, duplicates: 0 });
    const delivered = stats['delivered'] - before['delivered'];
    expect(delivered).toBeGreaterThan(20); // 100 ms batches
    expect(stats['liveFirst'] - before['liveFirst']).toBe(delivered);
    const arrivals = await pages.consultant.evaluate<
      { seq: number; late: boolean; shownAt: number; receivedAt: number }[]
    >(probe('p.consultant.arrivals'));
    expect(arrivals.map((a) => a.seq)).toEqual(arrivals.map((_, i) => i));
    expect(arrivals.every((a) => a.shownAt <= a.receivedAt)).toBe(true);
    // The numerics on the doctor's screen are the station's.
    const metric = 'MDC_PULS_OXIM_SAT_O2';
    await expect
      .poll(async () => {
        const shown = await pages.consultant.getByTestId(`tile-value-${metric}`).textContent();
        return shown !== null && shown !== '--';
      })
      .toBe(true);
  } finally {
    await pages.close();
  }
});

test('the quality ladder’s rung is applied to the senders and shown on both pages, then climbs back', async ({
  browser,
}) => {
  test.setTimeout(120_000);
  const pages = await startCall(browser);
  try {
    for (const page of [pages.station, pages.consultant]) {
      await expect(page.getByTestId('quality-rung')).toHaveAttribute('data-rung', 'full');
    }
    await expect
      .poll(async () => (await pages.station.evaluate<{ framesPerS: number }>(SENT)).framesPerS)
      .toBeGreaterThan(5);

    // The lowest rung: video stops on the wire, the stethoscope shrinks to 32 kbit/s, both pages say so.
    await pages.station.evaluate(probe(`p.station.ladder.pin('audio-only')`));
    for (const page of [pages.station, pages.consultant]) {
      await expect(page.getByTestId('quality-rung')).toHaveAttribute('data-rung', 'audio-only');
      await expect(page.getByTestId('quality-rung')).toContainText(
        'audio and vitals only, video paused (network)',
      );
      await expect(page.getByTestId('call-state')).toHaveAttribute('data-audio-only', 'true');
    }
    await expect
      .poll(async () => {
        const sent = await pages.station.evaluate<{
          framesPerS: number;
          videoKbps: number;
          stethKbps: number;
        }>(SENT);
        return sent.framesPerS === 0 && sent.videoKbps === 0 && sent.stethKbps > 0 && sent.stethKbps <= 36;
      })
      .toBe(true);
    // The nurse still sees herself: the ladder stops the sender, not the camera.
    expect(
      await pages.station.evaluate<boolean>(probe('p.station.media.room.getVideoTracks()[0].enabled')),
    ).toBe(true);

    // Released on a healthy loopback link, the ladder climbs back a rung (half the probe wait: the
    // estimate shows room), and video flows again; each further rung is a probe wait later.
    await pages.station.evaluate(probe('p.station.ladder.pin(null)'));
    await expect(pages.consultant.getByTestId('quality-rung')).toHaveAttribute(
      'data-rung',
      /^(low|reduced|full)$/,
      {
        timeout: 40_000,
      },
    );
    await expect(pages.station.getByTestId('call-state')).toHaveAttribute('data-audio-only', 'false');
    // The first rung up is 'low' (8 fps at most), and the encoder restarts with a key frame: on a
    // busy machine the first 2 s window may still be thin, so any steady flow of frames will do.
    await expect
      .poll(async () => (await pages.station.evaluate<{ framesPerS: number }>(SENT)).framesPerS, {
        timeout: 30_000,
      })
      .toBeGreaterThan(2);
  } finally {
    await pages.close();
  }
});
