/**
 * docs/angles.md#lumbar-arch, synthetic: silhouettes rendered from the synthetic body with a known lumbar curve
 * (0-30°), traced and measured as the app does (backContourOfFrame → contourTurnDeg), and the
 * whole analyser fed those contours at a live frame rate with short rests.
 */
import { describe, expect, it } from 'vitest';
import { createKickbackAnalyzer } from '../../src/analysis/kickback-analyzer';
import { backContourOfFrame } from '../../src/geometry/back-contour-of-frame';
import { contourTurnDeg } from '../../src/geometry/lumbar-arch-contour';
import type { PoseFrame, Side } from '../../src/pose/types';
import { generateKickbackSet } from '../../src/synthetic/kickback-set';
import { renderSequence } from '../../src/synthetic/render-sequence';
import { renderSilhouette } from '../../src/synthetic/silhouette';

const CURVES_DEG = [0, 5, 10, 15, 20, 25, 30];

function measured(curveDeg: number, leanDeg: number, facing: Side, thighDeg: number): number | null {
  const [r] = renderSequence(0, () => ({ torsoLeanDeg: leanDeg, left: { thighDeg: -5, kneeDeg: 10 }, right: { thighDeg, kneeDeg: 20 } }), { facing });
  if (r === undefined) throw new Error('expected one rendered frame');
  const contour = backContourOfFrame(r.frame, renderSilhouette(r.frame, facing, { lumbarCurveDeg: curveDeg }));
  return contour === undefined ? null : contourTurnDeg(contour, facing);
}

describe('lumbar arch measured on synthetic silhouettes', () => {
  it('the measure tracks the known lumbar curve 0-30°: straight back 0, strictly rising, one linear gain for every lean, facing and leg height', () => {
    const cases = [30, 45, 60].flatMap((lean) => (['right', 'left'] as const).flatMap((facing) => [22, 62].map((thigh) => ({ lean, facing, thigh }))));
    expect(cases.length).toBe(12);
    for (const c of cases) {
      const values = CURVES_DEG.map((curve) => measured(curve, c.lean, c.facing, c.thigh));
      expect(values.every((v) => v !== null)).toBe(true);
      const v = values as number[];
      expect(Math.abs(v[0] as number)).toBeLessThan(1);
      for (let i = 1; i < v.length; i += 1) expect(v[i] as number).toBeGreaterThan((v[i - 1] as number) + 2);
      // Least-squares gain through the origin, and what a straight line leaves.
      const gain = CURVES_DEG.reduce((a, x, i) => a + x * (v[i] as number), 0) / CURVES_DEG.reduce((a, x) => a + x * x, 0);
      // ref: docs/angles.md "Lumbar arch": each half's line also spans part of the bend, so the
      // turn between them is a fixed share of the curve (0.78 here); below 0.6 or above 1 the
      // halves would no longer follow the lumbar region.
      expect(gain).toBeGreaterThan(0.6);
      expect(gain).toBeLessThan(1);
      for (let i = 0; i < v.length; i += 1) expect(Math.abs((v[i] as number) - gain * (CURVES_DEG[i] as number))).toBeLessThan(1);
    }
  });

  it('mirroring (the other facing) reads the same arch', () => {
    for (const curve of [0, 15, 30]) {
      const right = measured(curve, 45, 'right', 62);
      const left = measured(curve, 45, 'left', 62);
      expect(right).not.toBeNull();
      expect(Math.abs((right ?? 0) - (left ?? 1e9))).toBeLessThan(0.5);
    }
  });
});

describe('analyser with traced back contours at a live frame rate (docs/design.md#frame-rates)', () => {
  it('8 fps, 0.2 s rests: every rep has a contour arch, near the curve drawn at its peak', () => {
    const curveAtPeakDeg = 20;
    const set = generateKickbackSet({ fps: 8, reps: 4, leadInS: 0.25, restS: 0.2, leadOutS: 0.6, concentricS: 0.7, noisePx: 1.5, seed: 4, imageWidth: 960, imageHeight: 540, hipCentreX: 480, hipCentreY: 260 });
    expect(set.frames.length).toBeGreaterThan(20);
    const frames: PoseFrame[] = set.frames.map((f, i) => {
      const mask = renderSilhouette(f, 'right', { lumbarCurveDeg: curveAtPeakDeg * (set.truth[i]?.shape ?? 0) });
      const backContour = backContourOfFrame(f, mask);
      return backContour === undefined ? f : { ...f, backContour };
    });
    expect(frames.every((f) => f.backContour !== undefined)).toBe(true);
    const analyzer = createKickbackAnalyzer({ smoothLandmarks: false });
    const results = frames.map((f) => analyzer.push(f));
    analyzer.finish();
    expect(analyzer.reps).toHaveLength(4);
    expect(results.filter((r) => r.lumbarArchSource === 'contour').length).toBeGreaterThan(results.length / 2);
    const atPeak = measured(curveAtPeakDeg, 45, 'right', 62) ?? Number.NaN;
    for (const rep of analyzer.reps) {
      expect(rep.lumbarArchPeakDeg).not.toBeNull();
      // ref: the frame nearest the peak at 8 fps is within 1/16 s of it, where the drawn curve is
      // still within a few degrees of its top.
      expect(Math.abs((rep.lumbarArchPeakDeg ?? Number.NaN) - atPeak)).toBeLessThan(3);
    }
  });
});
