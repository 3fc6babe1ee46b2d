import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SHARED_FIXTURES_DIR } from '../../src/node/repo-paths';
import { LIBRARY_TOLERANCE, POSE_JPG_LANDMARKS, POSE_JPG_WORLD_LANDMARKS } from './library-expected';
import { maxAbsDiff, runClip } from './run-clip';

const POSE_JPG = join(SHARED_FIXTURES_DIR, 'keypoints/tfjs-models/pose.jpg');

describe('golden: BlazePose full on pose.jpg (Node, wasm, human-models files)', () => {
  it('lands within the library tolerance of the reference landmarks', async () => {
    const [frame] = await runClip(POSE_JPG, 'blazepose-full', 1);
    if (!frame) throw new Error('expected one frame from pose.jpg, got none');
    expect([frame.imageWidth, frame.imageHeight]).toEqual([1000, 667]);
    expect(frame.keypointSet).toBe('blazepose33');
    expect(frame.landmarks).toHaveLength(33);
    expect(frame.score).toBeGreaterThan(0.9);

    const xy = frame.landmarks.flatMap((l) => [l.x, l.y]);
    const worstPx = maxAbsDiff(xy, POSE_JPG_LANDMARKS.flat());
    expect(worstPx, `worst landmark coordinate off by ${worstPx.toFixed(1)} px`).toBeLessThanOrEqual(LIBRARY_TOLERANCE.blazePoseImagePx);

    const world = (frame.worldLandmarks ?? []).flatMap((w) => [w.x, w.y, w.z]);
    const worstM = maxAbsDiff(world, POSE_JPG_WORLD_LANDMARKS.flat());
    expect(worstM, `worst world coordinate off by ${worstM.toFixed(3)} m`).toBeLessThanOrEqual(LIBRARY_TOLERANCE.blazePoseImageWorldM);

    // Every body joint on this well-lit full-body photo is visible.
    for (const index of [11, 12, 23, 24, 25, 26, 27, 28]) expect(frame.landmarks[index]?.visibility).toBeGreaterThan(0.5);
  });
});
