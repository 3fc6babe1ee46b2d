/** A stateful filter over a time series; time is an argument, never read from a clock. */
export interface ScalarFilter {
  /**
   * Filters one sample. Timestamps must increase between calls: a repeated or older timestamp
   * changes nothing and returns the last output (the input when there is none yet).
   */
  apply(value: number, timestampMs: number): number;
  /** Forget all history (after a gap, a lost person or a leg swap). */
  reset(): void;
}
