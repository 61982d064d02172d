/** Counts of API requests served, by operation: every HTTP request, retries and failures too. */
import type { OperationName } from '../constraints/table';

export class CallStats {
  private calls = new Map<OperationName, number>();
  private errors = new Map<string, number>();

  record(operation: OperationName): void {
    this.calls.set(operation, (this.calls.get(operation) ?? 0) + 1);
  }

  recordError(errorType: string): void {
    this.errors.set(errorType, (this.errors.get(errorType) ?? 0) + 1);
  }

  reset(): void {
    this.calls.clear();
    this.errors.clear();
  }

  count(operation: OperationName): number {
    return this.calls.get(operation) ?? 0;
  }

  total(): number {
    let n = 0;
    for (const v of this.calls.values()) n += v;
    return n;
  }

  snapshot(): { calls: Record<string, number>; total: number; errors: Record<string, number> } {
    return {
      calls: Object.fromEntries(this.calls),
      total: this.total(),
      errors: Object.fromEntries(this.errors),
    };
  }
}
