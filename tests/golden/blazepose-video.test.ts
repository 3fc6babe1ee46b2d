import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SHARED_FIXTURES_DIR } from '../../src/node/repo-paths';
import { LIBRARY_SIMULATED_INTERVAL_MS, LIBRARY_TOLERANCE } from './library-expected';
import { maxAbsDiff, runClip } from './run-clip';

const DIR = join(SHARED_FIXTURES_DIR, 'keypoints/tfjs-models');
/** All 65 frames of the 5 fps clip (~10 s here): the library's golden file covers every frame. */
const FRAME_COUNT = 65;

/** pose_squats.full.json: per frame, 33 × [x, y, z] in pixels. */
type Golden = number[][][];

describe('golden: BlazePose full on pose_squats.mp4 (Node, wasm, with smoothing)', () => {
  it('tracks every frame within the library video tolerance, z included', async () => {
    const golden = JSON.parse(readFileSync(join(DIR, 'pose_squats.full.json'), 'utf8')) as Golden;
    expect(golden.length).toBeGreaterThanOrEqual(FRAME_COUNT);
    const frames = await runClip(join(DIR, 'pose_squats.mp4'), 'blazepose-full', FRAME_COUNT, (i) => i * LIBRARY_SIMULATED_INTERVAL_MS);
    expect(frames).toHaveLength(FRAME_COUNT);

    const worstXyPerFrame = frames.map((frame, i) => {
      expect(frame.landmarks, `frame ${i} found no person`).toHaveLength(33);
      const expected = (golden[i] ?? []).flatMap(([x, y]) => [x as number, y as number]);
      return maxAbsDiff(frame.landmarks.flatMap((l) => [l.x, l.y]), expected);
    });
    const worst = Math.max(...worstXyPerFrame);
    expect(worst, `worst frame ${worstXyPerFrame.indexOf(worst)} off by ${worst.toFixed(1)} px`).toBeLessThanOrEqual(LIBRARY_TOLERANCE.blazePoseVideoPx);

    // z: pose-detection's smoothing scales it by the image width (see workers/detector.ts); the
    // adapter undoes that. z is the noisiest output and these model files are not the ones that
    // made the golden file (lower-body depth differs by up to ~200 px), so compare its scale and
    // shape, not each value: the least-squares slope of ours against the golden z must be ~1
    // (without the fix it is ~720) and the two must move together.
    let sumXY = 0;
    let sumXX = 0;
    let sumYY = 0;
    frames.forEach((frame, i) =>
      frame.landmarks.forEach((l, k) => {
        const goldenZ = golden[i]?.[k]?.[2] ?? Number.NaN;
        const ourZ = l.z ?? Number.NaN;
        sumXY += goldenZ * ourZ;
        sumXX += goldenZ * goldenZ;
        sumYY += ourZ * ourZ;
      }),
    );
    const slope = sumXY / sumXX;
    const correlation = sumXY / Math.sqrt(sumXX * sumYY);
    expect(slope, 'z scale against the golden z').toBeGreaterThan(0.8);
    expect(slope, 'z scale against the golden z').toBeLessThan(1.25);
    expect(correlation, 'z agreement with the golden z').toBeGreaterThan(0.9);
  });
});
