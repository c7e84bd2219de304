/**
 * Messages on the latest-value channel carry the sender session they belong to: four bytes, the
 * FNV-1a hash of the session id, before the message itself (VITALS-CHANNEL.md §4). That channel is
 * unordered, so a batch of a restarted station can arrive before the `hello` that brings its
 * dictionary; decoded against the previous session's tables it would read as other readings. With
 * the tag, a message is used only against the session it names, and refused otherwise.
 */
export const LIVE_TAG_BYTES = 4;

/** FNV-1a, 32 bits, over the UTF-16 code units of the session id. */
export function sessionTag(sessionId: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < sessionId.length; i++) {
    hash ^= sessionId.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash;
}

export function frameLive(tag: number, message: Uint8Array): Uint8Array {
  const framed = new Uint8Array(LIVE_TAG_BYTES + message.length);
  new DataView(framed.buffer).setUint32(0, tag >>> 0);
  framed.set(message, LIVE_TAG_BYTES);
  return framed;
}

/** The tag and the message (a view), or null when the frame is too short to hold both. */
export function unframeLive(framed: Uint8Array): { tag: number; message: Uint8Array } | null {
  if (framed.length <= LIVE_TAG_BYTES) return null;
  const tag = new DataView(framed.buffer, framed.byteOffset, LIVE_TAG_BYTES).getUint32(0);
  return { tag, message: framed.subarray(LIVE_TAG_BYTES) };
}
