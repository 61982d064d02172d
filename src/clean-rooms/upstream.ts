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
    if (this.active >= this.concurrency) {
      await new Promise<void>((resolve) => this.waiting.push(resolve));
    }
    this.active++;
    const started = performance.now();
    let ok = false;
    try {
      const result = await fn();
      ok = true;
      return result;
    } finally {
      this.active--;
      this.waiting.shift()?.();
      this.observe?.(operation, performance.now() - started, ok);
    }
  }
}
