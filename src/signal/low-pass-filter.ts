/** First-order exponential smoothing with a per-sample alpha (the One Euro filter's building block). */
export class LowPassFilter {
  private last: number | null = null;

  get value(): number | null {
    return this.last;
  }

  applyWithAlpha(value: number, alpha: number): number {
    const next = this.last === null ? value : alpha * value + (1 - alpha) * this.last;
    this.last = next;
    return next;
  }

  reset(): void {
    this.last = null;
  }
}
