/**
 * How many worker restarts are allowed: at most `max` within any `windowMs` (a sliding window),
 * so a long session that crashes now and then keeps going, while a worker that dies again and
 * again right after each restart is given up on. Pure: time is passed in.
 */
export interface RestartBudgetOptions {
  max: number;
  windowMs: number;
}

/**
 * ref: docs/design.md#reliability, live app "the restart budget counts per minute, not per page"; 3 is the per-page
 * budget it replaces (a model that crashes 3 times in a minute will crash a 4th time).
 */
export const DEFAULT_RESTART_BUDGET: RestartBudgetOptions = { max: 3, windowMs: 60_000 };

export class RestartBudget {
  readonly #opts: RestartBudgetOptions;
  #takenAtMs: number[] = [];

  constructor(options: Partial<RestartBudgetOptions> = {}) {
    this.#opts = { ...DEFAULT_RESTART_BUDGET, ...options };
    if (!(Number.isInteger(this.#opts.max) && this.#opts.max >= 0)) throw new RangeError(`expected max a whole number ≥ 0, got ${this.#opts.max}`);
    if (!(this.#opts.windowMs > 0)) throw new RangeError(`expected windowMs > 0, got ${this.#opts.windowMs}`);
  }

  get max(): number {
    return this.#opts.max;
  }

  get windowMs(): number {
    return this.#opts.windowMs;
  }

  /** Restarts counted in the window ending now. */
  used(nowMs: number): number {
    this.#forget(nowMs);
    return this.#takenAtMs.length;
  }

  /** Takes one restart if the window has room; false when the budget is spent. */
  take(nowMs: number): boolean {
    this.#forget(nowMs);
    if (this.#takenAtMs.length >= this.#opts.max) return false;
    this.#takenAtMs.push(nowMs);
    return true;
  }

  #forget(nowMs: number): void {
    while (this.#takenAtMs.length && nowMs - this.#takenAtMs[0]! >= this.#opts.windowMs) this.#takenAtMs.shift();
  }
}
