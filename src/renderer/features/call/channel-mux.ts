/**
 * simple-peer opens one ordered, reliable data channel. The call needs two streams on it — binary
 * vitals frames and JSON control messages — so each message starts with one tag byte. Both are
 * ordered and reliable anyway, and one channel keeps a single SCTP stream to reopen on reconnect.
 */
export const CHANNEL_TAGS = { vitals: 0x01, control: 0x02 } as const;
export type ChannelName = keyof typeof CHANNEL_TAGS;

const encoder = new TextEncoder();
const decoder = new TextDecoder();

export function frameVitals(payload: Uint8Array): Uint8Array {
  const framed = new Uint8Array(payload.length + 1);
  framed[0] = CHANNEL_TAGS.vitals;
  framed.set(payload, 1);
  return framed;
}

export function frameControl(json: string): Uint8Array {
  const body = encoder.encode(json);
  const framed = new Uint8Array(body.length + 1);
  framed[0] = CHANNEL_TAGS.control;
  framed.set(body, 1);
  return framed;
}

export type Unframed =
  | { readonly channel: 'vitals'; readonly payload: Uint8Array }
  | { readonly channel: 'control'; readonly text: string }
  | null;

export function unframe(message: Uint8Array): Unframed {
  if (message.length === 0) return null;
  const body = message.subarray(1);
  if (message[0] === CHANNEL_TAGS.vitals) return { channel: 'vitals', payload: body };
  if (message[0] === CHANNEL_TAGS.control) return { channel: 'control', text: decoder.decode(body) };
  return null;
}
