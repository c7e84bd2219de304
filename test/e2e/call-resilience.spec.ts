import { expect, test, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { CONSULTATION_START } from '../helpers/consultation-start';
import { callHostApi, startCoturn, type Coturn } from './call-turn';
import { startStationHost, stationPageUrl, type StationHost } from './station-host';

/**
 * Issue 14 items 3, 4 and 6 on the real Node host, a real coturn and two real Chromium pages: the
 * call comes back by itself — after the doctor's F5, a station reload, a signaling and media cut —
 * and a used link seats no one else. Nobody clicks anything after the call is up. Times are read
 * from each page's own monotonic clock (performance.now), never from the test's.
 */
let host: StationHost;
let coturn: Coturn;

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  coturn = await startCoturn();
  process.env['STATION_TURN_SECRET'] = coturn.secret;
  try {
    host = await startStationHost(['--simulate']);
  } finally {
    delete process.env['STATION_TURN_SECRET'];
  }
  await callHostApi(host.url, 'settings.update', { turnUrls: [coturn.url] });
  await callHostApi(host.url, 'consultation.start', CONSULTATION_START);
});

test.afterAll(async () => {
  await host?.stop();
  await coturn?.stop();
});

const probe = (expression: string): string =>
  `(() => { const p = window.__callProbe; return ${expression}; })()`;

interface Call {
  readonly station: Page;
  readonly consultant: Page;
  readonly doctorContext: BrowserContext;
  /** The doctor's link as the station shows it (`…/consultant.html?<query>#invite=…`). */
  readonly link: string;
  close(): Promise<void>;
}

async function startCall(browser: Browser, query: string): Promise<Call> {
  const stationContext = await browser.newContext();
  const doctorContext = await browser.newContext();
  const station = await stationContext.newPage();
  await station.goto(stationPageUrl(host.url, { query }));
  await station.getByTestId('call-open').click();
  await station.getByTestId('setup-stethoscope').selectOption('default');
  await station.getByTestId('call-start').click();
  await expect(station.getByTestId('call-state')).toHaveAttribute('data-phase', 'inviting');
  const [base, fragment] = (await station.getByTestId('invite-url').inputValue()).split('#') as [
    string,
    string,
  ];
  const link = `${base}?${query}#${fragment}`;
  const consultant = await doctorContext.newPage();
  await consultant.goto(link);
  return {
    station,
    consultant,
    doctorContext,
    link,
    async close() {
      await stationContext.close();
      await doctorContext.close();
    },
  };
}

async function expectConnected(pages: readonly Page[], timeout = 15_000): Promise<void> {
  for (const page of pages)
    await expect(page.getByTestId('call-state')).toHaveAttribute('data-phase', 'connected', { timeout });
}

/** Vitals the doctor's page has received so far (the station simulates an oximeter). */
const arrivals = (consultant: Page): Promise<number> =>
  consultant.evaluate<number>(probe('p.consultant.arrivals.length'));

async function expectVitalsFlowing(consultant: Page): Promise<void> {
  const before = await arrivals(consultant);
  await expect.poll(() => arrivals(consultant), { timeout: 10_000 }).toBeGreaterThan(before);
}

/** Records, in the page, every phase the call goes through with the page's monotonic time. */
async function recordPhases(page: Page, side: 'station' | 'consultant'): Promise<void> {
  await page.evaluate(
    probe(`(() => {
      const log = (window.__phases = []);
      const state = p.${side}.session.state;
      let last = null;
      state.subscribe(() => {
        const phase = state.getSnapshot().phase;
        if (phase !== last) log.push([phase, performance.now()]);
        last = phase;
      });
      return true;
    })()`),
  );
}

const pageNow = (page: Page): Promise<number> => page.evaluate<number>('performance.now()');
const phases = (page: Page): Promise<[string, number][]> =>
  page.evaluate<[string, number][]>('window.__phases');

