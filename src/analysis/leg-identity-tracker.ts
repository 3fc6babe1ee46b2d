/**
 * Keeps each leg's identity by continuity: MoveNet swaps left/right labels dozens of times on
 * side-view footage (docs/design.md#facing-and-working-leg), and on cable_kickback_cgi_dosipov (MoveNet Lightning) it
 * even puts both knees on the same leg while the ankles stay apart. So each joint type (knee,
 * ankle) is assigned on its own: the model's labels are kept unless the swapped assignment is
 * clearly closer to where each leg was last seen (hysteresis, so legs crossing at the bottom of
 * a rep keep their identity), and two observations collapsed onto one leg leave the other leg's
 * joint unknown rather than wrong.
 */
import type { Point2 } from '../pose/read-joint';

export interface LegPoints {
  hip: Point2 | null;
  knee: Point2 | null;
  ankle: Point2 | null;
}

export interface LegPair {
  left: LegPoints;
  right: LegPoints;
}

// ref: docs/design.md#facing-and-working-leg "keep leg identity by continuity, not by the model's label alone": a swap
// must explain the joint at least twice as well as the labels do...
const SWAP_COST_RATIO = 0.5;
// ...and by a tenth of a thigh, so near-identical costs (legs together) never swap.
const SWAP_MARGIN_FRAC = 0.1;
// ref: cable_kickback_cgi_dosipov (MoveNet Lightning, 1.7-2.1 s) puts both knees on one leg.
// Two observations closer than a quarter thigh while the legs were last seen more than half a
// thigh apart: the detector has put both on one leg.
const COLLAPSE_FRAC = 0.25;
export const APART_FRAC = 0.5;
// ref: docs/design.md#frame-rates, "3–30 processed fps": at a few frames per second a kicking leg travels well over
// a quarter thigh between frames, so "last seen apart, now together" is no evidence of a
// collapse there (two knees legitimately meet at the bottom of a rep); only judge it when frames
// are at most 150 ms apart (≥ ~7 fps).
const COLLAPSE_MAX_GAP_MS = 150;
// ref: Drillis & Contini 1966, shank ≈ thigh (segment-length-gate.ts). In the image a bent
// knee seen off-axis foreshortens them differently: the synthetic body over camera yaw ±50°,
// thigh −60..100° and knee 0..120° reads shank/thigh 0.61–1.45, so only a shank outside
// 1/1.8–1.8 thighs is not this knee's (cable_kickback_real_side_curvelog's mix-up reads 2.2).
const SHANK_PLAUSIBLE_RATIO = 1.8;

function dist(a: Point2 | null, b: Point2 | null): number | null {
  if (a === null || b === null) return null;
  const d = Math.hypot(a.x - b.x, a.y - b.y);
  return Number.isFinite(d) ? d : null;
}

function thighLength(p: LegPair, q: LegPair | null): number | null {
  return (
    dist(p.left.hip, p.left.knee) ??
    dist(p.right.hip, p.right.knee) ??
    (q === null ? null : (dist(q.left.hip, q.left.knee) ?? dist(q.right.hip, q.right.knee)))
  );
}

export class LegIdentityTracker {
  private last: LegPair | null = null;
  /** The previous frame's output alone (no older trail), for the collapse check. */
  private previous: LegPair | null = null;
  private lastMs: number | null = null;
  private corrections = 0;

  /** Joints reassigned so far (label swaps undone, collapsed joints dropped). */
  get correctionCount(): number {
    return this.corrections;
  }

  reset(): void {
    this.last = null;
    this.previous = null;
    this.lastMs = null;
    this.corrections = 0;
  }

  /** Returns the legs in tracked identity order. `timestampMs` tells how stale "last seen" is. */
  update(left: LegPoints, right: LegPoints, timestampMs: number): LegPair {
    const cur: LegPair = { left: { ...left }, right: { ...right } };
    const last = this.last;
    const thigh = thighLength(cur, last);
    const recent = this.lastMs !== null && timestampMs - this.lastMs <= COLLAPSE_MAX_GAP_MS;
    if (last !== null && thigh !== null) {
      for (const k of ['knee', 'ankle'] as const) this.assign(k, cur, last, thigh, recent);
    }
    this.anklesToKnees(cur);
    this.lastMs = timestampMs;
    this.previous = { left: { ...cur.left }, right: { ...cur.right } };
    this.last = {
      left: mergeLast(last?.left, cur.left),
      right: mergeLast(last?.right, cur.right),
    };
    return cur;
  }

