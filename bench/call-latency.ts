import { mkdtemp, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Browser, BrowserType, Page } from 'playwright-core';
import { createPtyPair } from '../src/core/sim/pty-pair';
import { startSimulatedDevice } from '../src/core/sim/simulated-device';
import { createSerialTransport } from '../src/core/transports/serialport-transport';
import { contecCms50V7 } from '../src/devices/contec-cms50-v7';
import { encodeRealtime } from '../src/devices/contec-cms50-v7/device-encoder';
import { serialLinkOf } from '../src/devices/driver';
import { openBciCyton } from '../src/devices/openbci-cyton';
import { startServer } from '../src/server/start';
import { CONSULTATION_START } from '../test/helpers/consultation-start';
import { VITALS_BATCHING } from '../src/shared/vitals/batching';
import { fmt, summarize } from './stats';

/**
 * The call's two headline figures, over a real loopback call between two headless Chromium pages
 * (Chromium's fake camera and microphone):
 * - device byte → consultant: a V7 package written into a socat pty travels through the serial
 *   binding, the decoder, the host's WebSocket, the station page and the WebRTC data channel into
 *   the consultant's stores (the canvas paints on the next display frame, ≤ 16.7 ms later);
 * - consultant opens the invite → first remote video frame.
 * Times on both sides are high-resolution epoch ms (Node and Chromium share the machine's clock).
 */
const FRAMES = 600;
const WARMUP_FRAMES = 120;
const INTERVAL_MS = 16;
/** Frames written after the measured ones, so the decoder's and batcher's last hold-back flushes. */
const TAIL_FRAMES = 60;
const CHROMIUM = '/usr/bin/chromium';

export interface CallLatencyResult {
  readonly deviceToConsultant: ReturnType<typeof summarize>;
  readonly inviteToFirstFrameMs: number;
  /**
   * Vitals bytes received on the doctor's side (the data channels' payload, both vitals channels
   * and the control channel) while the oximeter streamed, kbit/s, with the shipped batching.
   */
  readonly doctorSideKbps: number;
  readonly doctorSideMessagesPerS: number;
  /** The same for a 3-lead ECG (OpenBCI Cyton simulator on a pty, leads I, II, III at 250 Hz). */
  readonly ecg: DoctorSideRate;
}

/**
 * What one device's stream costs on the doctor's side of the call: the data channels' payload
 * (webrtc-stats `data-channel` bytesReceived, what the vitals targets count), and on the wire
 * (that plus each message's headers below the payload, WIRE_OVERHEAD_BYTES: what a thin link
 * carries; Chrome may bundle several small messages in one packet, so this is an upper bound).
 */
export interface DoctorSideRate {
  readonly payloadKbps: number;
  readonly wireKbps: number;
  readonly messagesPerS: number;
  readonly seconds: number;
  /** The station's sender over the same time: vitals bytes it sent (both channels), batches, second copies. */
  readonly senderKbps: number;
  readonly batchesPerS: number;
  readonly liveResent: number;
  readonly backfilled: number;
  /** Readings the doctor's record got per second (one per lead per chunk the station's driver read). */
  readonly readingsPerS: number;
}

/** SCTP common header 12 + DATA chunk 16 (+ ≤ 3 padding), DTLS 1.2 AES-GCM record 29, UDP 8, IPv4 20. */
export const WIRE_OVERHEAD_BYTES = 12 + 16 + 2 + 29 + 8 + 20;
/** The ECG streams this long before and while it is measured. */
const ECG_WARMUP_MS = 3000;
const ECG_MEASURED_MS = 20_000;

// Loaded at run time: playwright-core is a development tool, not part of the bundled bench code.
const loadChromium = (): BrowserType =>
  (createRequire(__filename)('playwright-core') as { chromium: BrowserType }).chromium;

const epochNow = (): number => performance.timeOrigin + performance.now();

