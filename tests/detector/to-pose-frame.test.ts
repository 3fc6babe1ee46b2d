import { describe, expect, it } from 'vitest';
import { toPoseFrame, type DetectedKeypoint, type DetectedPose } from '../../workers/to-pose-frame';

function keypoints(count: number, make: (i: number) => Partial<DetectedKeypoint> = () => ({})): DetectedKeypoint[] {
  return Array.from({ length: count }, (_, i) => ({ x: 10 + i, y: 20 + i, score: 0.9, ...make(i) }));
}

const base = { image: { width: 640, height: 480 }, timestampMs: 1234, inferenceMs: 42 };

describe('toPoseFrame', () => {
  it('returns an empty frame with score 0 when no person was found', () => {
    const frame = toPoseFrame({ ...base, pose: undefined, keypointSet: 'blazepose33' });
    expect(frame).toEqual({
      timestampMs: 1234, imageWidth: 640, imageHeight: 480, keypointSet: 'blazepose33',
      landmarks: [], score: 0, inferenceMs: 42,
    });
    expect(frame.worldLandmarks).toBeUndefined();
  });

  it('copies BlazePose keypoints, z and world landmarks, keeping the index order', () => {
    const pose: DetectedPose = {
      score: 0.8,
      keypoints: keypoints(33, (i) => ({ z: -i, score: i / 40 })),
      keypoints3D: keypoints(33, (i) => ({ x: i / 100, y: -i / 100, z: i / 50, score: i / 40 })),
    };
    const frame = toPoseFrame({ ...base, pose, keypointSet: 'blazepose33' });
    expect(frame.landmarks).toHaveLength(33);
    expect(frame.landmarks[5]).toEqual({ x: 15, y: 25, z: -5, visibility: 5 / 40 });
    expect(frame.worldLandmarks?.[7]).toEqual({ x: 0.07, y: -0.07, z: 7 / 50, visibility: 7 / 40 });
    expect(frame.score).toBe(0.8);
  });

  it('leaves z and world landmarks out for MoveNet', () => {
    const frame = toPoseFrame({ ...base, pose: { keypoints: keypoints(17), score: 0.6 }, keypointSet: 'movenet17' });
    expect(frame.landmarks).toHaveLength(17);
    expect(frame.landmarks[0]).not.toHaveProperty('z');
    expect(frame.worldLandmarks).toBeUndefined();
  });

  it('keeps a NaN joint at its index with visibility 0 and finite coordinates', () => {
    const pose = { keypoints: keypoints(17, (i) => (i === 3 ? { x: NaN, y: 5 } : {})), score: 0.7 };
    const frame = toPoseFrame({ ...base, pose, keypointSet: 'movenet17' });
    expect(frame.landmarks).toHaveLength(17);
    const joint = frame.landmarks[3];
    expect(joint?.visibility).toBe(0);
    expect(Number.isFinite(joint?.x)).toBe(true);
    expect(Number.isFinite(joint?.y)).toBe(true);
    expect(frame.landmarks[4]).toEqual({ x: 14, y: 24, visibility: 0.9 });
  });

  it('replaces NaN world coordinates the same way', () => {
    const pose: DetectedPose = {
      keypoints: keypoints(33),
      keypoints3D: keypoints(33, (i) => (i === 0 ? { z: NaN } : { z: 0.1 })),
    };
    const frame = toPoseFrame({ ...base, pose, keypointSet: 'blazepose33' });
    expect(frame.worldLandmarks?.[0]?.visibility).toBe(0);
    expect(Object.values(frame.worldLandmarks?.[0] ?? {}).every(Number.isFinite)).toBe(true);
  });

  it('treats a pose whose every joint is NaN as no person', () => {
    const pose = { keypoints: keypoints(17, () => ({ x: NaN, y: NaN })), score: 0.5 };
    const frame = toPoseFrame({ ...base, pose, keypointSet: 'movenet17' });
    expect(frame.landmarks).toEqual([]);
    expect(frame.score).toBe(0);
  });

  it('falls back to mean visibility when the detector gives no pose score, and clamps scores to 0..1', () => {
    const pose = { keypoints: keypoints(17, (i) => ({ score: i < 8 ? 1.2 : 0 })) };
    const frame = toPoseFrame({ ...base, pose, keypointSet: 'movenet17' });
    expect(frame.landmarks[0]?.visibility).toBe(1);
    expect(frame.score).toBeCloseTo(8 / 17, 10);
  });

  it('drops world landmarks whose count does not match the keypoint set', () => {
    const pose = { keypoints: keypoints(33), keypoints3D: keypoints(17) };
    expect(toPoseFrame({ ...base, pose, keypointSet: 'blazepose33' }).worldLandmarks).toBeUndefined();
  });

  it('rejects a keypoint count that does not match the keypoint set', () => {
    expect(() => toPoseFrame({ ...base, pose: { keypoints: keypoints(17) }, keypointSet: 'blazepose33' }))
      .toThrow('expected 33 keypoints for blazepose33, got 17');
  });

  it('reports a non-finite inference time as 0', () => {
    expect(toPoseFrame({ ...base, inferenceMs: NaN, pose: undefined, keypointSet: 'movenet17' }).inferenceMs).toBe(0);
  });
});