  /**
   * An ankle belongs to the knee a shank away from it. Knees and ankles are followed one by one,
   * so when the legs cross at rest (side view: they overlap) the ankles can pick up the other
   * legs' trails; at the next kick one shank then spans from the kicking knee to the standing
   * ankle (cable_kickback_real_side_curvelog 0.3–1.2 s, BlazePose: shank 2.2 thighs). Swap the
   * ankles back only when the labels give an implausible shank and the swap makes both plausible.
   */
  private anklesToKnees(cur: LegPair): void {
    const { left, right } = cur;
    if (left.knee === null || right.knee === null || left.ankle === null || right.ankle === null) return;
    const thighL = dist(left.hip, left.knee) ?? dist(right.hip, right.knee);
    const thighR = dist(right.hip, right.knee) ?? thighL;
    if (thighL === null || thighR === null || !(thighL > 0) || !(thighR > 0)) return;
    const ok = (knee: Point2, ankle: Point2, thigh: number): boolean => {
      const r = (dist(knee, ankle) ?? 0) / thigh;
      return r >= 1 / SHANK_PLAUSIBLE_RATIO && r <= SHANK_PLAUSIBLE_RATIO;
    };
    const keepOk = ok(left.knee, left.ankle, thighL) && ok(right.knee, right.ankle, thighR);
    const swapOk = ok(left.knee, right.ankle, thighL) && ok(right.knee, left.ankle, thighR);
    if (!keepOk && swapOk) {
      cur.left = { ...left, ankle: right.ankle };
      cur.right = { ...right, ankle: left.ankle };
      this.corrections += 1;
    }
  }

  private assign(k: 'knee' | 'ankle', cur: LegPair, last: LegPair, thigh: number, recent: boolean): void {
    const oL = cur.left[k];
    const oR = cur.right[k];
    const pL = last.left[k];
    const pR = last.right[k];
    if (pL === null || pR === null) return;
    const lastApart = dist(pL, pR) ?? 0;
    if (oL !== null && oR !== null) {
      const apart = dist(oL, oR) ?? 0;
      // For ankles, "last seen apart" must mean both seen apart in the previous frame: a trail
      // kept from before a collapse would call every later frame of feet together (at rest, side
      // view) a collapse again (cable_kickback_real_side_curvelog mirrored, 2.4–3.0 s). Knees keep
      // the trail: MoveNet holds both knees on one leg for whole seconds (cable_kickback_cgi_dosipov).
      const freshApart = k === 'knee' ? lastApart : (dist(this.previous?.left[k] ?? null, this.previous?.right[k] ?? null) ?? 0);
      if (recent && apart < COLLAPSE_FRAC * thigh && lastApart > APART_FRAC * thigh && freshApart > APART_FRAC * thigh) {
        // Both on one leg: keep the observation for the leg it is near, drop the other.
        const m = { x: (oL.x + oR.x) / 2, y: (oL.y + oR.y) / 2 };
        const nearLeft = (dist(m, pL) ?? Infinity) <= (dist(m, pR) ?? Infinity);
        cur.left[k] = nearLeft ? m : null;
        cur.right[k] = nearLeft ? null : m;
        this.corrections += 1;
        return;
      }
      const keep = (dist(pL, oL) ?? 0) + (dist(pR, oR) ?? 0);
      const swap = (dist(pL, oR) ?? 0) + (dist(pR, oL) ?? 0);
      if (swap < SWAP_COST_RATIO * keep && keep - swap > SWAP_MARGIN_FRAC * thigh) {
        cur.left[k] = oR;
        cur.right[k] = oL;
        this.corrections += 1;
      }
      return;
    }
    // Only one leg's joint seen: move it to the other leg if it is clearly that one. Where the
    // legs were last seen overlapping (side view at rest), where a joint is says nothing about
    // whose it is: the model's label stands.
    const o = oL ?? oR;
    if (o === null || lastApart <= APART_FRAC * thigh) return;
    const labelledLeft = oL !== null;
    const dOwn = dist(labelledLeft ? pL : pR, o) ?? 0;
    const dOther = dist(labelledLeft ? pR : pL, o) ?? 0;
    if (dOther < SWAP_COST_RATIO * dOwn && dOwn - dOther > SWAP_MARGIN_FRAC * thigh) {
      cur.left[k] = labelledLeft ? null : o;
      cur.right[k] = labelledLeft ? o : null;
      this.corrections += 1;
    }
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
