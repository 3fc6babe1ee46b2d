/** Events per second over a sliding window; time is passed in so it can be tested. */
export class RateMeter {
  #times: number[] = [];
  readonly #windowMs: number;

  constructor(windowMs = 2000) {
    this.#windowMs = windowMs;
  }

  tick(nowMs: number): void {
    this.#times.push(nowMs);
    this.#trim(nowMs);
  }

  rate(nowMs: number): number {
    this.#trim(nowMs);
    if (this.#times.length < 2) return 0;
    const first = this.#times[0]!;
    const spanMs = nowMs - first;
    return spanMs > 0 ? ((this.#times.length - 1) * 1000) / spanMs : 0;
  }

  #trim(nowMs: number): void {
    while (this.#times.length && nowMs - this.#times[0]! > this.#windowMs) this.#times.shift();
  }
}