test('doctor presses F5: the same seat, the call back, vitals flowing, nobody clicks', async ({
  browser,
}) => {
  const call = await startCall(browser, 'probe=1');
  try {
    await expectConnected([call.station, call.consultant]);
    await expectVitalsFlowing(call.consultant);
    await call.consultant.reload();
    await expectConnected([call.station, call.consultant], 15_000);
    // Resumed, not joined with the (spent) invite: the rendezvous gave the same seat back.
    const counters = await call.consultant.evaluate<Record<string, number>>(
      probe('p.consultant.session.counters'),
    );
    expect(counters).toMatchObject({ seated: 1, resumed: 1 });
    await expectVitalsFlowing(call.consultant);
    await expect
      .poll(() =>
        call.consultant.evaluate<number>(
          `document.querySelector('[data-testid="patient-video"]').videoWidth`,
        ),
      )
      .toBeGreaterThan(0);
  } finally {
    await call.close();
  }
});

test('a used link seats no one else and says to ask for a new one, while the tab that has it reloads fine', async ({
  browser,
}) => {
  const call = await startCall(browser, 'probe=1');
  try {
    await expectConnected([call.station, call.consultant]);
    // The same link in another tab (the link was forwarded, or opened twice): refused as used.
    const other = await call.doctorContext.newPage();
    await other.goto(call.link);
    const refused = other.getByTestId('call-state');
    await expect(refused).toHaveAttribute('data-phase', 'ended');
    await expect(refused).toHaveAttribute('data-detail', 'replayed-token');
    await expect(refused).toContainText('Ask the station for a new link');
    await other.close();
    // The call it tried to enter went on undisturbed; the tab that holds the seat reloads into it.
    await expectConnected([call.station, call.consultant]);
    await call.consultant.reload();
    await expectConnected([call.station, call.consultant]);
    // Closing that tab and opening the link anew is a new tab: refused too.
    await call.consultant.close();
    const reopened = await call.doctorContext.newPage();
    await reopened.goto(call.link);
    await expect(reopened.getByTestId('call-state')).toHaveAttribute('data-detail', 'replayed-token');
    // The station waits for its doctor: no end, no click asked of the nurse.
    await expect(call.station.getByTestId('call-state')).toHaveAttribute('data-link', 'down');
  } finally {
    await call.close();
  }
});

test('the station page reloads: the call comes back by itself', async ({ browser }) => {
  const call = await startCall(browser, 'probe=1');
  try {
    await expectConnected([call.station, call.consultant]);
    await call.station.reload();
    await expectConnected([call.station, call.consultant], 20_000);
    await expectVitalsFlowing(call.consultant);
    // The reloaded page carried its vitals session on: the doctor's record is exactly once, in
    // order, numbered on from before the reload (a new session would have started again at 0).
    const seqs = await call.consultant.evaluate<number[]>(probe('p.consultant.arrivals.map((a) => a.seq)'));
    expect(seqs).toEqual(seqs.map((_, i) => i));
    expect(await call.consultant.evaluate<number>(probe('p.consultant.vitalsStats().sessions'))).toBe(1);
    await expect
      .poll(() =>
        call.consultant.evaluate<number>(
          `document.querySelector('[data-testid="patient-video"]').videoWidth`,
        ),
      )
      .toBeGreaterThan(0);
  } finally {
    await call.close();
  }
});

test('ICE restart on the live connection: new ICE credentials, the same peer, the call never drops', async ({
  browser,
}) => {
  const call = await startCall(browser, 'probe=1');
  try {
    await expectConnected([call.station, call.consultant]);
    const ufrag = (page: Page, side: string): Promise<string> =>
      page.evaluate<string>(
        probe(`/a=ice-ufrag:(\\S+)/.exec(p.${side}.session.connection.localDescription.sdp)[1]`),
      );
    const gen = (page: Page, side: string): Promise<number> =>
      page.evaluate<number>(probe(`p.${side}.session.generation`));
    const before = {
      station: await ufrag(call.station, 'station'),
      doctor: await ufrag(call.consultant, 'consultant'),
    };
    const genBefore = await gen(call.station, 'station');
    await call.station.evaluate(probe('p.station.session.peer.restartIce()'));
    await expect.poll(() => ufrag(call.station, 'station')).not.toBe(before.station);
    await expect.poll(() => ufrag(call.consultant, 'consultant')).not.toBe(before.doctor);
    expect(await gen(call.station, 'station')).toBe(genBefore);
    expect(await gen(call.consultant, 'consultant')).toBe(genBefore);
    await expectConnected([call.station, call.consultant]);
    await expectVitalsFlowing(call.consultant);
  } finally {
    await call.close();
  }
});

