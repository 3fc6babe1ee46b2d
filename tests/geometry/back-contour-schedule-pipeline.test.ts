/**
 * The frame pipeline's default silhouette is 'scheduled': it asks the model for the person mask
 * only on the frames the mask schedule picks (near each peak, at rest, a background rate), so
 * only those frames carry a back contour; 'every-frame' still asks on every frame.
 * Stand-in model: a synthetic 8 fps set and its drawn silhouette (src/synthetic/silhouette.ts).
 */
import type * as tf from '@tensorflow/tfjs-core';
import { describe, expect, it } from 'vitest';
import { MaskSchedule } from '../../src/geometry/back-contour-schedule';
import type { PersonMask } from '../../src/geometry/back-contour';
import type { PoseFrame } from '../../src/pose/types';
import { generateKickbackSet } from '../../src/synthetic';
import { renderSilhouette } from '../../src/synthetic/silhouette';
import type { PoseEstimator } from '../../workers/detector';
import { createFramePipeline, type FramePipelineOptions } from '../../workers/frame-pipeline';

// Small frames keep the drawn silhouettes cheap.
const SET = generateKickbackSet({ reps: 3, fps: 8, imageWidth: 480, imageHeight: 360, hipCentreX: 240, hipCentreY: 170, pixelsPerMetre: 150 });

function pipelineWith(options: Partial<FramePipelineOptions>) {
  const asked: boolean[] = [];
  let mask: PersonMask | null = null;
  const estimator: PoseEstimator = {
    detector: 'blazepose-full',
    keypointSet: 'blazepose33',
    segments: true,
    async estimate(_input, timestampMs, request = {}) {
      const frame = SET.frames.find((f) => f.timestampMs === timestampMs);
      if (frame === undefined) throw new Error(`expected a frame at ${timestampMs} ms`);
      asked.push(request.mask === true);
      mask = request.mask === true ? renderSilhouette(frame, 'right', { lumbarCurveDeg: 10 }) : null;
      return frame;
    },
    takeMask() {
      const m = mask;
      mask = null;
      return m;
    },
    reset() {},
    dispose() {},
  };
  const pipeline = createFramePipeline<tf.Tensor3D>({ estimator, personFinder: null, crop: () => { throw new Error('no crop without a lock'); } }, options);
  const input = { shape: [360, 480, 3] } as unknown as tf.Tensor3D;
  return {
    asked,
    async runAll(): Promise<{ frames: PoseFrame[]; reasons: (string | null)[] }> {
      const frames: PoseFrame[] = [];
      const reasons: (string | null)[] = [];
      for (const f of SET.frames) {
        frames.push(await pipeline.estimate(input, f.timestampMs));
        reasons.push(pipeline.lastMask);
      }
      return { frames, reasons };
    },
  };
}

describe('frame pipeline: the scheduled silhouette', () => {
  it('by default asks for the mask where the schedule says, and only those frames carry a contour', async () => {
    const p = pipelineWith({});
    const { frames, reasons } = await p.runAll();
    expect(frames).toHaveLength(SET.frames.length);
    const schedule = new MaskSchedule();
    const expected = SET.frames.map((f) => {
      const r = schedule.decide(f.timestampMs);
      schedule.observe(f, r !== 'skip');
      return r !== 'skip';
    });
    expect(p.asked).toEqual(expected);
    expect(reasons.map((r) => r !== 'skip')).toEqual(expected);
    const masked = expected.filter(Boolean).length;
    expect(masked).toBeGreaterThan(0);
    expect(masked).toBeLessThan(SET.frames.length);
    for (const [i, f] of frames.entries()) {
      if (!expected[i]) expect(f.backContour, `frame ${i}`).toBeUndefined();
    }
    expect(frames.filter((f) => f.backContour !== undefined).length).toBeGreaterThan(masked / 2);
  });

  it("'every-frame' asks on every frame, 'off' on none", async () => {
    const every = pipelineWith({ silhouette: 'every-frame' });
    await every.runAll();
    expect(every.asked).toHaveLength(SET.frames.length);
    expect(every.asked.every(Boolean)).toBe(true);
    const off = pipelineWith({ silhouette: 'off' });
    const { reasons } = await off.runAll();
    expect(off.asked.some(Boolean)).toBe(false);
    expect(reasons.every((r) => r === null)).toBe(true);
  });
});
