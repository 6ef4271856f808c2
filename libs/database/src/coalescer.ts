/**
 * Group commit for concurrent callers: calls that arrive while a batch is running (or in the same tick)
 * are handled together by one `run` over all of them, so N jobs in flight cost one round of statements
 * instead of N. Each caller still gets its own answer, or its own error: when a batch of several fails,
 * each item is run again alone, so one bad item fails only its own caller (and its own job retries).
 *
 * Only one batch runs at a time per coalescer; callers never wait for more than the batch before theirs.
 */
export class Coalescer<T, R> {
  private pending: Waiting<T, R>[] = [];
  private running = false;

  /**
   * @param run handles a batch; returns one result per item, in the items' order.
   * @param maxBatch the most items one `run` gets; the rest wait for the next batch.
   */
  constructor(
    private readonly run: (items: T[]) => Promise<R[]>,
    private readonly maxBatch = 100,
  ) {
    if (!Number.isInteger(maxBatch) || maxBatch < 1) throw new Error('maxBatch must be a positive integer');
  }

  submit(item: T): Promise<R> {
    return new Promise<R>((resolve, reject) => {
      this.pending.push({ item, resolve, reject });
      // The first caller of a quiet spell waits one turn of the event loop, so callers of the same tick join.
      if (!this.running) {
        this.running = true;
        setImmediate(() => void this.drain());
      }
    });
  }

  private async drain(): Promise<void> {
    try {
      while (this.pending.length > 0) {
        const batch = this.pending.splice(0, this.maxBatch);
        await this.settle(batch);
      }
    } finally {
      this.running = false;
    }
  }

  private async settle(batch: Waiting<T, R>[]): Promise<void> {
    try {
      const results = await this.run(batch.map((w) => w.item));
      if (results.length !== batch.length)
        throw new Error(`a batch of ${batch.length} gave ${results.length} results`);
      batch.forEach((w, i) => w.resolve(results[i]));
    } catch (error) {
      if (batch.length === 1) {
        batch[0].reject(error);
        return;
      }
      for (const one of batch) await this.settle([one]);
    }
  }
}

interface Waiting<T, R> {
  item: T;
  resolve: (result: R) => void;
  reject: (error: unknown) => void;
}
