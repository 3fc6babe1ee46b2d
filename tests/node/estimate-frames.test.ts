import { join } from 'node:path';
import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import type { PoseFrame } from '../../src/pose/types';
import { estimateFrames, type FrameEstimator } from '../../src/node/estimate-frames';
import { ensureWasmBackend } from '../../src/node/node-estimator';
import { probeVideo } from '../../src/node/probe-video';
import { SHARED_FIXTURES_DIR } from '../../src/node/repo-paths';

// 5 fps, 720x1280: small enough to read a few frames quickly.
const CLIP = join(SHARED_FIXTURES_DIR, 'keypoints/tfjs-models/pose_squats.mp4');

/** An estimator that records what it was given and says so in the frame it returns (no model). */
function recordingEstimator(failAt: number | null = null): FrameEstimator & { calls: { shape: number[]; timestampMs: number; live: boolean }[] } {
  const calls: { shape: number[]; timestampMs: number; live: boolean }[] = [];
  return {
    calls,
    estimate(tensor, timestampMs) {
      calls.push({ shape: tensor.shape, timestampMs, live: !tensor.isDisposed });
      if (calls.length - 1 === failAt) return Promise.reject(new Error('expected a pose, got a crashed model'));
      const frame: PoseFrame = { timestampMs, imageWidth: tensor.shape[1], imageHeight: tensor.shape[0], landmarks: [], inferenceMs: calls.length } as unknown as PoseFrame;
      return Promise.resolve(frame);
    },
  };
}

describe('estimateFrames', () => {
  beforeAll(() => ensureWasmBackend());

  it('runs each decoded frame, in order, through the estimator and frees its tensor', async () => {
    const before = tf.memory().numTensors;
    const estimator = recordingEstimator();
    const out = [];
    for await (const item of estimateFrames(CLIP, estimator, { maxFrames: 3, maxSide: 320 }, await probeVideo(CLIP))) out.push(item);
    expect(out.map((o) => o.decoded.frameIndex)).toEqual([0, 1, 2]);
    expect(out.map((o) => o.frame.timestampMs)).toEqual([0, 200, 400]);
    expect(out.map((o) => o.frame.inferenceMs)).toEqual([1, 2, 3]);
    expect(estimator.calls).toEqual([0, 200, 400].map((timestampMs) => ({ shape: [320, 180, 3], timestampMs, live: true })));
    expect(out.every((o) => [o.decoded.width, o.decoded.height].join() === '180,320')).toBe(true);
    expect(tf.memory().numTensors).toBe(before);
  });

  it("passes the estimator's error on and still frees the frame's tensor", async () => {
    const before = tf.memory().numTensors;
    const estimator = recordingEstimator(1);
    const seen: number[] = [];
    await expect((async () => {
      for await (const item of estimateFrames(CLIP, estimator, { maxFrames: 3, maxSide: 320 })) seen.push(item.decoded.frameIndex);
    })()).rejects.toThrow('expected a pose, got a crashed model');
    expect(seen).toEqual([0]);
    expect(tf.memory().numTensors).toBe(before);
  });
});
