import { describe, expect, it } from 'vitest';
import { angleErrorDeg, frameAngles } from '../../src/node/frame-angles';
import type { Landmark, PoseFrame } from '../../src/pose/types';

const GATE = { minVisibility: 0.5, edgeMarginFrac: 0.01 };

/** A MoveNet/COCO-layout frame from named points (pixels); others hidden. */
function cocoFrame(points: Partial<Record<number, [number, number]>>): PoseFrame {
  const landmarks: Landmark[] = Array.from({ length: 17 }, (_, i) => {
    const p = points[i];
    return p ? { x: p[0], y: p[1], visibility: 1 } : { x: 0, y: 0, visibility: 0 };
  });
  return { timestampMs: 0, imageWidth: 1000, imageHeight: 1000, keypointSet: 'movenet17', landmarks, score: 1, inferenceMs: 0 };
}

// COCO indices: shoulders 5/6, hips 11/12, knees 13/14, ankles 15/16.
const upright = {
  5: [500, 200], 6: [500, 200], 11: [500, 500], 12: [500, 500],
  13: [500, 700], 14: [500, 700], 15: [500, 900], 16: [500, 900],
} as Record<number, [number, number]>;

describe('frameAngles', () => {
  it('reads an upright straight-legged body as all zeros', () => {
    const angles = frameAngles(cocoFrame(upright), GATE);
    expect(angles.torsoLeanDeg).toBeCloseTo(0, 6);
    expect(angles.hipExtensionDeg.left).toBeCloseTo(0, 6);
    expect(angles.kneeFlexionDeg.right).toBeCloseTo(0, 6);
  });

  it('measures a horizontal torso, a 90° knee and a leg 30° behind, per side', () => {
    const tan30 = Math.tan(Math.PI / 6);
    const frame = cocoFrame({
      ...upright,
      5: [800, 500], 6: [800, 500], // shoulders level with the hips, in front (facing right)
      14: [500 - 200 * tan30, 700], // right knee behind: thigh 30° back
      16: [500 - 200 * tan30 - 200, 700], // right shin runs horizontally back from the knee
    });
    const angles = frameAngles(frame, GATE, 'right');
    expect(angles.torsoLeanDeg).toBeCloseTo(90, 6);
    // Left leg hangs straight; right: thigh 30° off vertical, shin horizontal → bent 60° from straight.
    expect(angles.kneeFlexionDeg.left).toBeCloseTo(0, 6);
    expect(angles.kneeFlexionDeg.right).toBeCloseTo(60, 6);
  });

  it('leaves an angle null when a joint is hidden', () => {
    const frame = cocoFrame({ ...upright, 15: undefined });
    expect(frameAngles(frame, GATE).kneeFlexionDeg.left).toBeNull();
    expect(frameAngles(frame, GATE).kneeFlexionDeg.right).not.toBeNull();
  });
});

describe('angleErrorDeg', () => {
  it('takes the short way round', () => {
    expect(angleErrorDeg(179, -179)).toBe(2);
    expect(angleErrorDeg(10, 25)).toBe(15);
  });
});
