/**
 * Sticky facing: the mean facing score (src/geometry/facing-score.ts) over the last second
 * decides, and an unclear second keeps the previous answer, so a front-on moment or a noisy
 * head does not flip every sign in the analysis.
 */
import type { Side } from './types';

// ref: facing-score.ts, each cue saturates at ±1: a mean of 0.5 is one clear cue, or several
// weak ones agreeing.
const DECIDE_SCORE = 0.5;
const WINDOW_MS = 1000;

export class FacingTracker {
  private scores: { t: number; s: number }[] = [];
  private sum = 0;
  private facing: Side | null = null;

  get current(): Side | null {
    return this.facing;
  }

  reset(): void {
    this.scores = [];
    this.sum = 0;
    this.facing = null;
  }

  update(timestampMs: number, score: number | null): Side | null {
    if (score !== null && Number.isFinite(score)) {
      this.scores.push({ t: timestampMs, s: score });
      this.sum += score;
    }
    while (this.scores.length > 0 && (this.scores[0]?.t ?? 0) < timestampMs - WINDOW_MS) {
      this.sum -= this.scores.shift()?.s ?? 0;
    }
    if (this.scores.length === 0) {
      this.sum = 0;
      return this.facing;
    }
    const m = this.sum / this.scores.length;
    if (m >= DECIDE_SCORE) this.facing = 'right';
    else if (m <= -DECIDE_SCORE) this.facing = 'left';
    return this.facing;
  }
}
