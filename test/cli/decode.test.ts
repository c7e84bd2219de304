import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runStation } from '../../src/cli/run-station';
import { formatCaptureChunk, formatCaptureHeader } from '../../src/core/transports/capture-format';
import { contecCms50V7 } from '../../src/devices/contec-cms50-v7';
import { readingSchema, type Reading } from '../../src/shared/domain/readings';
import { memoryIo } from '../helpers/cli-io';

const PROTOCOL = 'contec-cms50-v7';
const T0 = Date.parse('2026-11-25T16:49:08.000Z');

/** One second of V7 real-time packages, as a device would send them. */
function simulatedStream(): Uint8Array {
  const simulator = contecCms50V7.createSimulator({ seed: 5, autoStart: true });
  simulator.tick(T0);
  return simulator.tick(T0 + 1000).bytes;
}

/** When a reading was measured: a waveform's first sample, or the reading's time. */
function readingMs(reading: Reading): number {
  return Date.parse(reading.type === 'waveform' ? reading.start : reading.time);
}

function lines(text: string): Reading[] {
  return text
    .trim()
    .split('\n')
    .map((line) => readingSchema.parse(JSON.parse(line)));
}

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'station-decode-'));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

describe('station decode', () => {
  it('decodes a raw byte file to canonical NDJSON, the same readings as the driver gives', async () => {
    const bytes = simulatedStream();
    const file = join(dir, 'raw.bin');
    await writeFile(file, bytes);
    const run = memoryIo();
    expect(await runStation(['decode', '--protocol', PROTOCOL, '--time', String(T0), file], run.io)).toBe(0);
    // The same readings as the driver gives, shifted so the first is at --time (next test).
    const decodedAtEnd = contecCms50V7
      .createDecoder(`${PROTOCOL}@${file}`)
      .push(bytes, T0)
      .flatMap((e) => (e.kind === 'reading' ? [e.reading] : []));
    const shiftMs = T0 - Math.min(...decodedAtEnd.map(readingMs));
    const expected = contecCms50V7
      .createDecoder(`${PROTOCOL}@${file}`)
      .push(bytes, T0 + shiftMs)
      .flatMap((e) => (e.kind === 'reading' ? [e.reading] : []));
    expect(lines(run.stdout)).toEqual(expected);
    expect(run.stderr).toMatch(/^\d+ frame\(s\) decoded, 0 dropped/m);
  });

  it('--time is the time of the first byte: the first reading is at --time, the last one second of packages later', async () => {
    const bytes = simulatedStream();
    const file = join(dir, 'raw.bin');
    await writeFile(file, bytes);
    const run = memoryIo();
    expect(await runStation(['decode', '--protocol', PROTOCOL, '--time', String(T0), file], run.io)).toBe(0);
    const times = lines(run.stdout).map(readingMs);
    expect(Math.min(...times)).toBe(T0);
    // 60 packages a second: the last sample is 59/60 s after the first, never before --time.
    const packages = bytes.length / 9;
    const lastSampleMs = T0 + ((packages - 1) * 1000) / 60;
    const waveforms = lines(run.stdout).filter((r) => r.type === 'waveform');
    const last = waveforms[waveforms.length - 1];
    expect(last.type === 'waveform' && readingMs(last) + ((last.samples.length - 1) * 1000) / 60).toBeCloseTo(
      lastSampleMs,
      -1,
    );
    expect(run.stdout).toContain(new Date(T0).toISOString());
  });

  it('reads stdin, reports dropped frames on stderr with a count', async () => {
    const bytes = simulatedStream();
    bytes[4] = 0x00; // bit 7 cleared in a data byte: the first package is malformed
    const run = memoryIo(bytes);
    expect(await runStation(['decode', '--protocol', PROTOCOL, '-'], run.io)).toBe(0);
    expect(lines(run.stdout).length).toBeGreaterThan(0);
    expect(run.stderr).toMatch(/^frame dropped \(malformed\): /m);
    expect(run.stderr).toMatch(/frame\(s\) decoded, 1 dropped/);
  });

  it('decodes the device→station chunks of a capture file, with their times, taking the protocol from the header', async () => {
    const bytes = simulatedStream();
    const file = join(dir, 'x.capture.jsonl');
    const half = Math.floor(bytes.length / 2);
    await writeFile(
      file,
      [
        formatCaptureHeader({
          protocol: PROTOCOL,
          path: '/dev/ttyUSB0',
          startedAt: new Date(T0).toISOString(),
        }),
        formatCaptureChunk({
          t: T0,
          dir: 'out',
          bytes: Uint8Array.of(0x7d, 0x81, 0xa1, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80),
        }),
        formatCaptureChunk({ t: T0 + 500, dir: 'in', bytes: bytes.subarray(0, half) }),
        formatCaptureChunk({ t: T0 + 1000, dir: 'in', bytes: bytes.subarray(half) }),
      ].join('\n'),
    );
    const run = memoryIo();
    expect(await runStation(['decode', file], run.io)).toBe(0);
    const readings = lines(run.stdout);
    expect(readings.every((r) => r.device === `${PROTOCOL}@/dev/ttyUSB0`)).toBe(true);
    const samples = readings.flatMap((r) => (r.type === 'waveform' ? r.samples : []));
    expect(samples).toHaveLength(60);
  });

  it('names the bad line of a broken capture and exits 1', async () => {
    const file = join(dir, 'bad.capture.jsonl');
    const header = formatCaptureHeader({
      protocol: PROTOCOL,
      path: '/dev/x',
      startedAt: new Date(T0).toISOString(),
    });
    await writeFile(file, `${header}\n{"t":1,"dir":"in","hex":"0g"}\n`);
    const run = memoryIo();
    expect(await runStation(['decode', file], run.io)).toBe(1);
    expect(run.stderr).toContain('capture line 2');
  });

  it.each([
    [['decode', '--bogus'], /Unknown option '--bogus'/],
    [['decode', '--protocol', 'nope', '-'], /not a known protocol id; available: contec-cms50-v7/],
    [['decode', '-'], /missing required option --protocol/],
    [['decode', 'a', 'b'], /unexpected argument: b/],
    [['frobnicate'], /unknown command "frobnicate"/],
    [[], /Usage: station <command>/],
  ])('exits 2 with a clear message for %j', async (argv, message) => {
    const run = memoryIo('\x01\x02');
    expect(await runStation(argv, run.io)).toBe(2);
    expect(run.stderr).toMatch(message);
  });

  it('prints help for the tool and for each command', async () => {
    for (const argv of [
      ['--help'],
      ...['decode', 'simulate', 'record', 'devices', 'serve'].map((c) => [c, '--help']),
    ]) {
      const run = memoryIo();
      expect(await runStation(argv, run.io)).toBe(0);
      expect(run.stdout).toMatch(/^Usage: station/);
    }
  });
});