/**
 * 8 s: ICE is only `disconnected`, the peer is kept (ICE restart or its own recovery). 40 s: past
 * Chromium's ICE `failed` (~30 s), the peer is gone and a new one is built once the doctor is back.
 */
for (const cutMs of [8000, 40_000])
  test(`signaling and media cut for ${cutMs / 1000} s: both pages say "interrupted" within 2 s, the call is back within 5 s of the network`, async ({
    browser,
  }) => {
    test.setTimeout(60_000 + cutMs);
    const call = await startCall(browser, 'probe=1&relay=1');
    try {
      await expectConnected([call.station, call.consultant]);
      await expectVitalsFlowing(call.consultant);
      await recordPhases(call.station, 'station');
      await recordPhases(call.consultant, 'consultant');

      // The cut: the relay stops (every media packet), and the doctor's rendezvous socket goes
      // half-open — nothing in, nothing out — as does every socket it opens until the network returns.
      let cut = true;
      await call.consultant.routeWebSocket(/\/signal/, (socket) => {
        if (!cut) socket.connectToServer();
      });
      await call.consultant.evaluate(
        probe(`(() => { const s = p.consultant.session.signaling.socket.socket;
        s.onmessage = null; s.send = () => undefined; return true; })()`),
      );
      coturn.pause();
      const cutAt = { station: await pageNow(call.station), consultant: await pageNow(call.consultant) };
      let restoredAt: { station: number; consultant: number };
      try {
        for (const page of [call.station, call.consultant])
          await expect(page.getByTestId('call-state')).toHaveAttribute('data-link', 'down', {
            timeout: 5000,
          });
        await call.station.waitForTimeout(cutMs);
      } finally {
        // Taken before the network returns, so the time to come back is never understated.
        restoredAt = { station: await pageNow(call.station), consultant: await pageNow(call.consultant) };
        cut = false;
        coturn.resume();
      }
      await expectConnected([call.station, call.consultant], 20_000);
      await expectVitalsFlowing(call.consultant);

      for (const side of ['station', 'consultant'] as const) {
        const page = side === 'station' ? call.station : call.consultant;
        const log = await phases(page);
        const down = log.find(([phase, at]) => at >= cutAt[side] && phase !== 'connected');
        const back = log.find(([phase, at]) => at >= restoredAt[side] && phase === 'connected');
        expect(down).toBeDefined();
        expect(back).toBeDefined();
        const saidMs = (down as [string, number])[1] - cutAt[side];
        const backMs = (back as [string, number])[1] - restoredAt[side];
        console.warn(
          `${cutMs / 1000} s cut, ${side}: "${(down as [string, number])[0]}" ${saidMs.toFixed(0)} ms after the cut; ` +
            `connected ${backMs.toFixed(0)} ms after the network returned; ` +
            JSON.stringify(
              await page.evaluate(
                probe(`({ ...p.${side}.session.counters, gen: p.${side}.session.generation })`),
              ),
            ),
        );
        expect(saidMs).toBeLessThanOrEqual(2000);
        expect(backMs).toBeLessThanOrEqual(5000);
        // Never ended, whatever happened in between.
        expect(log.some(([phase]) => phase === 'ended')).toBe(false);
      }
      await expect(call.consultant.getByTestId('call-state')).toHaveAttribute('data-phase', 'connected');
    } finally {
      await call.close();
    }
  });

/** The room an invite link (`…#invite=v1.<payload>.<signature>`) leads to. */
function roomOfLink(link: string): string {
  const token = new URLSearchParams(link.split('#')[1] ?? '').get('invite') ?? '';
  const payload = token.split('.')[1] ?? '';
  return (JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as { room: string }).room;
}

interface RecordFacts {
  readonly id: string;
  readonly status: string;
  readonly counts: { readonly numerics: number };
}

