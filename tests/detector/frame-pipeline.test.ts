/**
 * The shared per-frame pipeline's decisions with stand-in models: the person-check schedule
 * (moved here from the worker), the lifter lock's crop, hold and release. The real models on
 * real two-person clips: tests/detector/frame-pipeline-clips.test.ts.
 */
import type * as tf from '@tensorflow/tfjs-core';
import { describe, expect, it } from 'vitest';
import type { PoseEstimator } from '../../workers/detector';
import { createFramePipeline, DEFAULT_FRAME_PIPELINE_OPTIONS, type PersonFinder } from '../../workers/frame-pipeline';
import type { SeenPerson } from '../../src/pose/lifter-person';
import { boxOfPoints } from '../../src/pose/pixel-box';
import type { PixelBox, PoseFrame } from '../../src/pose/types';

/** Stands in for a frame: the pipeline reads only a tensor's shape; the fakes read nothing else. */
function fakeImage(width: number, height: number, offsetX = 0): tf.Tensor3D {
  return { shape: [height, width, 3], offsetX } as unknown as tf.Tensor3D;
}

/** A COCO-17 person, 270 px tall and 60 wide, hips (keypoints 11, 12) at the box centre (x, 300). */
function seen(x: number): SeenPerson {
  const keypoints = Array.from({ length: 17 }, (_, i) => ({
    x: x + ((i % 3) - 1) * 30,
    y: i === 11 || i === 12 ? 300 : 300 - 135 + (i * 270) / 16,
    score: 0.9,
  }));
  return { score: 0.6, keypoints, box: boxOfPoints(keypoints, 0.3) as PixelBox };
}

/** Fake estimator: one BlazePose-33 pose with hips at the centre of whatever it is shown. */
function fakeEstimator(log: string[], bodyAtX?: number): PoseEstimator {
  return {
    detector: 'blazepose-full',
    keypointSet: 'blazepose33',
    async estimate(input, timestampMs): Promise<PoseFrame> {
      const [height, width] = (input as tf.Tensor3D).shape;
      log.push(`estimate ${width}x${height}`);
      // A body 60 px wide over the middle 60 % of the height, hips (23, 24) at the centre.
      // With `bodyAtX` the body stands at that full-frame x, wherever the crop is.
      const offsetX = (input as unknown as { offsetX: number }).offsetX;
      const centreX = bodyAtX === undefined ? width / 2 : bodyAtX - offsetX;
      const landmarks = Array.from({ length: 33 }, (_, i) => ({
        x: centreX + ((i % 3) - 1) * 30,
        y: i === 23 || i === 24 ? height / 2 : height * (0.2 + (0.6 * i) / 32),
        visibility: 0.9,
      }));
      return { timestampMs, imageWidth: width, imageHeight: height, keypointSet: 'blazepose33', landmarks, score: 0.9, inferenceMs: 1 };
    },
    reset() {
      log.push('reset');
    },
    dispose() {
      log.push('dispose');
    },
  };
}

function fakeFinder(script: (timestampMs: number) => SeenPerson[] | Error, log: string[]): PersonFinder {
  return {
    async find(_input, timestampMs) {
      log.push(`find ${timestampMs}`);
      const out = script(timestampMs);
      if (out instanceof Error) throw out;
      return out;
    },
    dispose() {
      log.push('finder dispose');
    },
  };
}

function setup(script: (timestampMs: number) => SeenPerson[] | Error, bodyAtX?: number) {
  const log: string[] = [];
  const crops: PixelBox[] = [];
  const pipeline = createFramePipeline<tf.Tensor3D>(
    {
      estimator: fakeEstimator(log, bodyAtX),
      personFinder: fakeFinder(script, log),
      crop: (input, box) => {
        crops.push(box);
        log.push('crop');
        return { input: fakeImage(box.width, box.height, box.x), release: () => log.push('release') };
      },
    },
    {},
  );
  const frame = fakeImage(960, 480);
  return { log, crops, pipeline, run: (t: number) => pipeline.estimate(frame, t), dispose: () => pipeline.dispose() };
}

describe('frame pipeline: person check schedule', () => {
  it('checks once per interval of frame time and carries the count in between', async () => {
    const s = setup(() => [seen(480)]);
    const counts: (number | undefined)[] = [];
    for (let t = 0; t <= 2000; t += 250) counts.push((await s.run(t)).personCount);
    expect(s.log.filter((l) => /^find \d/.test(l))).toEqual(['find 0', 'find 1000', 'find 2000']);
    expect(counts).toEqual(Array.from({ length: 9 }, () => 1));
    s.dispose();
  });

  it('checks afresh when time goes backwards (a looped video)', async () => {
    const s = setup(() => [seen(480)]);
    await s.run(0);
    await s.run(500);
    await s.run(100);
    expect(s.log.filter((l) => /^find \d/.test(l))).toEqual(['find 0', 'find 100']);
    s.dispose();
  });

  it('drops a finder that fails and stops reporting counts, keeping the pose', async () => {
    const s = setup((t) => (t === 0 ? [seen(300), seen(700)] : new Error('lost context')));
    expect((await s.run(0)).lifterLock).toBe('locked');
    const after = await s.run(1000);
    expect(after.personCount).toBeUndefined();
    expect(after.lifterLock).toBeUndefined();
    expect(after.landmarks).toHaveLength(33);
    expect(s.pipeline.checksPeople).toBe(false);
    expect(s.log).toContain('finder dispose');
    await s.run(2000);
    expect(s.log.filter((l) => /^find \d/.test(l))).toHaveLength(2);
    s.dispose();
  });
});

