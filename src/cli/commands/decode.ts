import { readFile } from 'node:fs/promises';
import { looksLikeCapture, parseCapture } from '../../core/transports/capture-format';
import type { DecodeEvent } from '../../devices/driver';
import { integerOption, parseCommandArgs, UsageError } from '../args';
import { EXIT_FAILURE, EXIT_OK, type CliIo } from '../cli-io';
import type { Command } from '../command';
import { driverOrUsageError } from '../drivers';
import { startingAt, type TimedChunk } from './decode-start-time';

const USAGE = `Usage: station decode --protocol ID [FILE | -]

Decodes a raw byte file or a capture file (*.capture.jsonl, detected by its header) and prints one
canonical reading per line (NDJSON). Reads stdin when FILE is - or missing. Dropped frames go to
stderr, with a count at the end.

Options:
  --protocol ID   wire protocol, e.g. contec-cms50-v7 (optional for a capture: taken from its header)
  --time MS       epoch ms of the first byte of a raw file: its first reading is timed MS
                  (default: now); captures carry their own arrival times
  -h, --help      show this help`;

/** Lines are written in blocks: one write per line would dominate the time on big captures. */
const FLUSH_EVERY_LINES = 512;

export const decodeCommand: Command = {
  name: 'decode',
  summary: 'decode a raw byte file or a capture file to NDJSON readings',
  usage: USAGE,
  async run(argv, io) {
    const { values, positionals } = parseCommandArgs(
      argv,
      { protocol: { type: 'string' }, time: { type: 'string' } },
      1,
    );
    if (values.help) {
      io.stdout.write(`${USAGE}\n`);
      return EXIT_OK;
    }
    const source = positionals[0] ?? '-';
    const bytes = await readSource(source, io);
    if (bytes === null) return EXIT_FAILURE;
    const chunks = toChunks(
      bytes,
      source,
      values.protocol,
      integerOption(values.time, 'time') ?? Date.now(),
      io,
    );
    if (chunks === null) return EXIT_FAILURE;

    const driver = driverOrUsageError(chunks.protocol);
    const deviceId = `${driver.protocol}@${chunks.path}`;
    const decoder = driver.createDecoder(deviceId);
    const list = chunks.raw
      ? startingAt(chunks.list, (bytes, t) => driver.createDecoder(deviceId).push(bytes, t))
      : chunks.list;
    const out = new LineWriter(io);
    let frameErrors = 0;
    const handle = (events: DecodeEvent[]): void => {
      for (const event of events) {
        if (event.kind === 'reading') out.line(JSON.stringify(event.reading));
        else if (event.kind === 'frame-error') {
          frameErrors++;
          io.stderr.write(`frame dropped (${event.code}): ${event.detail}\n`);
        } else if (event.kind === 'value-error') {
          io.stderr.write(`value dropped (${event.code}): ${event.detail}\n`);
        }
      }
    };
    for (const chunk of list) handle(decoder.push(chunk.bytes, chunk.t));
    out.flush();
    const { frames, skippedBytes, outOfRange = 0 } = decoder.stats;
    io.stderr.write(
      `${frames} frame(s) decoded, ${frameErrors} dropped, ${skippedBytes} byte(s) skipped, ` +
        `${outOfRange} impossible value(s) dropped\n`,
    );
    return EXIT_OK;
  },
};

interface Chunks {
  readonly protocol: string;
  readonly path: string;
  readonly list: readonly TimedChunk[];
  /** A raw byte file: one chunk whose `t` is the time of its first byte, not of its arrival. */
  readonly raw: boolean;
}

function toChunks(
  bytes: Uint8Array,
  source: string,
  protocol: string | undefined,
  startMs: number,
  io: CliIo,
): Chunks | null {
  if (!looksLikeCapture(bytes)) {
    if (protocol === undefined)
      throw new UsageError('missing required option --protocol (needed for a raw byte file)');
    return { protocol, path: source === '-' ? 'stdin' : source, list: [{ t: startMs, bytes }], raw: true };
  }
  let capture;
  try {
    capture = parseCapture(new TextDecoder().decode(bytes));
  } catch (error) {
    io.stderr.write(`station decode: ${source}: ${(error as Error).message}\n`);
    return null;
  }
  const chosen = protocol ?? capture.header.protocol;
  if (chosen !== capture.header.protocol) {
    io.stderr.write(`warning: capture was recorded as ${capture.header.protocol}, decoding as ${chosen}\n`);
  }
  // Only device → station bytes are decoded; station → device commands are context.
  return {
    protocol: chosen,
    path: capture.header.path,
    list: capture.chunks.filter((c) => c.dir === 'in'),
    raw: false,
  };
}

async function readSource(source: string, io: CliIo): Promise<Uint8Array | null> {
  try {
    if (source !== '-') return new Uint8Array(await readFile(source));
    const parts: Uint8Array[] = [];
    for await (const part of io.stdin) parts.push(part as Uint8Array);
    return new Uint8Array(Buffer.concat(parts));
  } catch (error) {
    io.stderr.write(`station decode: cannot read ${source}: ${(error as Error).message}\n`);
    return null;
  }
}

class LineWriter {
  private lines: string[] = [];
  constructor(private readonly io: CliIo) {}

  line(text: string): void {
    this.lines.push(text);
    if (this.lines.length >= FLUSH_EVERY_LINES) this.flush();
  }

  flush(): void {
    if (this.lines.length > 0) this.io.stdout.write(`${this.lines.join('\n')}\n`);
    this.lines = [];
  }
}
