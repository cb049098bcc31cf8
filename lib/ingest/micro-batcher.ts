// Gathers calls made within a few milliseconds of each other into one batch (one multi-row statement instead
// of one round trip per caller). Each caller's promise settles with ITS OWN result once the batch has run:
// nothing is answered before its write is done, and a batch that fails fails every caller in it.
export type TMicroBatcherOptions<I, O> = {
  /** How long the first call of a batch waits for company. */
  maxWaitMs: number;
  /** A batch this large runs at once. */
  maxSize: number;
  /** Runs one batch: one settled result per item, in order (a rejection fails the whole batch). */
  run: (items: I[]) => Promise<PromiseSettledResult<O>[]>;
};

export type TMicroBatcher<I, O> = { submit(item: I): Promise<O> };

type TPending<I, O> = { item: I; resolve: (value: O) => void; reject: (reason: unknown) => void };

export function createMicroBatcher<I, O>(opts: TMicroBatcherOptions<I, O>): TMicroBatcher<I, O> {
  let pending: TPending<I, O>[] = [];
  let timer: ReturnType<typeof setTimeout> | null = null;

  const flush = () => {
    if (timer) clearTimeout(timer);
    timer = null;
    const batch = pending;
    pending = [];
    if (batch.length === 0) return;
    let running: Promise<PromiseSettledResult<O>[]>;
    try {
      running = opts.run(batch.map((p) => p.item));
    } catch (error) {
      running = Promise.reject(error);
    }
    running
      .then((results) => {
        if (results.length !== batch.length) throw new Error(`micro-batch gave ${results.length} results for ${batch.length} items`);
        batch.forEach((p, i) => {
          const r = results[i]!;
          if (r.status === 'fulfilled') p.resolve(r.value);
          else p.reject(r.reason);
        });
      })
      .catch((error: unknown) => {
        for (const p of batch) p.reject(error);
      });
  };

  return {
    submit(item) {
      return new Promise<O>((resolve, reject) => {
        pending.push({ item, resolve, reject });
        if (pending.length >= opts.maxSize) flush();
        else timer ??= setTimeout(flush, opts.maxWaitMs);
      });
    },
  };
}
