/**
 * The frame pipeline's silhouette step (docs/angles.md#lumbar-arch): it asks the estimator for a mask, traces the
 * back on it and sends only the contour's points, in full-frame pixels also when the pose model
 * saw only the locked lifter's region. Stand-in models: a synthetic side-view body and its drawn
 * silhouette (src/synthetic/silhouette.ts). The real model: scripts/bench-silhouette.ts.
 */
import type * as tf from '@tensorflow/tfjs-core';
import { describe, expect, it } from 'vitest';
import { backContourOfFrame } from '../../src/geometry/back-contour-of-frame';
import type { PersonMask } from '../../src/geometry/back-contour';
import type { SeenPerson } from '../../src/pose/lifter-person';
import { boxOfPoints } from '../../src/pose/pixel-box';
import type { PixelBox, PoseFrame } from '../../src/pose/types';
import { renderSequence } from '../../src/synthetic/render-sequence';
import { renderSilhouette } from '../../src/synthetic/silhouette';
import type { EstimateRequest, PoseEstimator } from '../../workers/detector';
import { createFramePipeline, type FramePipelineOptions, type PersonFinder } from '../../workers/frame-pipeline';

const W = 960;
const H = 480;
const BODY_X = 620;

/** The lifter, facing right, hips at (BODY_X, 250), leaning 45° with the leg back, and their mask, in full-frame pixels. */
const [rendered] = renderSequence(0, () => ({ torsoLeanDeg: 45, left: { thighDeg: -5, kneeDeg: 10 }, right: { thighDeg: 60, kneeDeg: 20 } }), {
  imageWidth: W,
  imageHeight: H,
  hipCentreX: BODY_X,
  hipCentreY: 250,
  pixelsPerMetre: 200,
});
if (rendered === undefined) throw new Error('expected one rendered frame');
const FULL: PoseFrame = rendered.frame;
const FULL_MASK = renderSilhouette(FULL, 'right', { lumbarCurveDeg: 15 });

function image(width: number, height: number, offsetX = 0, offsetY = 0): tf.Tensor3D {
  return { shape: [height, width, 3], offsetX, offsetY } as unknown as tf.Tensor3D;
}

/** Shows the pipeline what a model would see of FULL in its input (a crop shifts it). */
function fakeEstimator(requests: EstimateRequest[]): PoseEstimator {
  let mask: PersonMask | null = null;
  return {
    detector: 'blazepose-full',
    keypointSet: 'blazepose33',
    segments: true,
    async estimate(input, timestampMs, request = {}) {
      requests.push(request);
      const [height, width] = (input as tf.Tensor3D).shape;
      const { offsetX, offsetY } = input as unknown as { offsetX: number; offsetY: number };
      const frame: PoseFrame = {
        ...FULL,
        timestampMs,
        imageWidth: width,
        imageHeight: height,
        landmarks: FULL.landmarks.map((l) => ({ ...l, x: l.x - offsetX, y: l.y - offsetY })),
      };
      mask = request.mask === true ? renderSilhouette(frame, 'right', { lumbarCurveDeg: 15 }) : null;
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
}

/** A COCO-17 person 270 px tall with hips at (x, 300), as the person check reports one. */
function seen(x: number): SeenPerson {
  const keypoints = Array.from({ length: 17 }, (_, i) => ({ x: x + ((i % 3) - 1) * 30, y: i === 11 || i === 12 ? 300 : 165 + (i * 270) / 16, score: 0.9 }));
  return { score: 0.6, keypoints, box: boxOfPoints(keypoints, 0.3) as PixelBox };
}

function pipelineWith(people: SeenPerson[] | null, options: Partial<FramePipelineOptions> = {}) {
  const requests: EstimateRequest[] = [];
  const finder: PersonFinder | null = people === null ? null : { find: async () => people, dispose() {} };
  const pipeline = createFramePipeline<tf.Tensor3D>(
    {
      estimator: fakeEstimator(requests),
      personFinder: finder,
      crop: (_input, box) => ({ input: image(box.width, box.height, box.x, box.y), release() {} }),
    },
    options,
  );
  return { requests, run: (t: number) => pipeline.estimate(image(W, H), t) };
}

describe('frame pipeline: the back contour', () => {
  const expected = backContourOfFrame(FULL, FULL_MASK);

  it('one person: asks for the mask and sends the traced contour, not the mask', async () => {
    expect(expected?.length).toBeGreaterThanOrEqual(9);
    const p = pipelineWith(null);
    const frame = await p.run(0);
    expect(p.requests).toEqual([{ mask: true }]);
    expect(frame.backContour).toEqual(expected);
    expect(Object.keys(frame)).not.toContain('mask');
  });

  it('locked lifter: the contour comes back in full-frame pixels, like the landmarks', async () => {
    const p = pipelineWith([seen(150), seen(BODY_X)]);
    const frame = await p.run(0);
    expect(frame.lifterLock).toBe('locked');
    expect(frame.lifterBox?.x ?? 0).toBeGreaterThan(0);
    const got = frame.backContour ?? [];
    expect(got.length).toBe(expected?.length);
    got.forEach((q, i) => {
      expect(q.x).toBeCloseTo(expected?.[i]?.x ?? Number.NaN, 6);
      expect(q.y).toBeCloseTo(expected?.[i]?.y ?? Number.NaN, 6);
    });
  });

  it("silhouette 'off': no mask asked for, no contour", async () => {
    const p = pipelineWith(null, { silhouette: 'off' });
    const frame = await p.run(0);
    expect(p.requests).toEqual([{ mask: false }]);
    expect(frame.backContour).toBeUndefined();
  });

  it('rejects an unknown silhouette mode', () => {
    expect(() => pipelineWith(null, { silhouette: 'sometimes' as FramePipelineOptions['silhouette'] })).toThrow(
      "expected silhouette 'every-frame' or 'off', got sometimes",
    );
  });
});