export async function benchCallLatency(
  rendererDir = resolve(__dirname, '..', 'renderer'),
): Promise<CallLatencyResult> {
  const dataDir = await mkdtemp(join(tmpdir(), 'station-call-bench-'));
  const pair = await createPtyPair();
  const server = await startServer({ port: 0, dataDir, staticDir: rendererDir });
  const device = createSerialTransport(pair.deviceEnd, serialLinkOf(contecCms50V7), Date.now);
  let browser: Browser | null = null;
  try {
    await device.open();
    await server.backend.connectDevice({ path: pair.stationEnd, protocol: contecCms50V7.protocol });
    // No consent, no call (and no readings to the doctor without consent to device data).
    await server.backend.api['consultation.start'](CONSULTATION_START);
    browser = await loadChromium().launch({
      executablePath: CHROMIUM,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--use-fake-device-for-media-stream',
        '--use-fake-ui-for-media-stream',
      ],
    });
    const station = await (await browser.newContext()).newPage();
    await station.goto(`${server.stationUrl}&probe=1`); // the token, traded for the page's cookie
    await station.click('[data-testid="call-open"]');
    await station.click('[data-testid="call-start"]');
    await pollPage(
      station,
      `document.querySelector('[data-testid="invite-url"]')?.value?.includes('#invite=') ?? false`,
    );
    const link = await station.inputValue('[data-testid="invite-url"]');
    const [base, fragment] = link.split('#') as [string, string];

    const consultant = await (await browser.newContext()).newPage();
    const opened = epochNow();
    await consultant.goto(`${base}?probe=1#${fragment}`);
    // The page stamps the first frame itself, on every display frame: polling from here would add
    // a round trip to the figure.
    await consultant.evaluate(FIRST_FRAME_WATCH);
    await pollPage(consultant, 'window.__firstFrameAt !== undefined');
    const inviteToFirstFrameMs = (await consultant.evaluate<number>('window.__firstFrameAt')) - opened;

    const before = await consultant.evaluate<ChannelBytes>(CHANNEL_BYTES);
    const written = await writeFrames(device);
    const after = await consultant.evaluate<ChannelBytes>(CHANNEL_BYTES);
    const seconds = (after.at - before.at) / 1000;
    const arrivals = await waitForSamples(consultant, WARMUP_FRAMES + FRAMES);
    const latencies: number[] = [];
    for (let i = WARMUP_FRAMES; i < WARMUP_FRAMES + FRAMES; i += 1) {
      const arrived = arrivals[i];
      if (arrived !== undefined) latencies.push(arrived - (written[i] ?? 0));
    }
    if (latencies.length < FRAMES) throw new Error(`lost samples: ${latencies.length} of ${FRAMES} arrived`);
    const ecg = await measureEcg(server.backend, station, consultant);
    return {
      ecg,
      deviceToConsultant: summarize(latencies),
      inviteToFirstFrameMs,
      doctorSideKbps: (8 * (after.bytes - before.bytes)) / 1000 / seconds,
      doctorSideMessagesPerS: (after.messages - before.messages) / seconds,
    };
  } finally {
    await browser?.close();
    await device.close();
    await server.close();
    await pair.kill();
    await rm(dataDir, { recursive: true, force: true });
  }
}

/**
 * A 3-lead ECG through the same call, once the oximeter has stopped: the Cyton's simulator speaks
 * its real protocol on a pty, the station's driver decodes it (0.1 µV steps), the shipped batching
 * sends it to the doctor.
 */
async function measureEcg(
  backend: Awaited<ReturnType<typeof startServer>>['backend'],
  station: Page,
  consultant: Page,
): Promise<DoctorSideRate> {
  const device = await startSimulatedDevice(openBciCyton.protocol, { driver: openBciCyton });
  try {
    await backend.connectDevice({ path: device.path, protocol: openBciCyton.protocol, simulated: true });
    await sleep(ECG_WARMUP_MS);
    const senderBefore = await station.evaluate<SenderCounts>(SENDER_STATS);
    const before = await consultant.evaluate<ChannelBytes>(CHANNEL_BYTES);
    const receiverBefore = await consultant.evaluate<ReceiverCounts>(RECEIVER_STATS);
    await sleep(ECG_MEASURED_MS);
    const after = await consultant.evaluate<ChannelBytes>(CHANNEL_BYTES);
    const senderAfter = await station.evaluate<SenderCounts>(SENDER_STATS);
    const receiverAfter = await consultant.evaluate<ReceiverCounts>(RECEIVER_STATS);
    // The doctor's page decodes what it measures (the wire format's lead III and Rice codes).
    const refused = receiverAfter.rejected - receiverBefore.rejected;
    if (refused > 0) throw new Error(`the doctor's page refused ${refused} vitals messages`);
    const seconds = (after.at - before.at) / 1000;
    const bytes = after.bytes - before.bytes;
    const messages = after.messages - before.messages;
    if (messages === 0) throw new Error('no ECG reached the doctor');
    return {
      payloadKbps: (8 * bytes) / 1000 / seconds,
      wireKbps: (8 * (bytes + messages * WIRE_OVERHEAD_BYTES)) / 1000 / seconds,
      messagesPerS: messages / seconds,
      seconds,
      senderKbps: (8 * (senderAfter.sentBytes - senderBefore.sentBytes)) / 1000 / seconds,
      batchesPerS: (senderAfter.batches - senderBefore.batches) / seconds,
      liveResent: senderAfter.liveResent - senderBefore.liveResent,
      backfilled: senderAfter.backfilled - senderBefore.backfilled,
      readingsPerS: (receiverAfter.readings - receiverBefore.readings) / seconds,
    };
  } finally {
    await device.stop();
  }
}

/** Page scripts are strings: the bench typechecks without the DOM library, and the CSP forbids eval. */
const FIRST_FRAME_WATCH = `(() => {
  const check = () => {
    const video = document.querySelector('[data-testid="patient-video"]');
    if (video !== null && video.videoWidth > 0) window.__firstFrameAt = performance.timeOrigin + performance.now();
    else requestAnimationFrame(check);
  };
  check();
})()`;

