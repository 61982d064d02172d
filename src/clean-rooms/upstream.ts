/**
 * Per-request control of AWS calls: at most `concurrency` in flight (loader batches can ask for
 * hundreds of Gets at once) and at most `maxCalls` in total for one GraphQL operation — SDK
 * retries included — so one request can neither flood AWS nor run up an unbounded bill of calls.
 * The budget starts at MAX_UPSTREAM_CALLS and narrows to the operation's static estimate once it
 * is known, which makes `calls <= estimate` hold however AWS answers.
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
  /** Attempts reserved against the budget so far: first attempts and retries. */
  calls = 0;
  /** Retries among `calls`. */
  retries = 0;
  /** Attempts that really went out to AWS (a call refused by the rate limiter never does). */
  sent = 0;
  private refusal?: () => Error;

  constructor(
    readonly concurrency: number,
    private maxCalls: number,
    private readonly observe?: CallObserver,
  ) {}

  /** From now on every call fails with `reason()` instead of reaching AWS. */
  refuse(reason: () => Error): void {
    this.refusal = reason;
  }

  /** Narrows the budget (to the operation's estimate); it never grows. */
  limit(maxCalls: number): void {
    this.maxCalls = Math.min(this.maxCalls, maxCalls);
  }

  get budget(): number {
    return this.maxCalls;
  }

  /** Counts one more attempt of a call that is already running, if the budget allows it. */
  allowRetry(): boolean {
    if (this.calls >= this.maxCalls) return false;
    this.calls++;
    this.retries++;
    return true;
  }

  countSent(): void {
    this.sent++;
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
