/**
 * Makes frame timestamps strictly increasing even when the source restarts (a looping video
 * resets mediaTime to 0): the detector's smoothing and the rep machine both assume time only
 * moves forward. A backwards jump is bridged by one nominal frame interval.
 */
export class MonotonicTimestamps {
  #offsetMs = 0;
  #lastMs = -Infinity;
  readonly #nominalFrameMs: number;

  constructor(nominalFrameMs = 1000 / 30) {
    this.#nominalFrameMs = nominalFrameMs;
  }

  /** Returns the corrected timestamp and whether the source jumped back (a loop or a seek). */
  next(rawMs: number): { timestampMs: number; restarted: boolean } {
    let t = rawMs + this.#offsetMs;
    let restarted = false;
    if (t <= this.#lastMs) {
      restarted = rawMs + this.#offsetMs < this.#lastMs - this.#nominalFrameMs;
      this.#offsetMs += this.#lastMs + this.#nominalFrameMs - t;
      t = rawMs + this.#offsetMs;
    }
    this.#lastMs = t;
    return { timestampMs: t, restarted };
  }
}
