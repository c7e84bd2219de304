import { mkdtemp, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Browser, BrowserType, CDPSession, Page } from 'playwright-core';
import { simulateProfile } from '../src/server/simulate-profiles';
import { startServer } from '../src/server/start';
import { fmt, percentile } from './stats';

/**
 * The station page's drawing load (issue 15 item 6): the real host with simulated devices on real
 * ptys, the live screen in Debian's headless Chromium at 1920×1080, and over MEASURE_S seconds
 * - the frame rate: requestAnimationFrame callbacks per second, beside the rate the same browser
 *   gives a blank page (the display's rate here), and the frame intervals;
 * - the main thread's busy share: CDP `Performance.getMetrics` TaskDuration (time the renderer's
 *   main thread spent running tasks) over the wall time, split into script, layout and style, and
 *   the long tasks (> 50 ms) a PerformanceObserver saw.
 * The devices are `station serve --simulate-profile ecg12`: a simulated 12-lead ECG (an OpenBCI
 * Cyton wired I, II, V1–V6 on a pty, its real decoder deriving III, aVR, aVL, aVF: 12 traces at
 * 250 Hz) and two simulated pulse oximeters (two pleths). The machine's load is printed beside the
 * figures: on a shared machine they move with it. A short CPU profile taken after the window names
 * the functions the page spends its time in.
 */
const SIMULATED = simulateProfile('ecg12');
const ECG_LEADS = 12;
const OXIMETERS = 2;
const EXPECTED_TRACES = ECG_LEADS + OXIMETERS;
const VIEWPORT = { width: 1920, height: 1080 };
const WARMUP_S = 3;
const MEASURE_S = 20;
const BLANK_S = 5;
/** A CPU profile taken after the measured window (the profiler's own cost stays out of it). */
const PROFILE_S = 5;
const PROFILE_TOP = 8;
const CHROMIUM = '/usr/bin/chromium';

export interface RendererResult {
  readonly browserVersion: string;
  readonly traces: number;
  readonly tracesInView: number;
  readonly blankFps: number;
  readonly pageFps: number;
  /** Frames in which at least one trace drew new samples, per second. */
  readonly drawnFps: number;
  readonly intervalP50Ms: number;
  readonly intervalP99Ms: number;
  /** Frame intervals longer than 1.5 display frames: at least one frame missed. */
  readonly missedFrames: number;
  readonly frames: number;
  readonly wallS: number;
  readonly busyShare: number;
  readonly scriptShare: number;
  readonly layoutShare: number;
  readonly styleShare: number;
  readonly longTasks: number;
  readonly longTaskMs: number;
  /** Long animation frames (> 50 ms from start to paint; Chromium's LoAF entries). */
  readonly longFrames: number;
  readonly longFrameMs: number;
  /** The scripts the long frames ran, by total duration (where Chromium attributes them). */
  readonly longFrameScripts: readonly { readonly name: string; readonly ms: number }[];
  readonly loadBefore: number;
  readonly loadAfter: number;
  /** The page's functions with the most self time in the profile, share of the sampled time. */
  readonly hotFunctions: readonly { readonly name: string; readonly share: number }[];
}

// Loaded at run time: playwright-core is a development tool, not part of the bundled bench code.
const loadChromium = (): BrowserType =>
  (createRequire(__filename)('playwright-core') as { chromium: BrowserType }).chromium;

