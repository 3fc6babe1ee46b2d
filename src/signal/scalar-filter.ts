/** A stateful filter over a time series; time is an argument, never read from a clock. */
export interface ScalarFilter {
  /** Filters one sample; timestamps must increase between calls (a repeat returns the input). */
  apply(value: number, timestampMs: number): number;
  /** Forget all history (after a gap, a lost person or a leg swap). */
  reset(): void;
}
