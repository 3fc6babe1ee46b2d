/**
 * Which leg kicks: the one whose thigh elevation varies most over the last seconds (DESIGN.md
 * §2), held with hysteresis so a resting leg's sway cannot steal the label, but switchable
 * when the user changes legs. Both legs moving alike (squat) decides nothing.
 */
import { quantile } from '../signal/robust-stats';
import type { Side } from './types';

export interface WorkingLegOptions {
  windowMs: number;
  switchRatio: number;
}

// ref: DESIGN.md §2 single-camera error 4–8°: a leg must swing more than that to be "working".
const MIN_WORKING_RANGE_DEG = 10;
// Robust range: 5th–95th percentile, so one wild frame does not decide the leg.
const RANGE_LOW_Q = 0.05;
const RANGE_HIGH_Q = 0.95;

interface Sample {
  t: number;
  left: number | null;
  right: number | null;
}

export class WorkingLegTracker {
  private readonly opts: WorkingLegOptions;
  private samples: Sample[] = [];
  private leg: Side | null = null;

  constructor(options: WorkingLegOptions) {
    this.opts = { ...options };
  }

  get current(): Side | null {
    return this.leg;
  }

  reset(): void {
    this.samples = [];
    this.leg = null;
  }

  /** Set the working leg from outside (a clean unilateral rep on it proved the switch). */
  force(leg: Side): void {
    this.leg = leg;
  }

  /** Thigh-elevation range of each leg over the window (null when unseen). */
  ranges(): { left: number | null; right: number | null } {
    return { left: this.range('left'), right: this.range('right') };
  }

  update(timestampMs: number, leftThighDeg: number | null, rightThighDeg: number | null): Side | null {
    this.samples.push({ t: timestampMs, left: leftThighDeg, right: rightThighDeg });
    while (this.samples.length > 0 && (this.samples[0]?.t ?? 0) < timestampMs - this.opts.windowMs) {
      this.samples.shift();
    }
    const left = this.range('left') ?? 0;
    const right = this.range('right') ?? 0;
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
    return this.leg;
  }

  private range(side: Side): number | null {
    const values = this.samples.map((s) => s[side]);
    const lo = quantile(values, RANGE_LOW_Q);
    const hi = quantile(values, RANGE_HIGH_Q);
    return lo === null || hi === null ? null : hi - lo;
  }
}
