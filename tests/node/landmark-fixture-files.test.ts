import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LANDMARK_FIXTURES_DIR, listLandmarkFixtures, loadLandmarkFixture } from '../../src/node/load-landmark-fixture';
import { probeVideo } from '../../src/node/probe-video';
import { SHARED_FIXTURES_DIR } from '../../src/node/repo-paths';
import { LANDMARK_COUNT } from '../../src/pose/keypoint-tables';

const files = listLandmarkFixtures();

describe('committed landmark fixtures', () => {
  it('exist for the BlazePose kickback clips', () => {
    expect(files).toContain('cable_kickback_cgi_dosipov.blazepose-full.json');
    expect(files).toContain('donkey_kick_cgi_kinkatsu.blazepose-full.json');
  });

  it.each(files)('%s matches its clip and the PoseFrame contract', async (file) => {
    const fixture = loadLandmarkFixture(join(LANDMARK_FIXTURES_DIR, file));
    const info = await probeVideo(join(SHARED_FIXTURES_DIR, fixture.source));
    expect([fixture.imageWidth, fixture.imageHeight]).toEqual([info.width, info.height]);
    // Fixtures extracted before ffprobe carry ffmpeg's printed rate, 2 decimals (29.97 for
    // 30000/1001); ffprobe's is exact.
    expect(fixture.fps).toBeCloseTo(info.fps, 2);
    // ffmpeg may drop or add a frame at the end of a clip, never more.
    const expectedFrames = info.isImage ? 1 : Math.round(info.durationS * info.fps);
    expect(Math.abs(fixture.frames.length - expectedFrames)).toBeLessThanOrEqual(3);
    const count = LANDMARK_COUNT[fixture.detector.startsWith('blazepose') ? 'blazepose33' : 'movenet17'];
    for (const frame of fixture.frames) {
      expect([frame.imageWidth, frame.imageHeight]).toEqual([info.width, info.height]);
      expect([0, count]).toContain(frame.landmarks.length);
      if (frame.worldLandmarks) expect(frame.worldLandmarks).toHaveLength(count);
    }
    // Loading by clip name finds the same file.
    expect(loadLandmarkFixture(fixture.source.split('/').pop() as string, fixture.detector).frames.length).toBe(fixture.frames.length);
  });
});
