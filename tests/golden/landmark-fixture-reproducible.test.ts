/**
 * The committed landmark fixtures stand in for the detector in the core's tests: they must be
 * what the detector path gives today. Re-run scripts/extract-landmarks.ts when this fails
 * (models, pose-detection, the adapter or the decoder changed).
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURE_ROUNDING } from '../../src/node/landmark-fixture';
import { loadLandmarkFixture } from '../../src/node/load-landmark-fixture';
import { SHARED_FIXTURES_DIR } from '../../src/node/repo-paths';
import type { DetectorId } from '../../src/pose/types';
import { runClip } from './run-clip';

const FRAME_COUNT = 30;
/** Half a rounding step, plus float slack. */
const PX_TOLERANCE = FIXTURE_ROUNDING.pixel / 2 + 1e-6;
const M_TOLERANCE = FIXTURE_ROUNDING.worldMetre / 2 + 1e-6;

describe.each<DetectorId>(['blazepose-full', 'movenet-lightning'])('landmark fixture %s is reproducible', (detector) => {
  it(`matches a fresh run on the first ${FRAME_COUNT} frames to within rounding`, async () => {
    const fixture = loadLandmarkFixture('donkey_kick_cgi_kinkatsu', detector);
    const live = await runClip(join(SHARED_FIXTURES_DIR, fixture.source), detector, FRAME_COUNT);
    let worstPx = 0;
    let worstM = 0;
    live.forEach((frame, i) => {
      const stored = fixture.frames[i];
      if (!stored) throw new Error(`expected fixture frame ${i}, got none`);
      expect(frame.timestampMs).toBeCloseTo(stored.timestampMs, 1);
      expect(frame.landmarks.length).toBe(stored.landmarks.length);
      frame.landmarks.forEach((l, k) => {
        const s = stored.landmarks[k];
        worstPx = Math.max(worstPx, Math.abs(l.x - (s?.x ?? Number.NaN)), Math.abs(l.y - (s?.y ?? Number.NaN)));
      });
      frame.worldLandmarks?.forEach((w, k) => {
        const s = stored.worldLandmarks?.[k];
        worstM = Math.max(worstM, Math.abs(w.x - (s?.x ?? Number.NaN)), Math.abs(w.y - (s?.y ?? Number.NaN)), Math.abs(w.z - (s?.z ?? Number.NaN)));
      });
    });
    expect(worstPx).toBeLessThanOrEqual(PX_TOLERANCE);
    expect(worstM).toBeLessThanOrEqual(M_TOLERANCE);
  });
});
