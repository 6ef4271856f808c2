import { Coalescer } from './coalescer';

describe('Coalescer', () => {
  it('runs callers of the same tick as one batch and answers each with its own result', async () => {
    const batches: number[][] = [];
    const coalescer = new Coalescer<number, string>(async (items) => {
      batches.push(items);
      return items.map((n) => `#${n}`);
    });

    const answers = await Promise.all([1, 2, 3].map((n) => coalescer.submit(n)));

    expect(answers).toEqual(['#1', '#2', '#3']);
    expect(batches).toEqual([[1, 2, 3]]);
  });

  it('gathers the callers that arrive while a batch runs into the next one, at most maxBatch each', async () => {
    const batches: number[][] = [];
    let release!: () => void;
    const firstBatchHeld = new Promise<void>((resolve) => (release = resolve));
    const coalescer = new Coalescer<number, number>(async (items) => {
      batches.push(items);
      if (batches.length === 1) await firstBatchHeld;
      return items.map((n) => n * 10);
    }, 2);

    const first = coalescer.submit(1);
    await new Promise((resolve) => setImmediate(resolve));
    const later = [2, 3, 4, 5, 6].map((n) => coalescer.submit(n));
    release();

    expect(await Promise.all([first, ...later])).toEqual([10, 20, 30, 40, 50, 60]);
    expect(batches).toEqual([[1], [2, 3], [4, 5], [6]]);
  });

  it('runs each item of a failed batch alone, so only the bad one fails', async () => {
    const batches: string[][] = [];
    const coalescer = new Coalescer<string, string>(async (items) => {
      batches.push(items);
      if (items.includes('bad')) throw new Error('bad item');
      return items.map((s) => s.toUpperCase());
    });

    const settled = await Promise.allSettled(['a', 'bad', 'c'].map((s) => coalescer.submit(s)));

    expect(settled).toEqual([
      { status: 'fulfilled', value: 'A' },
      { status: 'rejected', reason: new Error('bad item') },
      { status: 'fulfilled', value: 'C' },
    ]);
    expect(batches).toEqual([['a', 'bad', 'c'], ['a'], ['bad'], ['c']]);
  });

  it('refuses a batch function that answers some items and not others', async () => {
    let broken = true;
    const coalescer = new Coalescer<number, number>(async (items) => (broken ? items.slice(1) : items));

    await expect(coalescer.submit(7)).rejects.toThrow('a batch of 1 gave 0 results');
    // The failure does not wedge it: the next caller gets a batch of its own.
    broken = false;
    await expect(coalescer.submit(8)).resolves.toBe(8);
  });
});
