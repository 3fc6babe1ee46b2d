import { describe, expect, it } from 'vitest';
import { cleanLegJoints } from '../../src/analysis/clean-leg-joints';
import type { LegFrameSample } from '../../src/analysis/leg-frame-sample';
import { LegIdentityTracker } from '../../src/analysis/leg-identity-tracker';
import { detectorLegOfRep } from '../../src/analysis/rep-leg-label';
import type { Side } from '../../src/analysis/types';
import { jointRecord } from '../../src/pose/keypoint-tables';
import type { AllJoints, JointStatus, Point2, Point3 } from '../../src/pose/read-joint';

function samples(labels: readonly (Side | null)[]): LegFrameSample[] {
  return labels.map((kneeLabel, i) => ({
    t: i * 100,
    thighDeg: null,
    hipExtensionDeg: null,
    kneeFlexionDeg: null,
    torsoLeanDeg: null,
    lumbarArchDeg: null,
    pelvisTiltDeg: null,
    otherThighDeg: null,
    hipHeightPx: null,
    thighLengthPx: null,
    path: '2d',
    legSeen: true,
    trunkSeen: true,
    ambiguous: false,
    kneeLabel,
  }));
}

const L = 'left';
const R = 'right';

describe("the detector's own label on a rep's trace", () => {
  it('names the leg labelled on most frames with the knees apart, whatever the first frames said', () => {
    // cable_kickback_real_side_curvelog webcam15, 3.1–4.4 s: left for two frames as the legs part, then right.
    const rep = samples([null, L, L, R, L, R, R, R, R, R, R, R, R, R, null, null]);
    expect(detectorLegOfRep(rep, { startMs: 0, endMs: 1500 })).toBe(R);
    expect(detectorLegOfRep(rep, { startMs: 0, endMs: 250 })).toBe(L);
  });

  it('names no leg without a majority or without labels', () => {
    expect(detectorLegOfRep(samples([L, R, null, L, R]), { startMs: 0, endMs: 400 })).toBeNull();
    expect(detectorLegOfRep(samples([null, null, null]), { startMs: 0, endMs: 200 })).toBeNull();
    expect(detectorLegOfRep(samples([]), { startMs: 0, endMs: 200 })).toBeNull();
  });
});

function joints(knees: Record<Side, Point2>): AllJoints {
  const pixel = jointRecord<Point2 | null>(null);
  const world = jointRecord<Point3 | null>(null);
  const status = jointRecord<JointStatus>('absent');
  const put = (name: keyof typeof pixel, p: Point2): void => {
    pixel[name] = p;
    status[name] = 'ok';
  };
  put('leftShoulder', { x: 200, y: 0 });
  put('leftHip', { x: 0, y: 100 });
  put('rightHip', { x: 0, y: 100 });
  put('leftKnee', knees.left);
  put('rightKnee', knees.right);
  put('leftAnkle', { x: knees.left.x, y: knees.left.y + 100 });
  put('rightAnkle', { x: knees.right.x, y: knees.right.y + 100 });
  return { pixel, world, status };
}

describe('knee labels from leg cleaning', () => {
  it('reports the label each tracked knee came from, and none while the knees overlap', () => {
    const id = new LegIdentityTracker();
    expect(cleanLegJoints(joints({ left: { x: -60, y: 180 }, right: { x: 50, y: 180 } }), id, 0)).toEqual({ left: L, right: R });
    // The detector swaps the labels: continuity puts them back and says where each came from.
    expect(cleanLegJoints(joints({ left: { x: 52, y: 180 }, right: { x: -58, y: 180 } }), id, 33)).toEqual({ left: R, right: L });
    // Knees 10 px apart on a 100 px thigh (frames 0.5 s apart: no collapse): the label is a guess.
    expect(cleanLegJoints(joints({ left: { x: 0, y: 200 }, right: { x: 10, y: 200 } }), id, 500)).toEqual({ left: null, right: null });
  });
});
