import { describe, expect, it } from 'vitest';
import { bodyJoints, SEGMENT_M } from '../../src/synthetic/body-pose';
import { generateKickbackSet } from '../../src/synthetic/kickback-set';
import { LOOKALIKE_MOVEMENTS, generateLookAlikeSet } from '../../src/synthetic/other-movements';
import { createPrng } from '../../src/synthetic/prng';
import { repTimeline } from '../../src/synthetic/rep-timeline';

describe('seeded PRNG', () => {
  it('repeats for a seed, differs across seeds, and looks normal', () => {
    const a = createPrng(42);
    const b = createPrng(42);
    const c = createPrng(43);
    const xs = Array.from({ length: 5 }, () => a.next());
    expect(Array.from({ length: 5 }, () => b.next())).toEqual(xs);
    expect(Array.from({ length: 5 }, () => c.next())).not.toEqual(xs);
    const g = createPrng(1);
    const n = Array.from({ length: 5000 }, () => g.gaussian());
    const m = n.reduce((s, v) => s + v, 0) / n.length;
    const sd = Math.sqrt(n.reduce((s, v) => s + (v - m) ** 2, 0) / n.length);
    expect(Math.abs(m)).toBeLessThan(0.05);
    expect(Math.abs(sd - 1)).toBeLessThan(0.05);
    expect(() => createPrng(1.5)).toThrow('expected an integer seed, got 1.5');
  });
});

describe('rep timeline', () => {
  it('places reps after the lead-in, rises smoothly to 1, holds, and returns to 0', () => {
    const tl = repTimeline({ reps: 2, leadInS: 1, concentricS: 1, holdS: 0.5, eccentricS: 1, restS: 0.5, leadOutS: 1 });
    expect(tl.reps).toEqual([
      { startS: 1, peakS: 2.25, endS: 3.5 },
      { startS: 4, peakS: 5.25, endS: 6.5 },
    ]);
    expect(tl.durationS).toBe(7.5);
    expect(tl.shapeAt(0.5)).toBe(0);
    expect(tl.shapeAt(1.5)).toBeCloseTo(0.5, 10);
    expect(tl.shapeAt(2.2)).toBe(1);
    expect(tl.shapeAt(3)).toBeCloseTo(0.5, 10);
    expect(tl.shapeAt(3.7)).toBe(0);
    expect(() => repTimeline({ reps: 1, leadInS: 0, concentricS: 0, holdS: 0, eccentricS: 1, restS: 0, leadOutS: 0 })).toThrow(
      /expected concentricS and eccentricS > 0, got 0 and 1/,
    );
  });
});

describe('stick figure', () => {
  it('has the segment lengths it claims, at any pose', () => {
    const j = bodyJoints({ torsoLeanDeg: 37, left: { thighDeg: 12, kneeDeg: 40 }, right: { thighDeg: 70, kneeDeg: 5 } });
    const d = (a: { f: number; u: number; r: number }, b: { f: number; u: number; r: number }) =>
      Math.hypot(a.f - b.f, a.u - b.u, a.r - b.r);
    expect(d(j.leftHip, j.leftKnee)).toBeCloseTo(SEGMENT_M.thigh, 10);
    expect(d(j.rightKnee, j.rightAnkle)).toBeCloseTo(SEGMENT_M.shank, 10);
    expect(d(j.leftHip, j.rightHip)).toBeCloseTo(2 * SEGMENT_M.halfHipWidth, 10);
  });
});

