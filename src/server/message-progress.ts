/**
 * Watches the bytes a WebSocket client sends (RFC 6455 framing, headers only) to know whether a
 * message has begun and not yet ended, and since when. `ws` buffers a message until its last byte
 * arrives and says nothing meanwhile; a client that answers pings but never finishes its message
 * would otherwise hold that buffer for as long as it likes. Control frames (ping, pong, close) may
 * come between the fragments of a message: they neither start nor finish one.
 */
export class MessageProgress {
  private readonly header: number[] = [];
  private payloadLeft = 0;
  private frameIsData = false;
  private frameIsFinal = false;
  /** A data frame without FIN has ended: the message continues in a later frame. */
  private fragmented = false;
  private startedAt: number | null = null;

  /** When the unfinished message (or frame) began, or null when the client is between messages. */
  get pendingSince(): number | null {
    return this.startedAt;
  }

  feed(chunk: Uint8Array, now: number): void {
    let at = 0;
    while (at < chunk.length) {
      if (this.startedAt === null) this.startedAt = now;
      if (this.payloadLeft > 0) {
        const taken = Math.min(this.payloadLeft, chunk.length - at);
        this.payloadLeft -= taken;
        at += taken;
        if (this.payloadLeft === 0) this.frameDone();
        continue;
      }
      this.header.push(chunk[at]);
      at += 1;
      const length = this.headerLength();
      if (length !== null && this.header.length === length) this.headerDone();
    }
  }

  /** The header's full size once its first two bytes are known (2 + extended length + mask). */
  private headerLength(): number | null {
    if (this.header.length < 2) return null;
    const second = this.header[1];
    const lengthCode = second & 0x7f;
    const extended = lengthCode === 126 ? 2 : lengthCode === 127 ? 8 : 0;
    return 2 + extended + ((second & 0x80) !== 0 ? 4 : 0);
  }

  private headerDone(): void {
    const [first = 0, second = 0] = this.header;
    const opcode = first & 0x0f;
    this.frameIsData = opcode < 0x8; // text, binary or continuation; 0x8 and up are control frames
    this.frameIsFinal = (first & 0x80) !== 0;
    const lengthCode = second & 0x7f;
    let length = lengthCode;
    if (lengthCode === 126) length = this.header[2] * 256 + this.header[3];
    if (lengthCode === 127) length = this.header.slice(2, 10).reduce((value, byte) => value * 256 + byte, 0);
    this.header.length = 0;
    this.payloadLeft = length;
    if (length === 0) this.frameDone();
  }

  private frameDone(): void {
    if (this.frameIsData) this.fragmented = !this.frameIsFinal;
    if (!this.fragmented) this.startedAt = null;
  }
}
