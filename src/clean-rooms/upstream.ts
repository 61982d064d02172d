/**
 * Per-request control of AWS calls: at most `concurrency` in flight (loader batches can ask for
 * hundreds of Gets at once) and at most `maxCalls` in total for one GraphQL operation, so one
 * request can neither flood AWS nor run up an unbounded bill of calls.
 */

export class UpstreamBudgetExceeded extends Error {
  constructor(readonly maxCalls: number) {
    super(`This operation needs more than ${maxCalls} AWS calls; ask for fewer items or fields`);
    this.name = 'UpstreamBudgetExceeded';
  }
}

/** Told about every call when it ends (its duration and whether it succeeded). */
export type CallObserver = (operation: string, durationMs: number, ok: boolean) => void;

export class UpstreamScheduler {
  private active = 0;
  private readonly waiting: Array<() => void> = [];
  /** Calls started so far in this request. */
  calls = 0;
  private refusal?: () => Error;

  constructor(
    readonly concurrency: number,
    readonly maxCalls: number,
    private readonly observe?: CallObserver,
  ) {}

  /** From now on every call fails with `reason()` instead of reaching AWS. */
  refuse(reason: () => Error): void {
    this.refusal = reason;
  }

  async run<T>(operation: string, fn: () => Promise<T>): Promise<T> {
    if (this.refusal) throw this.refusal();
    if (this.calls >= this.maxCalls) throw new UpstreamBudgetExceeded(this.maxCalls);
    this.calls++;
    await this.acquire();
    const started = performance.now();
    let ok = false;
    try {
      const result = await fn();
      ok = true;
      return result;
    } finally {
      this.release();
      this.observe?.(operation, performance.now() - started, ok);
    }
  }

  /** Takes a free slot, or queues for one; a queued call is handed its slot by `release`. */
  private acquire(): Promise<void> | undefined {
    if (this.active < this.concurrency) {
      this.active++;
      return undefined;
    }
    return new Promise<void>((resolve) => this.waiting.push(resolve));
  }

  /**
   * Passes the slot straight to the oldest waiter (`active` unchanged). Decrementing first and
   * letting the waiter re-increment when it resumes would open a gap in which a newly arriving
   * call takes the slot too, and the bound would be exceeded.
   */
  private release(): void {
    const next = this.waiting.shift();
    if (next) next();
    else this.active--;
  }
}