export async function benchRenderer(
  rendererDir = resolve(__dirname, '..', 'renderer'),
): Promise<RendererResult> {
  const dataDir = await mkdtemp(join(tmpdir(), 'station-renderer-bench-'));
  const server = await startServer({ port: 0, dataDir, staticDir: rendererDir, simulate: SIMULATED });
  let browser: Browser | null = null;
  try {
    browser = await loadChromium().launch({
      executablePath: CHROMIUM,
      args: ['--no-sandbox', '--disable-gpu'],
    });
    const context = await browser.newContext({ viewport: VIEWPORT });

    // The display's rate as this browser paces a page that draws nothing.
    const blank = await context.newPage();
    await blank.setContent('<!doctype html><title>blank</title>');
    const blankFrames = await blank.evaluate<{ frames: number; ms: number }>(countFrames(BLANK_S));
    await blank.close();

    const page = await context.newPage();
    await page.addInitScript(COUNT_STROKES);
    await page.goto(`${server.stationUrl}#station`); // the token, traded for the page's cookie
    await pollPage(
      page,
      `document.querySelectorAll('canvas[data-testid^="waveform-"]').length >= ${EXPECTED_TRACES}`,
    );
    await sleep(WARMUP_S * 1000);
    const tracesInView = await page.evaluate<number>(TRACES_IN_VIEW);

    const cdp = await context.newCDPSession(page);
    await cdp.send('Performance.enable', { timeDomain: 'timeTicks' });
    const before = metricsOf(await cdp.send('Performance.getMetrics'));
    await page.evaluate(START_WATCH);
    const loadBefore = loadavg()[0] ?? Number.NaN;
    await sleep(MEASURE_S * 1000);
    const watched = await page.evaluate<Watched>(STOP_WATCH);
    const after = metricsOf(await cdp.send('Performance.getMetrics'));
    const loadAfter = loadavg()[0] ?? Number.NaN;
    const hotFunctions = await profile(cdp);

    const wallS = after.Timestamp - before.Timestamp;
    const share = (name: string): number => ((after[name] ?? 0) - (before[name] ?? 0)) / wallS;
    const intervals = [...watched.intervals].sort((a, b) => a - b);
    const blankFps = (1000 * blankFrames.frames) / blankFrames.ms;
    const displayFrameMs = 1000 / blankFps;
    return {
      browserVersion: browser.version(),
      traces: await page.evaluate<number>(
        `document.querySelectorAll('canvas[data-testid^="waveform-"]').length`,
      ),
      tracesInView,
      blankFps,
      pageFps: (1000 * watched.intervals.length) / watched.ms,
      drawnFps: (1000 * watched.drawnFrames) / watched.ms,
      longFrames: watched.longFrames,
      longFrameMs: watched.longFrameMs,
      longFrameScripts: topScripts(watched.scripts),
      intervalP50Ms: percentile(intervals, 50),
      intervalP99Ms: percentile(intervals, 99),
      missedFrames: intervals.filter((ms) => ms > 1.5 * displayFrameMs).length,
      frames: intervals.length,
      wallS,
      busyShare: share('TaskDuration'),
      scriptShare: share('ScriptDuration'),
      layoutShare: share('LayoutDuration'),
      styleShare: share('RecalcStyleDuration'),
      longTasks: watched.longTasks,
      longTaskMs: watched.longTaskMs,
      loadBefore,
      loadAfter,
      hotFunctions,
    };
  } finally {
    await browser?.close();
    await server.close();
    await rm(dataDir, { recursive: true, force: true });
  }
}

interface ProfileNode {
  readonly id: number;
  readonly callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
}

/** Self time per function (named by function, file and line) over PROFILE_S seconds of sampling. */
async function profile(cdp: CDPSession): Promise<RendererResult['hotFunctions']> {
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 1000 });
  await cdp.send('Profiler.start');
  await sleep(PROFILE_S * 1000);
  const { profile: taken } = (await cdp.send('Profiler.stop')) as unknown as {
    profile: { nodes: ProfileNode[]; samples?: number[] };
  };
  const nameOf = new Map<number, string>();
  for (const node of taken.nodes) {
    const { functionName, url, lineNumber, columnNumber } = node.callFrame;
    const file = url.split('/').pop() ?? '';
    nameOf.set(
      node.id,
      file === ''
        ? functionName || '(anonymous)'
        : `${functionName || '(anonymous)'} ${file}:${lineNumber + 1}:${columnNumber + 1}`,
    );
  }
  const samples = taken.samples ?? [];
  const counts = new Map<string, number>();
  for (const id of samples) {
    const name = nameOf.get(id) ?? '?';
    counts.set(name, (counts.get(name) ?? 0) + 1);
  }
  return [...counts.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, PROFILE_TOP)
    .map(([name, count]) => ({ name, share: count / Math.max(1, samples.length) }));
}

type Metrics = Record<string, number> & { Timestamp: number };

function metricsOf(reply: { metrics: { name: string; value: number }[] }): Metrics {
  const metrics: Record<string, number> = {};
  for (const { name, value } of reply.metrics) metrics[name] = value;
  if (metrics['Timestamp'] === undefined) throw new Error('CDP Performance.getMetrics gave no Timestamp');
  return metrics as Metrics;
}

interface Watched {
  readonly intervals: number[];
  readonly ms: number;
  readonly drawnFrames: number;
  readonly longTasks: number;
  readonly longTaskMs: number;
  readonly longFrames: number;
  readonly longFrameMs: number;
  readonly scripts: Record<string, number>;
}

const TOP_SCRIPTS = 5;

function topScripts(scripts: Record<string, number>): RendererResult['longFrameScripts'] {
  return Object.entries(scripts)
    .sort((a, b) => b[1] - a[1])
    .slice(0, TOP_SCRIPTS)
    .map(([name, ms]) => ({ name, ms }));
}

/** Counts 2D strokes (each trace strokes once when it draws new samples): which frames drew. */
const COUNT_STROKES = `(() => {
  window.__strokes = 0;
  const stroke = CanvasRenderingContext2D.prototype.stroke;
  CanvasRenderingContext2D.prototype.stroke = function (...args) { window.__strokes++; return stroke.apply(this, args); };
})()`;

/** Page scripts are strings: the bench typechecks without the DOM library. */
const countFrames = (seconds: number): string => `new Promise((done) => {
  let frames = 0;
  const start = performance.now();
  const tick = (now) => {
    if (now - start >= ${seconds * 1000}) return done({ frames, ms: now - start });
    frames++;
    requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
})`;

