import { join } from 'node:path';
import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { createPoseEstimator, DETECTOR_IDS, isDetectorId } from '../../workers/detector';
import { decodeFrames, frameToTensor } from '../../src/node/decode-frames';
import { fileIOHandler } from '../../src/node/file-io-handler';
import { createNodeEstimator, ensureWasmBackend } from '../../src/node/node-estimator';
import { MODELS_DIR, SHARED_FIXTURES_DIR } from '../../src/node/repo-paths';

const CLIP = join(SHARED_FIXTURES_DIR, 'kickback/donkey_kick_cgi_kinkatsu.mp4');

async function firstFrames(count: number): Promise<tf.Tensor3D[]> {
  const tensors: tf.Tensor3D[] = [];
  for await (const frame of decodeFrames(CLIP, { maxFrames: count })) tensors.push(frameToTensor(frame));
  return tensors;
}

describe('createPoseEstimator', () => {
  beforeAll(() => ensureWasmBackend());

  it('knows the five detector ids', () => {
    expect(DETECTOR_IDS).toEqual(['blazepose-lite', 'blazepose-full', 'blazepose-heavy', 'movenet-lightning', 'movenet-thunder']);
    expect(isDetectorId('movenet-thunder')).toBe(true);
    expect(isDetectorId('toString')).toBe(false);
  });

  it('rejects an unknown detector id before loading anything', async () => {
    const asked: string[] = [];
    await expect(
      createPoseEstimator('posenet' as never, (name) => (asked.push(name), name)),
    ).rejects.toThrow(/^expected a detector id \(blazepose-lite, .*\), got posenet$/);
    expect(asked).toEqual([]);
  });

  it('asks the model source for the detector and landmark files of BlazePose', async () => {
    const asked: string[] = [];
    const estimator = await createPoseEstimator('blazepose-lite', (name) => {
      asked.push(name);
      return fileIOHandler(join(MODELS_DIR, name));
    });
    estimator.dispose();
    expect(asked.sort()).toEqual(['blazepose-detector.json', 'blazepose-lite.json']);
  });

  it('returns BlazePose frames with 33 landmarks and world landmarks on a tensor input', async () => {
    const [tensor] = await firstFrames(1);
    const estimator = await createNodeEstimator('blazepose-full');
    try {
      const frame = await estimator.estimate(tensor as tf.Tensor3D, 1000);
      expect(frame).toMatchObject({ timestampMs: 1000, imageWidth: 960, imageHeight: 540, keypointSet: 'blazepose33' });
      expect(frame.landmarks).toHaveLength(33);
      expect(frame.worldLandmarks).toHaveLength(33);
      expect(frame.inferenceMs).toBeGreaterThan(0);
      // The caller keeps ownership of its tensor.
      expect(tensor?.isDisposed).toBe(false);
    } finally {
      estimator.dispose();
      tensor?.dispose();
    }
  });

  it('returns MoveNet frames with 17 landmarks and no world landmarks', async () => {
    const [tensor] = await firstFrames(1);
    const estimator = await createNodeEstimator('movenet-lightning');
    try {
      const frame = await estimator.estimate(tensor as tf.Tensor3D, 0);
      expect(frame.keypointSet).toBe('movenet17');
      expect(frame.landmarks).toHaveLength(17);
      expect(frame.worldLandmarks).toBeUndefined();
    } finally {
      estimator.dispose();
      tensor?.dispose();
    }
  });

  it('rejects a non-finite timestamp', async () => {
    const estimator = await createNodeEstimator('movenet-lightning');
    const blank = tf.zeros([64, 64, 3], 'int32') as tf.Tensor3D;
    try {
      await expect(estimator.estimate(blank, Number.NaN)).rejects.toThrow('expected a finite timestampMs, got NaN');
    } finally {
      estimator.dispose();
      blank.dispose();
    }
  });

  it('starts smoothing afresh when time goes backwards, exactly as reset() does', async () => {
    const tensors = await firstFrames(8);
    const estimator = await createNodeEstimator('blazepose-full');
    try {
      const first = await estimator.estimate(tensors[0] as tf.Tensor3D, 0);
      for (let i = 1; i < tensors.length; i++) await estimator.estimate(tensors[i] as tf.Tensor3D, i * 33);
      const smoothedLate = await estimator.estimate(tensors[0] as tf.Tensor3D, 300);
      // A restart (timestamp 0 again) must give the fresh result, not one dragged by old frames.
      const restarted = await estimator.estimate(tensors[0] as tf.Tensor3D, 0);
      expect(restarted.landmarks).toEqual(first.landmarks);
      // …which differs from feeding that frame into the running filter (the test can fail).
      expect(smoothedLate.landmarks).not.toEqual(first.landmarks);
      estimator.reset();
      expect((await estimator.estimate(tensors[0] as tf.Tensor3D, 5000)).landmarks).toEqual(first.landmarks);
    } finally {
      estimator.dispose();
      for (const t of tensors) t.dispose();
    }
  });
});