test('the host restarts mid-call: the same consultation and room, both pages back by themselves, the used link still refused', async ({
  browser,
}) => {
  test.setTimeout(150_000);
  const call = await startCall(browser, 'probe=1');
  try {
    await expectConnected([call.station, call.consultant]);
    await expectVitalsFlowing(call.consultant);
    await recordPhases(call.station, 'station');
    await recordPhases(call.consultant, 'consultant');
    const room = roomOfLink(call.link);
    const before = await call.consultant.evaluate<Record<string, number>>(
      probe('p.consultant.session.counters'),
    );
    const recordBefore = (await callHostApi(host.url, 'consultation.current', {})) as RecordFacts;
    expect(recordBefore.status).toBe('active');

    const stoppedAt = { station: await pageNow(call.station), consultant: await pageNow(call.consultant) };
    await host.restart();
    const upAt = { station: await pageNow(call.station), consultant: await pageNow(call.consultant) };

    // The records resumed the consultation (the host was down for seconds, within the window).
    const recordAfter = (await callHostApi(host.url, 'consultation.current', {})) as RecordFacts;
    expect(recordAfter).toMatchObject({ id: recordBefore.id, status: 'active' });
    // Both pages come back with no click: the doctor's page resumes its seat in the same room.
    await expectConnected([call.station, call.consultant], 45_000);
    await expect
      .poll(() => call.consultant.evaluate<number>(probe('p.consultant.session.counters.resumed')))
      .toBeGreaterThan(before['resumed'] ?? 0);
    await expectVitalsFlowing(call.consultant);
    for (const side of ['station', 'consultant'] as const) {
      const log = await phases(side === 'station' ? call.station : call.consultant);
      expect(log.some(([phase]) => phase === 'ended')).toBe(false);
      const left = log.find(([phase, at]) => at >= stoppedAt[side] && phase !== 'connected');
      const back = log.find(([phase, at]) => at >= upAt[side] && phase === 'connected');
      // Figures for docs/call-resilience.md: the host's own stop and start, then the page's return.
      console.warn(
        `host restart, ${side}: host down and up again in ${(upAt[side] - stoppedAt[side]).toFixed(0)} ms; ` +
          (left === undefined
            ? 'the call never left "connected" (media and vitals go peer to peer)'
            : `"${left[0]}" at +${(left[1] - stoppedAt[side]).toFixed(0)} ms, connected ` +
              (back === undefined
                ? 'before the host was ready'
                : `${(back[1] - upAt[side]).toFixed(0)} ms after it was ready`)),
      );
    }
    // The station's screen still shows the same patient's consultation.
    await expect(call.station.getByTestId('consultation-banner')).toHaveAttribute('data-active', 'true');
    await expect(call.station.getByTestId('consultation-banner')).toContainText(/Dupont-Lefèvre/i);
    // The record goes on: the gap is in its timeline and new readings are kept after it.
    const detail = (await callHostApi(host.url, 'consultation.get', { id: recordBefore.id })) as {
      timeline: { kind: string }[];
    };
    expect(detail.timeline.filter((e) => e.kind === 'host-restarted')).toHaveLength(1);
    expect(detail.timeline.map((e) => e.kind)).not.toContain('interrupted');
    await expect
      .poll(
        async () =>
          ((await callHostApi(host.url, 'consultation.current', {})) as RecordFacts).counts.numerics,
        { timeout: 15_000 },
      )
      .toBeGreaterThan(recordAfter.counts.numerics);
    // The restarted host still gives this consultation the room it had: a new link leads there.
    const invite = (await callHostApi(host.url, 'call.invite', {})) as { consultantUrl: string };
    expect(roomOfLink(invite.consultantUrl)).toBe(room);
    // The doctor's link, used before the restart, seats no one else after it.
    const other = await call.doctorContext.newPage();
    await other.goto(call.link);
    await expect(other.getByTestId('call-state')).toHaveAttribute('data-detail', 'replayed-token');
    await other.close();
    await expectConnected([call.station, call.consultant]);
  } finally {
    await call.close();
  }
});