/** One more rAF loop beside the canvases' own: it runs in the same frames, so it counts them. */
const START_WATCH = `(() => {
  const watch = { intervals: [], start: performance.now(), last: null, longTasks: 0, longTaskMs: 0, running: true,
    drawnFrames: 0, strokes: window.__strokes, longFrames: 0, longFrameMs: 0, scripts: {} };
  const tick = (now) => {
    if (!watch.running) return;
    if (watch.last !== null) {
      watch.intervals.push(now - watch.last);
      // Strokes since the previous frame: the traces drew in one of the frames in between.
      if (window.__strokes !== watch.strokes) watch.drawnFrames++;
    }
    watch.strokes = window.__strokes;
    watch.last = now;
    requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
  watch.observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) { watch.longTasks++; watch.longTaskMs += entry.duration; }
  });
  watch.observer.observe({ type: 'longtask' });
  watch.frameObserver = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      watch.longFrames++;
      watch.longFrameMs += entry.duration;
      for (const script of entry.scripts ?? []) {
        const name = (script.invoker || '?') + ' ' + (script.sourceURL || '').split('/').pop();
        watch.scripts[name] = (watch.scripts[name] ?? 0) + script.duration;
      }
    }
  });
  if (PerformanceObserver.supportedEntryTypes.includes('long-animation-frame'))
    watch.frameObserver.observe({ type: 'long-animation-frame' });
  window.__rendererWatch = watch;
})()`;

const STOP_WATCH = `(() => {
  const watch = window.__rendererWatch;
  watch.running = false;
  watch.observer.disconnect();
  watch.frameObserver.disconnect();
  return { intervals: watch.intervals, ms: watch.intervals.reduce((a, b) => a + b, 0), drawnFrames: watch.drawnFrames,
    longTasks: watch.longTasks, longTaskMs: watch.longTaskMs, longFrames: watch.longFrames, longFrameMs: watch.longFrameMs,
    scripts: watch.scripts };
})()`;

const TRACES_IN_VIEW = `[...document.querySelectorAll('canvas[data-testid^="waveform-"]')].filter((canvas) => {
  const box = canvas.getBoundingClientRect();
  return box.height > 0 && box.top >= 0 && box.bottom <= window.innerHeight;
}).length`;

/** Generous: at a load of 40 on this 2-core machine the three simulators took over 30 s to stream. */
async function pollPage(page: Page, expression: string, timeoutMs = 90_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await page.evaluate<boolean>(expression))) {
    if (Date.now() > deadline) throw new Error(`page never satisfied: ${expression}`);
    await sleep(100);
  }
}

const pct = (share: number): string => `${fmt(100 * share, 1)} %`;

export function printRenderer(r: RendererResult): void {
  console.log(
    `\nRenderer: the station page at ${VIEWPORT.width}×${VIEWPORT.height} in headless Chromium ${r.browserVersion} (software rendering), ` +
      `${r.traces} traces (a simulated 12-lead ECG at 250 Hz, ${OXIMETERS} pulse oximeters' pleths), ${r.tracesInView} in view, over ${fmt(r.wallS, 1)} s`,
  );
  console.log(`  display rate (blank page)   ${fmt(r.blankFps, 1)} frames/s`);
  console.log(
    `  station page                ${fmt(r.pageFps, 1)} frames/s   interval p50 ${fmt(r.intervalP50Ms, 1)} ms  p99 ${fmt(r.intervalP99Ms, 1)} ms   ` +
      `${r.missedFrames} of ${r.frames} intervals > 1.5 frames`,
  );
  console.log(
    `  main thread busy            ${pct(r.busyShare)} of wall time (CDP TaskDuration): script ${pct(r.scriptShare)}, layout ${pct(r.layoutShare)}, style ${pct(r.styleShare)}`,
  );
  console.log(
    `  traces drawn                ${fmt(r.drawnFps, 1)} frames/s with new samples drawn (the rest had none to draw)`,
  );
  console.log(`  long tasks (> 50 ms)        ${r.longTasks}, ${fmt(r.longTaskMs, 0)} ms in all`);
  console.log(
    `  long animation frames       ${r.longFrames}, ${fmt(r.longFrameMs, 0)} ms in all; their scripts: ` +
      (r.longFrameScripts.map((s) => `${s.name} ${fmt(s.ms, 0)} ms`).join(', ') || 'none attributed'),
  );
  console.log(
    `  machine load (1 min)        ${fmt(r.loadBefore, 1)} before, ${fmt(r.loadAfter, 1)} after (os.loadavg, ${cpus().length} cores)`,
  );
  console.log(`  profile, ${PROFILE_S} s after: most self time (share of samples, idle included)`);
  for (const hot of r.hotFunctions) console.log(`    ${pct(hot.share).padStart(7)}  ${hot.name}`);
}
