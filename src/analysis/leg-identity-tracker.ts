/**
 * Keeps each leg's identity by continuity: MoveNet swaps left/right labels dozens of times on
 * side-view footage (DESIGN.md §2), which would make the "working" thigh jump between legs.
 * Each frame, the labelled assignment is compared with the swapped one against where each leg
 * was last seen; the labels are swapped only when that is clearly closer (hysteresis), so legs
 * crossing at the bottom of a rep keep their identity.
 */
import type { Point2 } from '../pose/read-joint';

export interface LegPoints {
  hip: Point2 | null;
  knee: Point2 | null;
  ankle: Point2 | null;
}

// A swap must explain the frame at least twice as well as the labels do...
const SWAP_COST_RATIO = 0.5;
// ...and by a margin of a tenth of a thigh, so two near-identical costs (legs together) never swap.
const SWAP_MARGIN_FRAC = 0.1;

function dist(a: Point2 | null, b: Point2 | null): number | null {
  if (a === null || b === null) return null;
  const d = Math.hypot(a.x - b.x, a.y - b.y);
  return Number.isFinite(d) ? d : null;
}

function legCost(prev: LegPoints, now: LegPoints): { sum: number; n: number } {
  let sum = 0;
  let n = 0;
  for (const k of ['knee', 'ankle'] as const) {
    const d = dist(prev[k], now[k]);
    if (d !== null) {
      sum += d;
      n += 1;
    }
  }
  return { sum, n };
}

export class LegIdentityTracker {
  private last: { left: LegPoints; right: LegPoints } | null = null;
  private swapped = false;
  private agree = 0;
  private disagree = 0;

  /** True while the model's labels are being read swapped. */
  get isSwapped(): boolean {
    return this.swapped;
  }

  /**
   * Share of frames in which the tracked identity disagreed with the model's label: above 0.5
   * the model's majority says our "left" is really its right.
   */
  get disagreementShare(): number {
    const n = this.agree + this.disagree;
    return n === 0 ? 0 : this.disagree / n;
  }

  reset(): void {
    this.last = null;
    this.swapped = false;
    this.agree = 0;
    this.disagree = 0;
  }

  /** Returns the legs in tracked identity order (possibly the model's labels swapped). */
  update(left: LegPoints, right: LegPoints): { left: LegPoints; right: LegPoints; swapped: boolean } {
    const cur = this.swapped ? { left: right, right: left } : { left, right };
    const last = this.last;
    if (last !== null) {
      const keepL = legCost(last.left, cur.left);
      const keepR = legCost(last.right, cur.right);
      const swapL = legCost(last.left, cur.right);
      const swapR = legCost(last.right, cur.left);
      const thigh =
        dist(cur.left.hip, cur.left.knee) ?? dist(cur.right.hip, cur.right.knee) ?? dist(last.left.hip, last.left.knee);
      if (keepL.n + keepR.n === 4 && swapL.n + swapR.n === 4 && thigh !== null) {
        const keep = keepL.sum + keepR.sum;
        const swap = swapL.sum + swapR.sum;
        if (swap < SWAP_COST_RATIO * keep && keep - swap > SWAP_MARGIN_FRAC * thigh) {
          this.swapped = !this.swapped;
          const t = cur.left;
          cur.left = cur.right;
          cur.right = t;
        }
      }
    }
    if (this.swapped) this.disagree += 1;
    else this.agree += 1;
    this.last = {
      left: mergeLast(last?.left, cur.left),
      right: mergeLast(last?.right, cur.right),
    };
    return { left: cur.left, right: cur.right, swapped: this.swapped };
  }
}

/** Remember where each joint was last seen, so a hidden frame does not erase the trail. */
function mergeLast(prev: LegPoints | undefined, now: LegPoints): LegPoints {
  return {
    hip: now.hip ?? prev?.hip ?? null,
    knee: now.knee ?? prev?.knee ?? null,
    ankle: now.ankle ?? prev?.ankle ?? null,
  };
}
