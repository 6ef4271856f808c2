import { mapLimit } from './kpi-snapshots';

describe('mapLimit', () => {
  it('keeps the results in the order of the items, whatever order they finish in', async () => {
    const delays = [30, 5, 20, 0, 10];
    const results = await mapLimit(delays, 2, async (ms) => {
      await new Promise((resolve) => setTimeout(resolve, ms));
      return ms * 2;
    });
    expect(results).toEqual([60, 10, 40, 0, 20]);
  });

  it('never runs more than the limit at once, and runs every item once', async () => {
    let running = 0;
    let most = 0;
    const seen: number[] = [];
    await mapLimit([1, 2, 3, 4, 5, 6, 7], 3, async (n) => {
      running += 1;
      most = Math.max(most, running);
      await new Promise((resolve) => setImmediate(resolve));
      seen.push(n);
      running -= 1;
    });
    expect(most).toBe(3);
    expect(seen.sort()).toEqual([1, 2, 3, 4, 5, 6, 7]);
  });

  it('runs everything at once with no limit, and nothing for no items', async () => {
    let running = 0;
    let most = 0;
    await mapLimit([1, 2, 3, 4], Infinity, async () => {
      most = Math.max(most, ++running);
      await new Promise((resolve) => setImmediate(resolve));
      running -= 1;
    });
    expect(most).toBe(4);
    expect(await mapLimit([], 2, async () => 1)).toEqual([]);
  });
});
