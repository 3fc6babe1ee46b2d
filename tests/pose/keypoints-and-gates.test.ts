import { describe, expect, it } from 'vitest';
import { BLAZEPOSE33_INDEX, JOINT_NAMES, LANDMARK_COUNT, MOVENET17_INDEX, jointIndex, mirrorJointName } from '../../src/pose/keypoint-tables';
import { isInFrame } from '../../src/pose/in-frame';
import { jointStatus, readJoint, readWorldJoint } from '../../src/pose/read-joint';
import { validatePoseFrame } from '../../src/pose/validate-pose-frame';
import { isVisible } from '../../src/pose/visibility-gate';
import type { PoseFrame } from '../../src/pose/types';

const GATE = { minVisibility: 0.5, edgeMarginFrac: 0.01 };

function frame(set: 'blazepose33' | 'movenet17', overrides: Partial<PoseFrame> = {}): PoseFrame {
  const n = LANDMARK_COUNT[set];
  const landmarks = Array.from({ length: n }, (_, i) => ({ x: 100 + i, y: 50 + 2 * i, visibility: 0.9 }));
  const f: PoseFrame = { timestampMs: 0, imageWidth: 640, imageHeight: 480, keypointSet: set, landmarks, score: 1, inferenceMs: 0 };
  if (set === 'blazepose33') f.worldLandmarks = landmarks.map((l, i) => ({ x: i / 100, y: -i / 50, z: 0.01 * i, visibility: l.visibility }));
  return { ...f, ...overrides };
}

describe('keypoint tables', () => {
  it('map every joint name to a distinct index inside each layout', () => {
    const bp = JOINT_NAMES.map((n) => BLAZEPOSE33_INDEX[n]);
    expect(new Set(bp).size).toBe(JOINT_NAMES.length);
    for (const i of bp) expect(i).toBeLessThan(33);
    const mv = Object.values(MOVENET17_INDEX);
    expect(new Set(mv).size).toBe(17);
    for (const i of mv) expect(i).toBeLessThan(17);
  });

  it('follow the published orders (spot checks) and MoveNet has no feet', () => {
    expect(jointIndex('blazepose33', 'leftHip')).toBe(23);
    expect(jointIndex('blazepose33', 'rightFootIndex')).toBe(32);
    expect(jointIndex('movenet17', 'leftHip')).toBe(11);
    expect(jointIndex('movenet17', 'rightAnkle')).toBe(16);
    expect(jointIndex('movenet17', 'leftHeel')).toBeNull();
  });

  it('mirror left and right names, and leave the nose alone', () => {
    expect(mirrorJointName('leftKnee')).toBe('rightKnee');
    expect(mirrorJointName('rightFootIndex')).toBe('leftFootIndex');
    expect(mirrorJointName('nose')).toBe('nose');
  });
});

describe('visibility gate and in-frame check', () => {
  it('treats low, NaN and missing visibility as not visible', () => {
    expect(isVisible(0.49, 0.5)).toBe(false);
    expect(isVisible(0.5, 0.5)).toBe(true);
    expect(isVisible(Number.NaN, 0.5)).toBe(false);
  });

  it('rejects points outside the image or on its border margin', () => {
    expect(isInFrame(320, 240, 640, 480, 0.01)).toBe(true);
    expect(isInFrame(320, 481, 640, 480, 0.01)).toBe(false);
    expect(isInFrame(320, 478, 640, 480, 0.01)).toBe(false);
    expect(isInFrame(-1, 240, 640, 480, 0)).toBe(false);
    expect(isInFrame(Number.NaN, 240, 640, 480, 0)).toBe(false);
  });
});

describe('named-joint accessor', () => {
  it('reads the same named joint from both layouts', () => {
    const bp = frame('blazepose33');
    const mv = frame('movenet17');
    expect(readJoint(bp, 'leftKnee', GATE)).toEqual({ x: 125, y: 100 });
    expect(readJoint(mv, 'leftKnee', GATE)).toEqual({ x: 113, y: 76 });
    expect(readJoint(mv, 'leftHeel', GATE)).toBeNull();
    expect(jointStatus(mv, 'leftHeel', GATE)).toBe('absent');
  });

  it('says why a joint is unknown: hidden, out of frame (even when "visible"), or absent', () => {
    const f = frame('blazepose33');
    const lm = f.landmarks.map((l) => ({ ...l }));
    lm[25] = { x: 125, y: 100, visibility: 0.2 };
    lm[27] = { x: 300, y: 700, visibility: 0.99 }; // invented ankle below the image
    lm[26] = { x: Number.NaN, y: 10, visibility: 0.9 };
    const g = { ...f, landmarks: lm };
    expect(jointStatus(g, 'leftKnee', GATE)).toBe('hidden');
    expect(readJoint(g, 'leftKnee', GATE)).toBeNull();
    expect(jointStatus(g, 'leftAnkle', GATE)).toBe('out-of-frame');
    expect(readJoint(g, 'leftAnkle', GATE)).toBeNull();
    expect(jointStatus(g, 'rightKnee', GATE)).toBe('absent');
    expect(readWorldJoint(g, 'leftAnkle', GATE)).toBeNull();
  });

  it('reads world joints only where the pixel joint is trusted', () => {
    const f = frame('blazepose33');
    expect(readWorldJoint(f, 'leftHip', GATE)).toEqual({ x: 0.23, y: -0.46, z: 0.23 });
    expect(readWorldJoint(frame('movenet17'), 'leftHip', GATE)).toBeNull();
  });
});

describe('PoseFrame validation', () => {
  it('names what it expected and what it got', () => {
    expect(() => validatePoseFrame(frame('blazepose33', { timestampMs: Number.NaN }))).toThrow('expected a finite timestampMs, got NaN');
    expect(() => validatePoseFrame(frame('movenet17', { imageWidth: 0 }))).toThrow('expected positive imageWidth and imageHeight, got 0x480');
    expect(() => validatePoseFrame(frame('movenet17', { landmarks: [] }))).not.toThrow();
    const bad = frame('blazepose33');
    expect(() => validatePoseFrame({ ...bad, landmarks: bad.landmarks.slice(0, 17) })).toThrow('expected 0 or 33 landmarks for blazepose33, got 17');
  });
});
