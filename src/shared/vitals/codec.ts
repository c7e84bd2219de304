import { missingCaseError } from '../assert';
import { err, ok, type Result } from '../result';
import { ByteReader, ByteWriter, WireError } from './bytes';
import { crc8 } from './crc8';
import { readBatch } from './batch-reader';
import type { DecoderDictionary } from './decoder-dictionary';
import type { AckMessage, ControlMessage, DictEntry, SeqRange, VitalsMessage } from './messages';
import { readNumericValue, writeNumericValue } from './number-codec';
import { DICT_TABLE, LIMITS, MESSAGE_KIND, WIRE_VERSION } from './wire-format';

/**
 * Encoder and decoder of the vitals channel messages (VITALS-CHANNEL.md). Batches are built by
 * BatchWriter; everything else is encoded here. `decodeMessage` never throws: malformed,
 * truncated, oversized or corrupted input (CRC-8) comes back as an error Result saying why.
 */

export function encodeMessage(message: ControlMessage): Uint8Array {
  const w = new ByteWriter(64);
  w.u8((WIRE_VERSION << 4) | MESSAGE_KIND[message.kind]);
  switch (message.kind) {
    case 'hello':
      w.string(message.sessionId);
      w.varint(message.epochMs);
      w.varuint(message.firstSeq);
      break;
    case 'dict':
      w.varuint(message.entries.length);
      for (const entry of message.entries) writeEntry(w, entry);
      break;
    case 'ack':
      writeAck(w, message);
      break;
    case 'ping':
      w.varuint(message.id);
      w.f64(message.sentAtMs);
      break;
    case 'pong':
      w.varuint(message.id);
      w.f64(message.pingSentAtMs);
      w.f64(message.receivedAtMs);
      w.f64(message.sentAtMs);
      break;
    default:
      throw missingCaseError(message);
  }
  w.u8(crc8(w.toBytes()));
  return w.toBytes();
}

/** `dict` messages holding `entries`, split so none passes ~16 KiB. */
export function encodeDictMessages(entries: readonly DictEntry[]): Uint8Array[] {
  const messages: Uint8Array[] = [];
  for (let start = 0; start < entries.length;) {
    let end = start;
    let bytes = 0;
    while (end < entries.length && end - start < LIMITS.entriesPerDict && bytes < 16 * 1024) {
      const entry = entries[end++];
      bytes += entry.table === 'series' ? 24 : 8 + entry.text.length * 3;
    }
    messages.push(encodeMessage({ kind: 'dict', entries: entries.slice(start, end) }));
    start = end;
  }
  return messages;
}

/**
 * Decodes one message. Batches need the session's dictionaries (from `hello` and `dict`); without
 * them (`null`) a batch is refused.
 */
export function decodeMessage(
  bytes: Uint8Array,
  dictionary: DecoderDictionary | null,
): Result<VitalsMessage> {
  try {
    return ok(decodeOrThrow(bytes, dictionary));
  } catch (error) {
    const reason = error instanceof WireError ? error.message : `unexpected: ${String(error)}`;
    return err('bad-request', `vitals channel: ${reason}`);
  }
}

function decodeOrThrow(bytes: Uint8Array, dictionary: DecoderDictionary | null): VitalsMessage {
  if (bytes.length < 2) throw new WireError(`truncated message: ${bytes.length} bytes`);
  if (bytes.length > LIMITS.messageBytes)
    throw new WireError(`message of ${bytes.length} bytes, over ${LIMITS.messageBytes}`);
  if (crc8(bytes, bytes.length - 1) !== bytes[bytes.length - 1])
    throw new WireError('CRC mismatch (corrupted message)');
  const r = new ByteReader(bytes.subarray(0, bytes.length - 1));
  const header = r.u8('header');
  if (header >> 4 !== WIRE_VERSION) throw new WireError(`unsupported version ${header >> 4}`);
  const message = decodeBody(r, header & 0x0f, dictionary);
  r.expectEnd();
  return message;
}

