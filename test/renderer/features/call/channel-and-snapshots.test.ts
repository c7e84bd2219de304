/**
 * @jest-environment node
 */
// Pure code: Node has TextEncoder, jsdom does not.
import { frameControl, frameVitals, unframe } from '../../../../src/renderer/features/call/channel-mux';
import { parseControlMessage } from '../../../../src/renderer/features/call/control-messages';
import { chunkSnapshot, SnapshotAssembler } from '../../../../src/renderer/features/call/snapshot-chunks';

describe('data channel framing', () => {
  it('tags vitals bytes and control JSON so one channel carries both', () => {
    expect(unframe(frameVitals(new Uint8Array([7, 8])))).toEqual({
      channel: 'vitals',
      payload: new Uint8Array([7, 8]),
    });
    expect(unframe(frameControl('{"type":"bye"}'))).toEqual({ channel: 'control', text: '{"type":"bye"}' });
    expect(unframe(new Uint8Array([9, 1]))).toBeNull();
    expect(unframe(new Uint8Array())).toBeNull();
  });

  it('rejects control messages outside the schema', () => {
    expect(parseControlMessage('{"type":"bye"}')).toEqual({ type: 'bye' });
    expect(parseControlMessage('{"type":"bye","extra":1}')).toBeNull();
    expect(parseControlMessage('{"type":"chat","id":"1","text":"","sentAt":1}')).toBeNull();
    expect(parseControlMessage('not json')).toBeNull();
  });
});

describe('snapshot chunks', () => {
  const image = {
    id: 's1',
    mime: 'image/jpeg' as const,
    width: 1920,
    height: 1080,
    base64: 'A'.repeat(10) + 'B'.repeat(7),
  };

  it('reassembles a still sent in chunks, in any order', () => {
    const chunks = chunkSnapshot(image, 5);
    expect(chunks).toHaveLength(4);
    const assembler = new SnapshotAssembler();
    for (const chunk of [chunks[3], chunks[0], chunks[2]]) expect(assembler.add(chunk)).toBeNull();
    expect(assembler.add(chunks[1])).toEqual(image);
  });

  it('forgets incomplete transfers beyond its bound', () => {
    const assembler = new SnapshotAssembler(1);
    const first = chunkSnapshot(image, 5);
    assembler.add(first[0]);
    const second = chunkSnapshot({ ...image, id: 's2' }, 5);
    assembler.add(second[0]);
    for (const chunk of first.slice(1)) expect(assembler.add(chunk)).toBeNull(); // s1 was dropped
  });
});
