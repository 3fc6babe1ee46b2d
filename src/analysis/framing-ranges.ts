/**
 * Merges per-frame framing issues into time ranges, one per reason, so a report says "feet out
 * of frame 2.0–5.5 s" instead of listing frames.
 */
import type { FramingIssue, FramingRange, FramingReason } from './types';

/**
 * ref: docs/design.md#frame-rates, "3–30 processed fps must all work": one lost or misread frame at 3 fps leaves
 * 667 ms between the frames around it; a gap up to that is bridged, a longer one splits.
 */
export const FRAMING_MERGE_GAP_MS = 700;
/**
 * ref: as FRAMING_MERGE_GAP_MS: a problem seen in a single frame is one noisy reading (the
 * view classifier likewise takes a median over a second), not something to tell the lifter.
 */
export const FRAMING_MIN_FRAMES = 2;

interface OpenRange {
  range: FramingRange;
  frames: number;
}

export class FramingRangeTracker {
  private open = new Map<FramingReason, OpenRange>();
  private closed: FramingRange[] = [];

  /** Closed ranges, in start order (a range still open appears once closed or after finish()). */
  get ranges(): readonly FramingRange[] {
    return this.closed;
  }

  update(timestampMs: number, issues: readonly FramingIssue[]): void {
    for (const [reason, o] of this.open) {
      if (timestampMs - o.range.endMs > FRAMING_MERGE_GAP_MS) this.close(reason, o);
    }
    for (const issue of issues) {
      const o = this.open.get(issue.reason);
      if (o === undefined) {
        this.open.set(issue.reason, {
          range: { reason: issue.reason, message: issue.message, startMs: timestampMs, endMs: timestampMs },
          frames: 1,
        });
      } else {
        o.range.endMs = timestampMs;
        o.frames += 1;
      }
    }
  }

  /** The stream has ended: close every open range. */
  finish(): void {
    for (const [reason, o] of this.open) this.close(reason, o);
  }

  reset(): void {
    this.open.clear();
    this.closed = [];
  }

  private close(reason: FramingReason, o: OpenRange): void {
    this.open.delete(reason);
    if (o.frames < FRAMING_MIN_FRAMES) return;
    this.closed.push({ ...o.range });
    this.closed.sort((a, b) => a.startMs - b.startMs || a.endMs - b.endMs);
  }
}
