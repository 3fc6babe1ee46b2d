import { describe, expect, it } from 'vitest';
import type { ClipReport } from '../../src/node/clip-report';
import { acceptedKickbackReps, countErrorOf, errorStats, evaluateClip, expectedKickbackReps, totals } from '../../src/node/rep-count-eval';

function report(peaksS: number[], overrides: Partial<ClipReport> = {}): ClipReport {
  return {
    source: 'c.mp4', durationS: 10, framesAnalysed: 300, detector: 'blazepose-full', backend: 'wasm',
    workingLeg: 'left', facing: 'left', view: 'side',
    reps: peaksS.map((peakS, i) => ({
      index: i + 1, startS: peakS - 1, peakS, endS: peakS + 1, peakHipExtensionDeg: 10, romDeg: 40,
      kneeFlexionAtPeakDeg: 10, torsoLeanMeanDeg: 45, lumbarArchPeakDeg: 1, concentricS: 1, eccentricS: 1, holdS: 0.3,
      flags: i === 0 ? ['no-squeeze'] : [], borderline: [], leg: 'left', confidence: 1,
    })),
    framing: [], rejected: [],
    summary: { repCount: peaksS.length, score: 50, flagCounts: peaksS.length > 0 ? { 'no-squeeze': 1 } : {} },
    framesWithPerson: 300, meanInferenceMs: 50,
    ...overrides,
  };
}

describe('expectedKickbackReps', () => {
  it('keeps a kickback clip\'s count and expects none on other exercises', () => {
    expect(expectedKickbackReps({ exercise: 'cable kickback', repCount: 3 })).toBe(3);
    expect(expectedKickbackReps({ exercise: 'quadruped donkey kick', repCount: null })).toBeNull();
    expect(expectedKickbackReps({ exercise: 'bodyweight squat', repCount: 2 })).toBe(0);
    expect(expectedKickbackReps({ exercise: 'squat', repCount: null })).toBe(0);
    // A project label may say outright that a kickback clip must not be counted (front-on view).
    expect(expectedKickbackReps({ exercise: 'quadruped donkey kick', repCount: 1, expectedKickbackReps: 0 })).toBe(0);
  });
});

describe('evaluateClip', () => {
  it('compares count, facing and the nearest found peak to each labelled peak', () => {
    const row = evaluateClip('k.mp4', report([2.0, 5.5, 9.0]), { exercise: 'cable kickback', facing: 'right', repCount: 2, repPeaksS: [5.2, 8.8] });
    expect(row).toMatchObject({
      clip: 'k.mp4', labelledReps: 2, foundReps: 3, countError: 1, facing: 'left', labelledFacing: 'right',
      facingCorrect: false, view: 'side', peakErrorS: 0.25, flags: ['no-squeeze'], error: null,
    });
  });

  it('has no peak error when nothing was found', () => {
    const row = evaluateClip('k.mp4', report([], { error: { code: 'unusable-view', message: 'x' } }), { exercise: 'cable kickback', repCount: 1, repPeaksS: [3] });
    expect(row).toMatchObject({ countError: -1, peakErrorS: null, error: 'unusable-view' });
  });
});

describe('totals', () => {
  it('computes exact, off-by-one and mean absolute count error over labelled clips only', () => {
    const label = (repCount: number | null) => ({ exercise: 'cable kickback', repCount });
    const rows = [
      evaluateClip('a', report([1]), label(1)),
      evaluateClip('b', report([1, 2]), label(1)),
      evaluateClip('c', report([]), label(3)),
      evaluateClip('d', report([1]), label(null)),
    ];
    expect(totals(rows)).toEqual({ labelledClips: 3, exactCountRate: 0.333, offByOneRate: 0.333, meanAbsCountError: 1.333, facingAccuracy: null });
  });
});

describe('errorStats', () => {
  it('gives the median and the nearest-rank 90th percentile', () => {
    expect(errorStats([5, 1, 3, 2, 4, 6, 7, 8, 9, 10])).toEqual({ n: 10, median: 5.5, p90: 9 });
    expect(errorStats([])).toEqual({ n: 0, median: null, p90: null });
  });
});

describe('acceptedKickbackReps and countErrorOf', () => {
  it('accepts any listed count for a kickback clip whose last rep is cut, one count otherwise', () => {
    expect(acceptedKickbackReps({ exercise: 'cable kickback', repCount: 3, repCountAny: [4, 3] })).toEqual([3, 4]);
    expect(acceptedKickbackReps({ exercise: 'cable kickback', repCount: 3 })).toEqual([3]);
    // An outright expectation wins over repCountAny (a front-on clip must count 0).
    expect(acceptedKickbackReps({ exercise: 'cable kickback', repCount: 3, repCountAny: [3, 4], expectedKickbackReps: 0 })).toEqual([0]);
    expect(acceptedKickbackReps({ exercise: 'squat', repCount: 2 })).toEqual([0]);
    expect(acceptedKickbackReps({ exercise: 'cable kickback' })).toBeNull();
  });

  it('measures the error from the nearest accepted count', () => {
    expect(countErrorOf(4, [3, 4])).toBe(0);
    expect(countErrorOf(6, [3, 4])).toBe(2);
    expect(countErrorOf(1, [3, 4])).toBe(-2);
    expect(countErrorOf(1, null)).toBeNull();
  });
});