interface ChannelBytes {
  readonly at: number;
  readonly bytes: number;
  readonly messages: number;
}

interface SenderCounts {
  readonly sentBytes: number;
  readonly batches: number;
  readonly liveResent: number;
  readonly backfilled: number;
}

const SENDER_STATS = `window.__callProbe.station.vitalsStats()`;

interface ReceiverCounts {
  readonly rejected: number;
  readonly readings: number;
}

const RECEIVER_STATS = `window.__callProbe.consultant.vitalsStats()`;

/** Payload received on every data channel of the doctor's current connection (webrtc-stats `data-channel`). */
const CHANNEL_BYTES = `(async () => {
  const stats = await window.__callProbe.consultant.session.connection.getStats();
  let bytes = 0;
  let messages = 0;
  for (const r of stats.values()) if (r.type === 'data-channel') { bytes += r.bytesReceived; messages += r.messagesReceived; }
  return { at: performance.now(), bytes, messages };
})()`;

async function pollPage(page: Page, expression: string, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await page.evaluate<boolean>(expression))) {
    if (Date.now() > deadline) throw new Error(`page never satisfied: ${expression}`);
    await sleep(20);
  }
}

async function writeFrames(device: ReturnType<typeof createSerialTransport>): Promise<number[]> {
  const written: number[] = [];
  for (let i = 0; i < WARMUP_FRAMES + FRAMES + TAIL_FRAMES; i += 1) {
    const bytes = encodeRealtime({
      signalStrength: 5,
      searchingTooLong: false,
      lowSpo2: false,
      pulseBeep: i % 60 === 0,
      probeError: false,
      pleth: i % 128,
      searching: false,
      barGraph: 5,
      piInvalid: true,
      // A real oximeter updates its numbers about once a second (and the decoder sends a value
      // when it changes): changing them every frame would measure another stream.
      pulseRate: 60 + (Math.floor(i / 60) % 30),
      spo2: 95 + (Math.floor(i / 60) % 5),
      perfusionIndex: null,
    });
    written.push(epochNow());
    await device.write(bytes);
    await sleep(INTERVAL_MS);
  }
  return written;
}

/**
 * Arrival time of each pleth sample at the consultant, in the order the device sent them (nothing
 * else reaches the consultant: the call started before the first frame was written).
 */
async function waitForSamples(consultant: Page, expected: number): Promise<number[]> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    const arrivals = await consultant.evaluate<{ waveformSamples: number; receivedAt: number }[]>(
      'window.__callProbe.consultant.arrivals',
    );
    const perSample = arrivals.flatMap((a) => Array<number>(a.waveformSamples).fill(a.receivedAt));
    if (perSample.length >= expected || Date.now() > deadline) return perSample.slice(0, expected);
    await sleep(200);
  }
}

export function printCallLatency(result: CallLatencyResult): void {
  const s = result.deviceToConsultant;
  console.log(`\nCall over loopback WebRTC (${s.n} device frames, one per ${INTERVAL_MS} ms)`);
  console.log(
    `  device byte → consultant  p50 ${fmt(s.p50)} ms   p99 ${fmt(s.p99)} ms   max ${fmt(s.max)} ms   (${VITALS_BATCHING.batchWindowMs} ms batch window: adds ≤ ${VITALS_BATCHING.batchWindowMs} ms)`,
  );
  console.log(
    `  doctor's side, one oximeter (60 frames/s): ${fmt(result.doctorSideKbps, 2)} kbit/s of data-channel payload, ` +
      `~${fmt(result.doctorSideKbps + (result.doctorSideMessagesPerS * WIRE_OVERHEAD_BYTES * 8) / 1000, 1)} kbit/s on the wire, ` +
      `${fmt(result.doctorSideMessagesPerS, 1)} messages/s   (target ≤ 4 kbit/s of payload)`,
  );
  const ecg = result.ecg;
  console.log(
    `  doctor's side, 3-lead ECG (250 Hz, 0.1 µV steps): ${fmt(ecg.payloadKbps, 2)} kbit/s of payload, ` +
      `~${fmt(ecg.wireKbps, 1)} kbit/s on the wire, ${fmt(ecg.messagesPerS, 1)} messages/s over ${fmt(ecg.seconds, 0)} s   (target ≤ 12 kbit/s of payload)`,
  );
  console.log(
    `    station's sender meanwhile: ${fmt(ecg.senderKbps, 2)} kbit/s of vitals messages, ${fmt(ecg.batchesPerS, 1)} batches/s, ` +
      `${ecg.liveResent} sent live twice, ${ecg.backfilled} backfilled; the doctor's record got ${fmt(ecg.readingsPerS, 1)} readings/s, none refused`,
  );
  console.log(
    `  invite opened → first remote video frame  ${fmt(result.inviteToFirstFrameMs, 0)} ms   (target ≤ 2000 ms)`,
  );
}
