import { MessageProgress } from '../../src/server/message-progress';
import { frame, frameHeader, OPCODE } from './raw-ws-client';

/** The half-sent message watch, fed RFC 6455 frames built byte by byte. */
describe('MessageProgress', () => {
  const text = (body: string, fin = true): Buffer => frame(OPCODE.text, Buffer.from(body), fin);

  it('is idle between whole messages, whatever the chunking', () => {
    const progress = new MessageProgress();
    const bytes = Buffer.concat([
      text('{"id":1}'),
      frame(OPCODE.pong, Buffer.alloc(0)),
      text('x'.repeat(300)),
    ]);
    for (let at = 0; at < bytes.length; at += 7) progress.feed(bytes.subarray(at, at + 7), at);
    expect(progress.pendingSince).toBeNull();
  });

  it('remembers when a message began until its last byte', () => {
    const progress = new MessageProgress();
    const whole = text('y'.repeat(70_000)); // a 16-bit extended length
    progress.feed(whole.subarray(0, 1), 10); // one header byte is already a message begun
    expect(progress.pendingSince).toBe(10);
    progress.feed(whole.subarray(1, 40_000), 20);
    expect(progress.pendingSince).toBe(10);
    progress.feed(whole.subarray(40_000), 30);
    expect(progress.pendingSince).toBeNull();
  });

  it('a 64-bit length header announcing more than will ever come stays pending', () => {
    const progress = new MessageProgress();
    progress.feed(Buffer.concat([frameHeader(OPCODE.binary, 16 * 1024 * 1024), Buffer.alloc(1000)]), 5);
    expect(progress.pendingSince).toBe(5);
  });

  it('pongs between the fragments of a message do not end it; its final fragment does', () => {
    const progress = new MessageProgress();
    progress.feed(text('{"id":', false), 1);
    expect(progress.pendingSince).toBe(1);
    progress.feed(frame(OPCODE.pong, Buffer.from('p')), 2);
    progress.feed(frame(OPCODE.ping, Buffer.alloc(0)), 3);
    expect(progress.pendingSince).toBe(1);
    progress.feed(frame(OPCODE.continuation, Buffer.from('2}')), 4);
    expect(progress.pendingSince).toBeNull();
  });

  it('a chunk that ends one message and begins the next dates the next from that chunk', () => {
    const progress = new MessageProgress();
    const next = text('later');
    progress.feed(Buffer.concat([text('first'), next.subarray(0, 3)]), 50);
    expect(progress.pendingSince).toBe(50);
    progress.feed(next.subarray(3), 60);
    expect(progress.pendingSince).toBeNull();
  });
});
