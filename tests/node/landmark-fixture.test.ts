import { describe, expect, it } from 'vitest';
import { roundPoseFrame, roundTo } from '../../src/node/landmark-fixture';
import { landmarkFixtureFileName, parseLandmarkFixture } from '../../src/node/load-landmark-fixture';
import type { PoseFrame } from '../../src/pose/types';

describe('roundTo', () => {
  it('rounds to the step and prints no binary noise', () => {
    expect(roundTo(464.5071541, 0.1)).toBe(464.5);
    expect(roundTo(-0.0960962, 0.001)).toBe(-0.096);
    expect(roundTo(0.9999746, 0.01)).toBe(1);
    expect(String(roundTo(0.3 + 0.0000001, 0.1))).toBe('0.3');
  });
});

describe('roundPoseFrame', () => {
  it('rounds pixels, metres and visibilities, drops image z, keeps the structure', () => {
    const frame: PoseFrame = {
      timestampMs: 33.333333, imageWidth: 640, imageHeight: 480, keypointSet: 'blazepose33',
      landmarks: [{ x: 1.26, y: 2.04, z: -3.333, visibility: 0.987 }],
      worldLandmarks: [{ x: 0.12345, y: -0.5556, z: 0.0004, visibility: 0.987 }],
      score: 0.9999, inferenceMs: 47.26,
    };
    expect(roundPoseFrame(frame)).toEqual({
      timestampMs: 33.33, imageWidth: 640, imageHeight: 480, keypointSet: 'blazepose33',
      landmarks: [{ x: 1.3, y: 2, visibility: 0.99 }],
      worldLandmarks: [{ x: 0.123, y: -0.556, z: 0, visibility: 0.99 }],
      score: 1, inferenceMs: 47.3,
    });
  });
});

describe('landmark fixture files', () => {
  it('names files after the clip and detector', () => {
    expect(landmarkFixtureFileName('kickback/donkey_kick_cgi_kinkatsu.mp4', 'movenet-lightning'))
      .toBe('donkey_kick_cgi_kinkatsu.movenet-lightning.json');
  });

  it('rejects frames whose timestamps do not increase', () => {
    const fixture = {
      source: 'a.mp4', detector: 'blazepose-full', fps: 30, imageWidth: 2, imageHeight: 2,
      frames: [{ timestampMs: 0, landmarks: [] }, { timestampMs: 0, landmarks: [] }],
    };
    expect(() => parseLandmarkFixture(fixture, 'a.json')).toThrow('expected frame 1 with increasing timestampMs in a.json, got 0');
  });

  it('rejects a file without frames', () => {
    expect(() => parseLandmarkFixture({ source: 'a', detector: 'x', fps: 1, imageWidth: 1, imageHeight: 1 }, 'a.json'))
      .toThrow('expected an array "frames" in a.json, got "undefined"');
  });
});
