import { describe, expect, it } from 'vitest';
import { FileProgressEstimator, describeFileProgress, formatDuration } from '../../src/state/file-progress';

/** Samples every `stepMs` of wall time while the video advances at `speed` × real time. */
function run(est: FileProgressEstimator, { fromS = 0, toS, speed, durationS, stepMs = 250, startMs = 0 }: { fromS?: number; toS: number; speed: number; durationS: number; stepMs?: number; startMs?: number }): number {
  let nowMs = startMs;
  for (let doneS = fromS; doneS <= toS + 1e-9; doneS += (speed * stepMs) / 1000) {
    est.sample(doneS, durationS, nowMs);
    nowMs += stepMs;
  }
  return nowMs;
}

describe('FileProgressEstimator', () => {
  it('reports the part of the video done, clamped to 0..1', () => {
    const est = new FileProgressEstimator();
    est.sample(5, 20, 0);
    expect(est.progress.fraction).toBeCloseTo(0.25, 9);
    est.sample(25, 20, 100);
    expect(est.progress.fraction).toBe(1);
    expect(est.progress.doneS).toBe(20);
  });

  it('gives no time left until enough intervals and wall time are measured', () => {
    const est = new FileProgressEstimator({ minIntervals: 4, minSpanMs: 2000 });
    expect(est.progress.etaS).toBeNull();
    est.sample(0, 20, 0);
    est.sample(0.25, 20, 250);
    expect(est.progress.speed).toBeCloseTo(1, 9);
    // One interval: a rate, but no estimate yet.
    expect(est.progress.etaS).toBeNull();
    const etas: (number | null)[] = [];
    for (let i = 2; i <= 12; i++) {
      est.sample(i * 0.25, 20, i * 250);
      etas.push(est.progress.etaS);
    }
    expect(etas.length).toBe(11);
    // 4 intervals by the 4th sample, but 2 s of wall time only at the 8th.
    expect(etas.slice(0, 6).every((e) => e === null)).toBe(true);
    expect(etas[6]).not.toBeNull();
    // At 1x with 17 s of 20 left after 3 s: about 17 s.
    expect(etas[10]!).toBeCloseTo(17, 6);
  });

  it('converges on the steady rate after a slow start, without jumping on one slow interval', () => {
    const est = new FileProgressEstimator();
    // Warm-up: the video crawls at 0.1x for 3 s, then goes at 0.8x.
    let now = run(est, { toS: 0.3, speed: 0.1, durationS: 20 });
    now = run(est, { fromS: 0.3 + 0.2, toS: 10, speed: 0.8, durationS: 20, startMs: now });
    const steady = est.progress;
    expect(steady.speed!).toBeGreaterThan(0.75);
    expect(steady.speed!).toBeLessThan(0.85);
    expect(steady.etaS!).toBeGreaterThan(10 / 0.85);
    expect(steady.etaS!).toBeLessThan(10 / 0.75);
    // One interval with no progress at all (a 250 ms inference stall).
    est.sample(steady.doneS, 20, now);
    const after = est.progress;
    // Unsmoothed the rate would be 0 (no estimate); smoothed it drops by a fifth.
    expect(after.speed!).toBeGreaterThan(0.6);
    expect(after.etaS!).toBeLessThan(steady.etaS! * 1.4);
  });

  it('never gives a negative time left, and 0 once finished', () => {
    const est = new FileProgressEstimator({ minIntervals: 1, minSpanMs: 0 });
    est.sample(0, 10, 0);
    est.sample(9.9, 10, 1000);
    est.sample(12, 10, 1100);
    expect(est.progress.etaS).not.toBeNull();
    expect(est.progress.etaS!).toBeGreaterThanOrEqual(0);
    est.finish();
    expect(est.progress).toMatchObject({ fraction: 1, etaS: 0, complete: true, doneS: 10 });
  });

  it('does not count a gap (tab hidden) as analysis time', () => {
    const est = new FileProgressEstimator({ minIntervals: 1, minSpanMs: 0, smoothing: 1 });
    est.sample(0, 20, 0);
    est.sample(1, 20, 1000);
    est.gap();
    // Hidden for a minute: the video did not move.
    est.sample(1, 20, 61_000);
    est.sample(2, 20, 62_000);
    expect(est.progress.speed).toBeCloseTo(1, 9);
    expect(est.progress.etaS).toBeCloseTo(18, 9);
  });

  it('starts the rate over when the video goes back', () => {
    const est = new FileProgressEstimator({ minIntervals: 2, minSpanMs: 0 });
    est.sample(0, 20, 0);
    est.sample(1, 20, 1000);
    est.sample(2, 20, 2000);
    expect(est.progress.etaS).not.toBeNull();
    est.sample(0.5, 20, 2100);
    expect(est.progress.speed).toBeNull();
    expect(est.progress.etaS).toBeNull();
    expect(est.progress.fraction).toBeCloseTo(0.025, 9);
  });

  it('ignores a sample at the same instant and samples without a duration yet', () => {
    const est = new FileProgressEstimator({ minIntervals: 1, minSpanMs: 0 });
    est.sample(0, Number.NaN, 0);
    expect(est.progress.fraction).toBe(0);
    est.sample(1, 10, 1000);
    est.sample(1.5, 10, 1000);
    expect(est.progress.speed).toBeCloseTo(1, 9);
    expect(est.progress.fraction).toBeCloseTo(0.15, 9);
  });

  it('rejects options that cannot work', () => {
    expect(() => new FileProgressEstimator({ smoothing: 0 })).toThrow(RangeError);
    expect(() => new FileProgressEstimator({ minIntervals: 0 })).toThrow(RangeError);
    expect(() => new FileProgressEstimator({ minSpanMs: -1 })).toThrow(RangeError);
  });
});

describe('describeFileProgress / formatDuration', () => {
  it('says percent and time left, or that it is still estimating', () => {
    const base = { doneS: 4.2, durationS: 10, speed: 1, complete: false };
    expect(describeFileProgress({ ...base, fraction: 0.429, etaS: null })).toBe('42 % analysed, estimating time left…');
    expect(describeFileProgress({ ...base, fraction: 0.429, etaS: 6.2 })).toBe('42 % analysed, about 7 s left');
    expect(describeFileProgress({ ...base, fraction: 1, etaS: 0, complete: true })).toBe('Video analysed: 100 %');
  });

  it('formats seconds and minutes', () => {
    expect(formatDuration(-3)).toBe('0 s');
    expect(formatDuration(58.2)).toBe('59 s');
    expect(formatDuration(59.2)).toBe('1 min 00 s');
    expect(formatDuration(125)).toBe('2 min 05 s');
  });
});
