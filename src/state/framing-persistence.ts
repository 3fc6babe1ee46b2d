/**
 * Keeps the live framing banner steady: a framing problem shows once it has lasted `persistMs`
 * and stays until it has been missing for longer than `toleranceMs`, so one odd frame (or one
 * dropped frame) neither flashes a banner nor hides one. Time is frame time, never a clock, and
 * continuity is judged on the frames that arrive: on a slow machine (under 1 processed fps) a
 * problem seen on every frame still shows, however far apart the frames are, and after a pause
 * (tab hidden) a problem only stays if the next frame still has it.
 */
import type { FramingReason } from '../analysis/types';
import type { LiveFramingIssue } from './frame-framing';

interface Seen {
  issue: LiveFramingIssue;
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
  update(timestampMs: number, issues: readonly LiveFramingIssue[]): LiveFramingIssue[] {
    // A new source restarts its clock: what was seen before says nothing about it.
    if (this.#lastMs !== null && timestampMs < this.#lastMs) this.reset();
    this.#lastMs = timestampMs;
    const present = new Set<FramingReason>();
    for (const issue of issues) {
      present.add(issue.reason);
      const seen = this.#seen.get(issue.reason);
      if (seen) {
        // Once it has stopped counting, it says so for as long as it lasts: an analyser that
        // flips between two reasons frame by frame still counts nothing meanwhile.
        seen.issue = { ...issue, pausesCounting: seen.issue.pausesCounting || issue.pausesCounting };
        seen.lastMs = timestampMs;
      } else {
        this.#seen.set(issue.reason, { issue, sinceMs: timestampMs, lastMs: timestampMs });
      }
    }
    const shown: LiveFramingIssue[] = [];
    for (const [reason, seen] of this.#seen) {
      if (!present.has(reason) && timestampMs - seen.lastMs > this.toleranceMs) this.#seen.delete(reason);
      else if (seen.lastMs - seen.sinceMs >= this.persistMs) shown.push(seen.issue);
    }
    return shown;
  }

  reset(): void {
    this.#seen.clear();
    this.#lastMs = null;
  }
}
