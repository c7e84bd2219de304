import { z } from 'zod';
import { WireError } from './bytes';
import { decodeMessage, encodeDictMessages } from './codec';
import { DecoderDictionary } from './decoder-dictionary';
import type { DictEntry } from './messages';
import type { SenderState } from './vitals-sender';
import { LIMITS } from './wire-format';

/**
 * A sender's session as text, for the station page to carry it across a reload (sessionStorage):
 * the same session id, epoch and numbering, its dictionary, and the batches the doctor has not
 * acknowledged. The doctor's receiver then takes the next page's hello as the same session: what
 * it already has comes again as duplicates (dropped), what it lacks is replayed — the record stays
 * exactly once, in order, with no renumbering.
 *
 * Everything travels in the wire format (dict and batch messages, base64) and comes back through
 * the wire decoder: a stored text is checked like bytes from the network, and anything wrong in it
 * gives null (the page starts a new session, as it did before).
 */

/** Unacknowledged bytes carried at most (a long cut can hold 16 MiB; sessionStorage holds ~5 MB). */
export const MAX_CARRIED_BATCH_BYTES = 1024 * 1024;
const MAX_TEXT_CHARS = 2 * MAX_CARRIED_BATCH_BYTES;

const stored = z.strictObject({
  v: z.literal(1),
  sessionId: z.string().min(1).max(LIMITS.sessionIdChars),
  epochMs: z.number().int().min(-8.64e15).max(8.64e15),
  nextSeq: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER),
  dict: z.array(z.base64().min(4)).max(4 * LIMITS.entriesPerTable),
  /** Consecutive, the last one nextSeq − 1. */
  batches: z.array(z.strictObject({ bytes: z.base64().min(4), createdMs: z.number().finite() })),
});

function toBase64(bytes: Uint8Array): string {
  let binary = '';
  // In slices: one spread of a 256 KiB batch would pass the engine's argument limit.
  for (let i = 0; i < bytes.length; i += 8192) binary += String.fromCharCode(...bytes.subarray(i, i + 8192));
  return btoa(binary);
}
const fromBase64 = (text: string): Uint8Array => Uint8Array.from(atob(text), (c) => c.charCodeAt(0));

/** The newest batches that fit MAX_CARRIED_BATCH_BYTES; older ones are left out (the receiver counts the gap). */
export function encodeSenderState(state: SenderState): string {
  const batches: SenderState['batches'][number][] = [];
  let bytes = 0;
  for (let i = state.batches.length - 1; i >= 0; i--) {
    bytes += state.batches[i].bytes.length;
    if (bytes > MAX_CARRIED_BATCH_BYTES) break;
    batches.unshift(state.batches[i]);
  }
  return JSON.stringify({
    v: 1,
    sessionId: state.sessionId,
    epochMs: state.epochMs,
    nextSeq: state.nextSeq,
    dict: encodeDictMessages(state.entries).map(toBase64),
    batches: batches.map((b) => ({ bytes: toBase64(b.bytes), createdMs: b.createdMs })),
  });
}

export function decodeSenderState(text: string): SenderState | null {
  if (text.length > MAX_TEXT_CHARS) return null;
  let parsed: z.infer<typeof stored>;
  try {
    const result = stored.safeParse(JSON.parse(text));
    if (!result.success) return null;
    parsed = result.data;
  } catch {
    return null;
  }
  if (parsed.batches.length > parsed.nextSeq) return null;
  const dictionary = new DecoderDictionary(parsed.sessionId, parsed.epochMs);
  const entries: DictEntry[] = [];
  try {
    for (const text of parsed.dict) {
      const message = decodeMessage(fromBase64(text), null);
      if (!message.ok || message.value.kind !== 'dict') return null;
      dictionary.apply(message.value.entries);
      entries.push(...message.value.entries);
    }
  } catch (error) {
    if (error instanceof WireError) return null;
    throw error;
  }
  const firstSeq = parsed.nextSeq - parsed.batches.length;
  const batches: SenderState['batches'][number][] = [];
  for (const [i, batch] of parsed.batches.entries()) {
    const bytes = fromBase64(batch.bytes);
    const message = decodeMessage(bytes, dictionary);
    if (!message.ok || message.value.kind !== 'batch' || message.value.seq !== firstSeq + i) return null;
    const readings = message.value.readings.length + message.value.skipped;
    batches.push({ seq: firstSeq + i, bytes, readings, createdMs: batch.createdMs });
  }
  return { sessionId: parsed.sessionId, epochMs: parsed.epochMs, nextSeq: parsed.nextSeq, entries, batches };
}