describe('frame pipeline: lifter lock', () => {
  it('one person: the whole frame, no lock fields (unchanged behaviour)', async () => {
    const s = setup(() => [seen(480)]);
    const frame = await s.run(0);
    expect(frame.lifterLock).toBeUndefined();
    expect(frame.lifterBox).toBeUndefined();
    expect(s.crops).toEqual([]);
    expect(s.log).toContain('estimate 960x480');
    s.dispose();
  });

  it('two people: the model sees only the lifter region, landmarks come back in full-frame pixels', async () => {
    const s = setup(() => [seen(700), seen(330)]);
    const frame = await s.run(0);
    expect(frame.personCount).toBe(2);
    expect(frame.lifterLock).toBe('locked');
    const box = frame.lifterBox!;
    expect(s.crops).toEqual([box]);
    // The more central person (x 330 is nearer 480 than 700 is).
    expect(box.x).toBeLessThan(330);
    expect(box.x + box.width).toBeGreaterThan(330);
    expect(box.x + box.width).toBeLessThan(700);
    expect(frame.imageWidth).toBe(960);
    // The fake puts landmark 23 at 30 px right of its input's centre; its y at the centre.
    expect(frame.landmarks[23]!.x).toBeCloseTo(box.x + box.width / 2 + 30, 6);
    expect(frame.landmarks[23]!.y).toBeCloseTo(box.y + box.height / 2, 6);
    s.dispose();
  });

  it('keeps the crop (no model reset) from check to check while the lifter fits in it', async () => {
    const s = setup(() => [seen(700), seen(330)]);
    const boxes: (PixelBox | undefined)[] = [];
    for (let t = 0; t <= 3000; t += 500) boxes.push((await s.run(t)).lifterBox);
    expect(new Set(boxes.map((b) => JSON.stringify(b))).size).toBe(1);
    expect(s.log.filter((l) => l === 'reset')).toHaveLength(1); // when the crop first appeared
    s.dispose();
  });

  it('a passer-by crossing the picture never takes the lock', async () => {
    // The lifter stays at x 330; a walker crosses from the right edge to the left, in front of
    // and past the lifter, one check a second.
    const walkerX = (t: number) => 940 - (t / 1000) * 120;
    const s = setup((t) => [seen(walkerX(t)), seen(330)], 330);
    const states: string[] = [];
    const lockedCrops: { t: number; box: PixelBox }[] = [];
    for (let t = 0; t <= 8000; t += 500) {
      const f = await s.run(t);
      states.push(`${f.lifterLock}:${f.lifterBox ? 'box' : '-'}`);
      if (f.lifterLock === 'locked' && f.lifterBox) lockedCrops.push({ t, box: f.lifterBox });
    }
    expect(lockedCrops.length).toBeGreaterThan(0);
    // Whenever locked, the region is the lifter's lane (it holds the lifter at x 330), and the
    // walker, whenever they stand beside the lifter at the last check, is outside it.
    for (const { t, box } of lockedCrops) {
      expect(box.x).toBeLessThanOrEqual(330 - 30);
      expect(box.x + box.width).toBeGreaterThanOrEqual(330 + 30);
      const checkMs = Math.floor(t / 1000) * 1000;
      const walker = walkerX(checkMs);
      if (Math.abs(walker - 330) > 60) expect(walker + 30 <= box.x || walker - 30 >= box.x + box.width).toBe(true);
    }
    // While the walker overlaps the lifter, the lock is ambiguous rather than wrong.
    expect(states).toContain('ambiguous:-');
    s.dispose();
  });

  it('holds the lock through checks that miss people, then releases it', async () => {
    const s = setup((t) => (t < 1000 ? [seen(700), seen(330)] : []));
    const lock: (string | undefined)[] = [];
    const counts: (number | undefined)[] = [];
    for (let t = 0; t <= 8000; t += 1000) {
      const f = await s.run(t);
      lock.push(f.lifterLock);
      counts.push(f.personCount);
    }
    const hold = DEFAULT_FRAME_PIPELINE_OPTIONS.releaseChecks;
    expect(lock).toEqual([...Array.from({ length: hold + 1 }, () => 'locked'), ...Array.from({ length: 8 - hold }, () => undefined)]);
    expect(counts).toEqual([...Array.from({ length: hold + 1 }, () => 2), ...Array.from({ length: 8 - hold }, () => 0)]);
    s.dispose();
  });

  it('reset forgets the lock and the count', async () => {
    const s = setup(() => [seen(700), seen(330)]);
    expect((await s.run(0)).lifterLock).toBe('locked');
    s.pipeline.reset();
    s.log.length = 0;
    await s.run(10);
    expect(s.log[0]).toBe('find 10');
    s.dispose();
  });
});
