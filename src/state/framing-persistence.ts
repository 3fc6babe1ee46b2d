/**
 * Keeps the live framing banner steady: a framing problem shows once it has lasted `persistMs`
 * and stays until it has been gone longer than `toleranceMs`, so one odd frame (or one dropped
 * frame at 3 fps) neither flashes a banner nor hides one. Frame time only, never a clock.
 */
import type { FramingIssue, FramingReason } from '../analysis/types';

interface Seen {
  issue: FramingIssue;
  sinceMs: number;
  lastMs: number;
}

export class FramingPersistence {
  readonly #seen = new Map<FramingReason, Seen>();
  #lastMs: number | null = null;

  constructor(
    private readonly persistMs: number,
    private readonly toleranceMs: number,
  ) {
    if (!(persistMs >= 0) || !(toleranceMs >= 0)) {
      throw new RangeError(`expected persistMs and toleranceMs >= 0, got ${persistMs} and ${toleranceMs}`);
    }
  }

  /** Feeds one frame's issues; returns the ones that have lasted, in the order first seen. */
  update(timestampMs: number, issues: readonly FramingIssue[]): FramingIssue[] {
    // A new source restarts its clock, and a long gap (tab hidden, camera stalled) says nothing
    // about what happened in between: forget what was seen (as evaluate-frame does).
    if (this.#lastMs !== null && (timestampMs < this.#lastMs || timestampMs - this.#lastMs > this.toleranceMs)) this.reset();
    this.#lastMs = timestampMs;
    for (const issue of issues) {
      const seen = this.#seen.get(issue.reason);
      if (seen) {
        seen.issue = issue;
        seen.lastMs = timestampMs;
      } else {
        this.#seen.set(issue.reason, { issue, sinceMs: timestampMs, lastMs: timestampMs });
      }
    }
    const shown: FramingIssue[] = [];
    for (const [reason, seen] of this.#seen) {
      if (timestampMs - seen.lastMs > this.toleranceMs) this.#seen.delete(reason);
      else if (seen.lastMs - seen.sinceMs >= this.persistMs) shown.push(seen.issue);
    }
    return shown;
  }

  reset(): void {
    this.#seen.clear();
    this.#lastMs = null;
  }
}
