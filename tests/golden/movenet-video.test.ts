import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SHARED_FIXTURES_DIR } from '../../src/node/repo-paths';
import { LIBRARY_SIMULATED_INTERVAL_MS, LIBRARY_TOLERANCE, MOVENET_KEYPOINT_NAMES } from './library-expected';
import { maxAbsDiff, runClip } from './run-clip';

const DIR = join(SHARED_FIXTURES_DIR, 'keypoints/tfjs-models');
/** The first 60 of 120 frames: 2 s of dance, enough to cross several poses in ~5 s here. */
const FRAME_COUNT = 60;

/** pose_1.json: per frame, keypoint name → {x, y} pixels. */
type Golden = Record<string, { x: number; y: number }>[];

describe('golden: MoveNet Lightning on pose_1.mp4 (Node, wasm, with smoothing)', () => {
  it('tracks each frame within the library video tolerance', async () => {
    const golden = JSON.parse(readFileSync(join(DIR, 'pose_1.json'), 'utf8')) as Golden;
    const frames = await runClip(join(DIR, 'pose_1.mp4'), 'movenet-lightning', FRAME_COUNT, (i) => i * LIBRARY_SIMULATED_INTERVAL_MS);
    expect(frames).toHaveLength(FRAME_COUNT);

    const worstPerFrame = frames.map((frame, i) => {
      expect(frame.keypointSet).toBe('movenet17');
      expect(frame.landmarks, `frame ${i} found no person`).toHaveLength(17);
      const expected = MOVENET_KEYPOINT_NAMES.flatMap((name) => {
        const point = golden[i]?.[name];
        if (!point) throw new Error(`expected keypoint ${name} in pose_1.json frame ${i}, got none`);
        return [point.x, point.y];
      });
      return maxAbsDiff(frame.landmarks.flatMap((l) => [l.x, l.y]), expected);
    });
    const worst = Math.max(...worstPerFrame);
    expect(worst, `worst frame ${worstPerFrame.indexOf(worst)} off by ${worst.toFixed(1)} px`).toBeLessThanOrEqual(LIBRARY_TOLERANCE.moveNetVideoPx);
    // Most frames sit far inside the tolerance; a slipping tracker would raise the median first.
    const sorted = [...worstPerFrame].sort((a, b) => a - b);
    expect(sorted[Math.floor(sorted.length / 2)]).toBeLessThanOrEqual(LIBRARY_TOLERANCE.moveNetVideoPx / 2);
  });
});
