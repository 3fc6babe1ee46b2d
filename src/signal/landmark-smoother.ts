/**
 * One Euro filter per joint and coordinate (like pose-detection's KeypointsOneEuroFilter).
 * Coordinates are divided by `scale` before filtering (image height for pixels, 1 for metres) so
 * one `beta` works for any resolution. A missing joint resets its own filters: smoothing across
 * a hole would drag the joint from where it was seen last.
 */
import { OneEuroFilter, type OneEuroOptions } from './one-euro-filter';

export interface SmoothablePoint {
  x: number;
  y: number;
  z?: number;
}

interface JointFilters {
  x: OneEuroFilter;
  y: OneEuroFilter;
  z: OneEuroFilter;
}

export class LandmarkSmoother {
  private readonly opts: Partial<OneEuroOptions>;
  private filters: (JointFilters | undefined)[] = [];

  constructor(options: Partial<OneEuroOptions> = {}) {
    this.opts = { ...options };
  }

  /** Points are returned as new {x, y[, z]} objects; other properties are not copied. */
  apply<P extends SmoothablePoint>(
    points: readonly (P | null)[],
    timestampMs: number,
    scale: number,
  ): (P | null)[] {
    if (!(scale > 0)) throw new RangeError(`expected scale > 0, got ${scale}`);
    const out: (P | null)[] = [];
    for (let i = 0; i < points.length; i += 1) {
      const p = points[i] ?? null;
      if (p === null) {
        this.filters[i]?.x.reset();
        this.filters[i]?.y.reset();
        this.filters[i]?.z.reset();
        out.push(null);
        continue;
      }
      let f = this.filters[i];
      if (f === undefined) {
        f = {
          x: new OneEuroFilter(this.opts),
          y: new OneEuroFilter(this.opts),
          z: new OneEuroFilter(this.opts),
        };
        this.filters[i] = f;
      }
      const x = f.x.apply(p.x / scale, timestampMs) * scale;
      const y = f.y.apply(p.y / scale, timestampMs) * scale;
      // A fresh plain object (not a spread of the input) keeps one object shape per call site.
      const q = (p.z === undefined ? { x, y } : { x, y, z: f.z.apply(p.z / scale, timestampMs) * scale }) as P;
      out.push(q);
    }
    return out;
  }

  reset(): void {
    this.filters = [];
  }
}