describe('kickback set generator', () => {
  it('emits frames at the chosen fps with exact truth, in both layouts', () => {
    const bp = generateKickbackSet({ reps: 2, fps: 10 });
    expect(bp.frames.length).toBe(bp.truth.length);
    expect(bp.frames[1]?.timestampMs).toBe(100);
    expect(bp.frames[0]?.landmarks).toHaveLength(33);
    expect(bp.frames[0]?.worldLandmarks).toHaveLength(33);
    const mv = generateKickbackSet({ reps: 2, fps: 10, keypointSet: 'movenet17' });
    expect(mv.frames[0]?.landmarks).toHaveLength(17);
    expect(mv.frames[0]?.worldLandmarks).toBeUndefined();
    expect(bp.reps).toHaveLength(2);
    const peak = bp.truth.reduce((a, b) => (b.thighElevationDeg > a.thighElevationDeg ? b : a));
    expect(peak.thighElevationDeg).toBeCloseTo(22 + 40, 6);
    expect(peak.hipExtensionDeg).toBeCloseTo(22 + 40 - 45, 6);
  });

  it('is reproducible for a seed and drops about the asked share of frames', () => {
    const a = generateKickbackSet({ reps: 3, noisePx: 2, dropProbability: 0.3, seed: 9 });
    const b = generateKickbackSet({ reps: 3, noisePx: 2, dropProbability: 0.3, seed: 9 });
    const full = generateKickbackSet({ reps: 3 });
    expect(a.frames).toEqual(b.frames);
    const share = 1 - a.frames.length / full.frames.length;
    expect(share).toBeGreaterThan(0.2);
    expect(share).toBeLessThan(0.4);
    for (let i = 1; i < a.frames.length; i += 1) {
      expect(a.frames[i]?.timestampMs).toBeGreaterThan(a.frames[i - 1]?.timestampMs ?? Infinity);
    }
  });

  it('mirrors the image for the other facing and moves the kick to the chosen leg', () => {
    const r = generateKickbackSet({ reps: 1, facing: 'right', leg: 'right' });
    const l = generateKickbackSet({ reps: 1, facing: 'left', leg: 'right' });
    const i = 60;
    const kr = r.frames[i]?.landmarks[26];
    const kl = l.frames[i]?.landmarks[26];
    expect(kr && kl && kr.x - 640).toBeCloseTo(-((kl?.x ?? 0) - 640), 6);
    const left = generateKickbackSet({ reps: 1, leg: 'left' });
    expect(left.truth[i]?.thighElevationDeg).toBe(r.truth[i]?.thighElevationDeg);
    expect(left.frames[i]?.landmarks[25]?.x).not.toBe(r.frames[i]?.landmarks[25]?.x);
  });

  it('swaps left/right labels like MoveNet when asked', () => {
    const s = generateKickbackSet({ reps: 1, keypointSet: 'movenet17', labelSwapProbability: 1 });
    const plain = generateKickbackSet({ reps: 1, keypointSet: 'movenet17' });
    // With probability 1 the labels flip every frame: frame 0 is swapped.
    expect(s.frames[0]?.landmarks[13]).toEqual(plain.frames[0]?.landmarks[14]);
  });

  it('makes look-alike movements with the asked number of reps', () => {
    expect(LOOKALIKE_MOVEMENTS.length).toBeGreaterThanOrEqual(9);
    for (const kind of LOOKALIKE_MOVEMENTS) {
      const set = generateLookAlikeSet(kind, { reps: 3 });
      expect(set.reps).toBe(3);
      expect(set.frames.length).toBeGreaterThan(100);
    }
  });

  it('moves the legs the way each look-alike does (body frame, before the camera)', () => {
    const at = (kind: (typeof LOOKALIKE_MOVEMENTS)[number], tS: number) => {
      const set = generateLookAlikeSet(kind, { reps: 1, fps: 10, leadInS: 1, concentricS: 1, holdS: 0.2, keypointSet: 'blazepose33' });
      return set.frames.find((f) => Math.abs(f.timestampMs - tS * 1000) < 1);
    };
    // Peak of the single rep: 1 s lead-in + 1 s up + half the hold.
    const rest = at('hip-abduction', 0);
    const peak = at('hip-abduction', 2.1);
    // Abduction turns the right leg towards the camera: the world ankle moves in depth (z), not back.
    const ankle = 28;
    expect(Math.abs((peak?.worldLandmarks?.[ankle]?.z ?? 0) - (rest?.worldLandmarks?.[ankle]?.z ?? 0))).toBeGreaterThan(0.4);
    expect(Math.abs((peak?.worldLandmarks?.[ankle]?.x ?? 0) - (rest?.worldLandmarks?.[ankle]?.x ?? 0))).toBeLessThan(0.05);
    // The front leg swing brings the right knee ahead of the hip (facing right: larger x).
    const swing = at('front-leg-swing', 2.1);
    expect((swing?.landmarks[26]?.x ?? 0) - (swing?.landmarks[24]?.x ?? 0)).toBeGreaterThan(100);
  });
});
