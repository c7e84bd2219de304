import { FrameTable } from '../../../src/devices/framing/frame-table';

describe('FrameTable', () => {
  it('keeps every frame in order past its initial capacity, and counts the slots they occupy', () => {
    const table = new FrameTable(2);
    for (let f = 0; f < 9; f++) table.add(f * 5, f % 3);
    expect(table.count).toBe(9);
    expect(Array.from(table.offsets.subarray(0, 9))).toEqual([0, 5, 10, 15, 20, 25, 30, 35, 40]);
    expect(Array.from(table.lostBefore.subarray(0, 9))).toEqual([0, 1, 2, 0, 1, 2, 0, 1, 2]);
    expect(table.slots()).toBe(9 + 9);
    expect(table.slots(8)).toBe(1 + 2);
  });

  it('starts empty again after clear, reusing its arrays', () => {
    const table = new FrameTable(4);
    table.add(0, 3);
    const { offsets } = table;
    table.clear();
    expect(table.count).toBe(0);
    expect(table.slots()).toBe(0);
    table.add(7, 0);
    expect(table.offsets).toBe(offsets);
    expect(table.slots()).toBe(1);
  });
});
