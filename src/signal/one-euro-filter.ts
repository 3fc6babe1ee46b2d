/**
 * One Euro filter (Casiez, Roussel & Vogel, CHI 2012): a low-pass filter whose cutoff rises with
 * speed, so a still joint is steady and a kicking leg is not lagged. Same shape as
 * tfjs-models pose-detection's OneEuroFilter, with time passed in milliseconds and a reset on gaps.
 */
import { LowPassFilter } from './low-pass-filter';
import type { ScalarFilter } from './scalar-filter';

export interface OneEuroOptions {
  /** Cutoff when still, Hz: lower = steadier, more lag at low speed. */
  minCutoffHz: number;
  /** How fast the cutoff rises with speed, Hz per (value unit / s). */
  beta: number;
  /** Cutoff for the speed estimate, Hz. */
  derivateCutoffHz: number;
  /** A longer gap between samples starts afresh instead of smoothing across it. */
  maxGapMs: number;
}

export const DEFAULT_ONE_EURO_OPTIONS: Readonly<OneEuroOptions> = Object.freeze({
  // ref: Casiez et al. 2012 tuning procedure (minCutoff for still jitter, then beta until fast
  // motion shows no lag), values in image heights (see landmark-smoother.ts): a 2 s kick lags
  // about one 30 fps frame and still jitter is halved (tests/signal/one-euro-filter.test.ts).
  minCutoffHz: 2,
  beta: 40,
  derivateCutoffHz: 1,
  // ref: docs/design.md#frame-rates, 3 fps must work (333 ms between frames); 1.5 s is several lost frames.
  maxGapMs: 1500,
});

function alphaFor(cutoffHz: number, dtS: number): number {
  const tau = 1 / (2 * Math.PI * cutoffHz);
  return 1 / (1 + tau / dtS);
}

export class OneEuroFilter implements ScalarFilter {
  private readonly opts: OneEuroOptions;
  private readonly x = new LowPassFilter();
  private readonly dx = new LowPassFilter();
  private lastTimestampMs: number | null = null;
  private lastRaw: number | null = null;

  constructor(options: Partial<OneEuroOptions> = {}) {
    this.opts = { ...DEFAULT_ONE_EURO_OPTIONS, ...options };
    if (!(this.opts.minCutoffHz > 0)) {
      throw new RangeError(`expected minCutoffHz > 0, got ${this.opts.minCutoffHz}`);
    }
    if (!(this.opts.derivateCutoffHz > 0)) {
      throw new RangeError(`expected derivateCutoffHz > 0, got ${this.opts.derivateCutoffHz}`);
    }
    if (!(this.opts.beta >= 0)) throw new RangeError(`expected beta >= 0, got ${this.opts.beta}`);
  }

  apply(value: number, timestampMs: number): number {
    if (!Number.isFinite(value)) return value;
    const last = this.lastTimestampMs;
    if (last !== null && timestampMs <= last) return this.x.value ?? value;
    if (last !== null && timestampMs - last > this.opts.maxGapMs) this.reset();
    const prevT = this.lastTimestampMs;
    const prevRaw = this.lastRaw;
    this.lastTimestampMs = timestampMs;
    this.lastRaw = value;
    if (prevT === null || prevRaw === null) {
      this.dx.applyWithAlpha(0, 1);
      return this.x.applyWithAlpha(value, 1);
    }
    const dtS = (timestampMs - prevT) / 1000;
    const speed = (value - prevRaw) / dtS;
    const smoothSpeed = this.dx.applyWithAlpha(speed, alphaFor(this.opts.derivateCutoffHz, dtS));
    const cutoff = this.opts.minCutoffHz + this.opts.beta * Math.abs(smoothSpeed);
    return this.x.applyWithAlpha(value, alphaFor(cutoff, dtS));
  }

  reset(): void {
    this.x.reset();
    this.dx.reset();
    this.lastTimestampMs = null;
    this.lastRaw = null;
  }
}
