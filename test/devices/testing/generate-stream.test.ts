import { contecCms50V7 } from '../../../src/devices/contec-cms50-v7';
import { generateStream } from '../../../src/devices/testing/generate-stream';

describe('generateStream', () => {
  it('runs the host script and keep-alives, so a V7 stream outlasts the 30 s device timeout', () => {
    const s = generateStream(contecCms50V7, 45, { seed: 1 });
    const realtime = s.frames.filter((f) => 'MDC_PULS_OXIM_PLETH' in f);
    expect(realtime).toHaveLength(45 * 60 + 1);
    expect(s.chunks[0].atMs).toBe(0);
    expect(s.bytes.length).toBe(s.chunks.reduce((n, c) => n + c.bytes.length, 0));
  });
});
