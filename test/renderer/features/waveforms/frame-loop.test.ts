import { FrameLoop } from '../../../../src/renderer/features/waveforms/frame-loop';

/** A manual display: `frame()` runs the callbacks requested since the last frame. */
function manualFrames(): { loop: FrameLoop; frame: () => void; pending: () => number } {
  let callbacks = new Map<number, () => void>();
  let next = 1;
  const loop = new FrameLoop(
    (callback) => {
      callbacks.set(next, callback);
      return next++;
    },
    (id) => void callbacks.delete(id),
  );
  return {
    loop,
    frame: () => {
      const due = callbacks;
      callbacks = new Map();
      for (const callback of due.values()) callback();
    },
    pending: () => callbacks.size,
  };
}

describe('FrameLoop (one rAF callback for every trace)', () => {
  it('draws every trace once per frame with a single requested callback', () => {
    const { loop, frame, pending } = manualFrames();
    const drawn: string[] = [];
    loop.add({ drawFrame: () => drawn.push('I') });
    loop.add({ drawFrame: () => drawn.push('II') });
    expect(pending()).toBe(1);
    frame();
    frame();
    expect(drawn).toEqual(['I', 'II', 'I', 'II']);
    expect(pending()).toBe(1);
  });

  it('stops asking for frames when the last trace is removed, and never calls a removed one', () => {
    const { loop, frame, pending } = manualFrames();
    const drawn: string[] = [];
    const removeI = loop.add({ drawFrame: () => drawn.push('I') });
    const removeII = loop.add({ drawFrame: () => drawn.push('II') });
    removeI();
    frame();
    expect(drawn).toEqual(['II']);
    removeII();
    expect(pending()).toBe(0);
    expect(loop.size).toBe(0);
  });

  it('keeps drawing the other traces when one throws, and rethrows that error on its own', async () => {
    const { loop, frame } = manualFrames();
    const drawn: string[] = [];
    const thrown: unknown[] = [];
    const original = globalThis.queueMicrotask;
    globalThis.queueMicrotask = (task) =>
      original(() => {
        try {
          task();
        } catch (error) {
          thrown.push(error);
        }
      });
    try {
      loop.add({
        drawFrame: () => {
          throw new Error('broken trace');
        },
      });
      loop.add({ drawFrame: () => drawn.push('II') });
      frame();
      frame();
      await Promise.resolve();
    } finally {
      globalThis.queueMicrotask = original;
    }
    expect(drawn).toEqual(['II', 'II']);
    expect(thrown).toHaveLength(2);
  });
});