function decodeBody(r: ByteReader, kind: number, dictionary: DecoderDictionary | null): VitalsMessage {
  switch (kind) {
    case MESSAGE_KIND.hello:
      return {
        kind: 'hello',
        sessionId: r.string('session id', LIMITS.sessionIdChars),
        epochMs: r.varint('epoch'),
        firstSeq: r.varuint('first seq'),
      };
    case MESSAGE_KIND.dict: {
      const count = r.varuint('entry count');
      if (count > LIMITS.entriesPerDict || count > r.remaining)
        throw new WireError(`dict of ${count} entries`);
      return { kind: 'dict', entries: Array.from({ length: count }, () => readEntry(r)) };
    }
    case MESSAGE_KIND.batch:
      if (dictionary === null) throw new WireError('batch before hello');
      return readBatch(r, dictionary);
    case MESSAGE_KIND.ack:
      return readAck(r);
    case MESSAGE_KIND.ping:
      return { kind: 'ping', id: r.varuint('ping id'), sentAtMs: finite(r, 'ping time') };
    case MESSAGE_KIND.pong:
      return {
        kind: 'pong',
        id: r.varuint('pong id'),
        pingSentAtMs: finite(r, 'pong time'),
        receivedAtMs: finite(r, 'pong time'),
        sentAtMs: finite(r, 'pong time'),
      };
    default:
      throw new WireError(`unknown message kind ${kind}`);
  }
}

function finite(r: ByteReader, what: string): number {
  const value = r.f64(what);
  if (!Number.isFinite(value)) throw new WireError(`${what}: not a finite number`);
  return value;
}

function writeEntry(w: ByteWriter, entry: DictEntry): void {
  w.u8(DICT_TABLE[entry.table]);
  w.varuint(entry.index);
  if (entry.table !== 'series') return w.string(entry.text);
  w.varuint(entry.device);
  w.varuint(entry.metric);
  w.varuint(entry.unit);
  writeNumericValue(w, entry.rateHz);
}

const TEXT_LIMIT = {
  device: LIMITS.deviceChars,
  metric: LIMITS.metricChars,
  unit: LIMITS.unitChars,
} as const;
const TABLE_NAMES = ['device', 'metric', 'unit'] as const;

function readEntry(r: ByteReader): DictEntry {
  const table = r.u8('dict table');
  const index = r.varuint('dict index');
  if (index >= LIMITS.entriesPerTable) throw new WireError(`dict index ${index} too large`);
  if (table < DICT_TABLE.series) {
    const name = TABLE_NAMES[table];
    return { table: name, index, text: r.string(`${name} text`, TEXT_LIMIT[name]) };
  }
  if (table !== DICT_TABLE.series) throw new WireError(`unknown dict table ${table}`);
  const device = r.varuint('series device');
  const metric = r.varuint('series metric');
  const unit = r.varuint('series unit');
  const rateHz = readNumericValue(r, 'series rate');
  if (rateHz !== null && !(rateHz > 0 && rateHz <= LIMITS.rateHz))
    throw new WireError(`series rate ${rateHz} Hz`);
  return { table: 'series', index, device, metric, unit, rateHz };
}

function writeAck(w: ByteWriter, ack: AckMessage): void {
  w.varuint(ack.nextSeq);
  w.varuint(ack.ranges.length);
  let bound = ack.nextSeq;
  for (const range of ack.ranges) {
    w.varuint(range.from - bound - 1);
    w.varuint(range.to - range.from);
    bound = range.to + 1;
  }
}

function readAck(r: ByteReader): AckMessage {
  const nextSeq = r.varuint('ack seq');
  const count = r.varuint('ack range count');
  if (count > LIMITS.ackRanges) throw new WireError(`${count} ack ranges`);
  const ranges: SeqRange[] = [];
  let bound = nextSeq;
  for (let i = 0; i < count; i++) {
    const from = bound + 1 + r.varuint('ack range gap');
    const to = from + r.varuint('ack range length');
    if (to > Number.MAX_SAFE_INTEGER) throw new WireError('ack range beyond 2^53');
    ranges.push({ from, to });
    bound = to + 1;
  }
  return { kind: 'ack', nextSeq, ranges };
}
