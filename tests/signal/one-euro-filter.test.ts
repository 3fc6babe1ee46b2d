import { describe, expect, it } from 'vitest';
import { DEFAULT_ANALYZER_OPTIONS } from '../../src/analysis/default-options';
import { LandmarkSmoother } from '../../src/signal/landmark-smoother';
import { OneEuroFilter } from '../../src/signal/one-euro-filter';
import { createPrng } from '../../src/synthetic/prng';

const analyserFilter = {
  minCutoffHz: DEFAULT_ANALYZER_OPTIONS.smoothingMinCutoffHz,
  beta: DEFAULT_ANALYZER_OPTIONS.smoothingBeta,
  derivateCutoffHz: DEFAULT_ANALYZER_OPTIONS.smoothingDerivateCutoffHz,
};

/** A 2 s kick of the knee: 0.25 image heights out and back, (1 − cos) shaped. */
function kick(tMs: number): number {
  return (0.25 * (1 - Math.cos((2 * Math.PI * tMs) / 2000))) / 2;
}

/** Shift (ms) that best aligns the filtered trace with the input: the filter's lag. */
function lagMs(fps: number): number {
  const f = new OneEuroFilter(analyserFilter);
  const t: number[] = [];
  const y: number[] = [];
  for (let k = 0; k <= 2 * fps; k += 1) {
    const tm = (k * 1000) / fps;
    t.push(tm);
    y.push(f.apply(kick(tm), tm));
  }
  let best = 0;
  let bestErr = Infinity;
  for (let shift = 0; shift <= 300; shift += 1) {
    let err = 0;
    t.forEach((tm, i) => {
      err += (kick(tm - shift) - (y[i] ?? 0)) ** 2;
    });
    if (err < bestErr) [best, bestErr] = [shift, err];
  }
  return best;
}

describe('One Euro filter', () => {
  it('lags a 2 s kick by about one 30 fps frame at most, also at 10 fps', () => {
    expect(lagMs(30)).toBeLessThanOrEqual(50);
    expect(lagMs(10)).toBeLessThanOrEqual(80);
  });

  it('a heavier setting lags more (the lag test can fail)', () => {
    const f = new OneEuroFilter({ minCutoffHz: 0.3, beta: 0 });
    let maxErr = 0;
    for (let k = 0; k <= 60; k += 1) {
      const tm = (k * 1000) / 30;
      maxErr = Math.max(maxErr, Math.abs(f.apply(kick(tm), tm) - kick(tm)));
    }
    expect(maxErr).toBeGreaterThan(0.05);
  });

  it('halves still-joint jitter', () => {
    const f = new OneEuroFilter(analyserFilter);
    const rng = createPrng(7);
    let sq = 0;
    let rawSq = 0;
    for (let k = 0; k < 300; k += 1) {
      const noise = 0.002 * rng.gaussian();
      const v = f.apply(0.5 + noise, (k * 1000) / 30);
      if (k > 30) {
        sq += (v - 0.5) ** 2;
        rawSq += noise ** 2;
      }
    }
    expect(Math.sqrt(sq / rawSq)).toBeLessThan(0.6);
  });

  it('starts afresh after a gap instead of smoothing across it', () => {
    const f = new OneEuroFilter({ ...analyserFilter, maxGapMs: 500 });
    for (let k = 0; k < 30; k += 1) f.apply(0, k * 33);
    expect(f.apply(1, 33 * 30 + 2000)).toBe(1);
    const g = new OneEuroFilter({ ...analyserFilter, maxGapMs: 5000 });
    for (let k = 0; k < 30; k += 1) g.apply(0, k * 33);
    expect(g.apply(1, 33 * 30 + 2000)).toBeLessThan(1);
  });

  it('reset() forgets history; repeated or older timestamps return the last output', () => {
    const f = new OneEuroFilter(analyserFilter);
    f.apply(0, 0);
    const a = f.apply(1, 33);
    expect(a).not.toBe(1);
    expect(f.apply(5, 33)).toBe(a);
    expect(f.apply(7, 20)).toBe(a);
    f.reset();
    expect(f.apply(3, 10)).toBe(3);
  });

  it('rejects nonsense options with "expected X, got Y"', () => {
    expect(() => new OneEuroFilter({ minCutoffHz: 0 })).toThrow('expected minCutoffHz > 0, got 0');
    expect(() => new OneEuroFilter({ beta: -1 })).toThrow('expected beta >= 0, got -1');
  });
});

describe('landmark smoother', () => {
  it('resets a joint that goes missing: the first reading after the hole is taken as it is', () => {
    const still = (s: LandmarkSmoother) => {
      for (let k = 0; k < 10; k += 1) s.apply([{ x: 100, y: 100, z: 0 }], k * 33, 480);
    };
    const moved = { x: 300, y: 200, z: 40 };
    const withHole = new LandmarkSmoother(analyserFilter);
    still(withHole);
    expect(withHole.apply([null], 330, 480)).toEqual([null]);
    const after = withHole.apply([moved], 363, 480)[0];
    expect(after?.x).toBeCloseTo(moved.x, 9);
    expect(after?.y).toBeCloseTo(moved.y, 9);
    expect(after?.z).toBeCloseTo(moved.z, 9);
    // The same reading without the hole is blended with where the joint was: the reset matters.
    const noHole = new LandmarkSmoother(analyserFilter);
    still(noHole);
    noHole.apply([{ x: 100, y: 100, z: 0 }], 330, 480);
    const blended = noHole.apply([moved], 363, 480)[0];
    expect(blended?.x).toBeLessThan(moved.x - 1);
    expect(blended?.y).toBeLessThan(moved.y - 1);
    expect(blended?.z).toBeLessThan(moved.z - 1);
  });

  it('smooths every coordinate and is resolution-independent', () => {
    const s = new LandmarkSmoother(analyserFilter);
    const big = new LandmarkSmoother(analyserFilter);
    let last: ({ x: number; y: number } | null)[] = [];
    let lastBig: ({ x: number; y: number } | null)[] = [];
    for (let k = 0; k < 20; k += 1) {
      const t = k * 33;
      last = s.apply([{ x: 100 + k, y: 50 }, k === 10 ? null : { x: 10, y: 10 + k }], t, 480);
      lastBig = big.apply([{ x: 2 * (100 + k), y: 100 }, k === 10 ? null : { x: 20, y: 2 * (10 + k) }], t, 960);
    }
    expect(last[0]?.x).toBeLessThan(119);
    expect(last[0]?.x).toBeGreaterThan(110);
    expect(lastBig[0]?.x).toBeCloseTo(2 * (last[0]?.x ?? 0), 6);
    expect(() => s.apply([{ x: 1, y: 1 }], 1000, 0)).toThrow('expected scale > 0, got 0');
    const withHole = s.apply([null, { x: 10, y: 40 }], 700, 480);
    expect(withHole[0]).toBeNull();
  });
});
