/**
 * Which leg kicks: the one whose thigh elevation varies most over the last seconds
 * (docs/design.md#facing-and-working-leg), held with hysteresis so a resting leg's sway cannot steal the label, but switchable
 * when the user changes legs. Both legs moving alike (squat) decides nothing.
 *
 * Samples are pooled into short bins (mean per bin); the window's range is the spread of the bin
 * means, recomputed only when a bin closes, so the per-frame cost does not grow with the window.
 */
import { quantile } from '../signal/robust-stats';
import type { Side } from './types';

export interface WorkingLegOptions {
  windowMs: number;
  switchRatio: number;
}

// ref: docs/design.md#visibility-gate single-camera error 4–8°: a leg must swing more than that to be "working".
const MIN_WORKING_RANGE_DEG = 10;
// ref: docs/design.md#facing-and-working-leg "varies most over the last seconds"; robust range: 5th–95th percentile of the bin means, so one wild frame does not decide the leg.
const RANGE_LOW_Q = 0.05;
const RANGE_HIGH_Q = 0.95;
// ref: docs/design.md#form-rules tempo (a lift takes ≥ 0.6 s): a quarter second per bin: a 1 s lift still spans four bins, and 30 fps pools ~8 frames.
const BIN_MS = 250;

interface Bin {
  startMs: number;
  left: number | null;
  right: number | null;
}

export class WorkingLegTracker {
  private readonly opts: WorkingLegOptions;
  private bins: Bin[] = [];
  private acc = { startMs: Number.NaN, ls: 0, ln: 0, rs: 0, rn: 0 };
  private leg: Side | null = null;
  private cached: { left: number | null; right: number | null } = { left: null, right: null };

  constructor(options: WorkingLegOptions) {
    this.opts = { ...options };
  }

  get current(): Side | null {
    return this.leg;
  }

  reset(): void {
    this.bins = [];
    this.acc = { startMs: Number.NaN, ls: 0, ln: 0, rs: 0, rn: 0 };
    this.leg = null;
    this.cached = { left: null, right: null };
  }

  /** Set the working leg from outside (a clean unilateral rep on it proved the switch). */
  force(leg: Side): void {
    this.leg = leg;
  }

  /** Thigh-elevation range of each leg over the window (null when unseen), as of the last bin. */
  ranges(): { left: number | null; right: number | null } {
    return this.cached;
  }

  update(timestampMs: number, leftThighDeg: number | null, rightThighDeg: number | null): Side | null {
    const a = this.acc;
    if (Number.isNaN(a.startMs)) a.startMs = timestampMs;
    if (timestampMs - a.startMs >= BIN_MS) {
      this.bins.push({ startMs: a.startMs, left: a.ln > 0 ? a.ls / a.ln : null, right: a.rn > 0 ? a.rs / a.rn : null });
      this.acc = { startMs: timestampMs, ls: 0, ln: 0, rs: 0, rn: 0 };
      while (this.bins.length > 0 && (this.bins[0]?.startMs ?? 0) < timestampMs - this.opts.windowMs) this.bins.shift();
      this.cached = { left: this.range('left'), right: this.range('right') };
      this.decide();
    }
    const b = this.acc;
    if (leftThighDeg !== null && Number.isFinite(leftThighDeg)) {
      b.ls += leftThighDeg;
      b.ln += 1;
    }
    if (rightThighDeg !== null && Number.isFinite(rightThighDeg)) {
      b.rs += rightThighDeg;
      b.rn += 1;
    }
    return this.leg;
  }

  private decide(): void {
    const left = this.cached.left ?? 0;
    const right = this.cached.right ?? 0;
    const ratio = this.opts.switchRatio;
    if (this.leg === null) {
      if (left >= MIN_WORKING_RANGE_DEG && left >= ratio * right) this.leg = 'left';
      else if (right >= MIN_WORKING_RANGE_DEG && right >= ratio * left) this.leg = 'right';
    } else {
      const other: Side = this.leg === 'left' ? 'right' : 'left';
      const mine = this.leg === 'left' ? left : right;
      const theirs = other === 'left' ? left : right;
      if (theirs >= MIN_WORKING_RANGE_DEG && theirs >= ratio * mine) this.leg = other;
    }
  }

  private range(side: Side): number | null {
    const values = this.bins.map((s) => s[side]);
    const lo = quantile(values, RANGE_LOW_Q);
    const hi = quantile(values, RANGE_HIGH_Q);
    return lo === null || hi === null ? null : hi - lo;
  }
}
