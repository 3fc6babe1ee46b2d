import { describe, expect, it } from 'vitest';
import { analyzeFixture, thinFixture } from '../../src/node/fixture-clip-report';
import { loadLandmarkFixture } from '../../src/node/load-landmark-fixture';
import { repEvalSpeed } from '../../src/node/rep-count-eval';

describe('repEvalSpeed', () => {
  it('divides seconds of video by seconds taken, wall clock and CPU', () => {
    expect(repEvalSpeed(20.6, 10, 41.2, 10.3)).toEqual({
      videoS: 20.6, analysisFps: 10, secondsTaken: 41.2, cpuSecondsTaken: 10.3, xRealTime: 0.5, xRealTimeCpu: 2,
    });
    expect(repEvalSpeed(5, 10, 0, 0).xRealTime).toBe(0);
  });
});

describe('thinFixture', () => {
  const fixture = loadLandmarkFixture('cable_kickback_real_side_curvelog.mp4', 'blazepose-full');

  it('keeps every n-th frame with its own time, as the CLI decodes at that rate', () => {
    expect(fixture.fps).toBe(30);
    const thin = thinFixture(fixture, 10);
    expect(thin.fps).toBe(10);
    expect(thin.frames.length).toBe(Math.ceil(fixture.frames.length / 3));
    expect(thin.frames[1]).toBe(fixture.frames[3]);
    expect(thin.frames[1]?.timestampMs).toBe(100);
    expect(thinFixture(fixture, Number.POSITIVE_INFINITY)).toBe(fixture);
  });

  it('gives the labelled clip the same count at 10 fps as over every frame', () => {
    const all = analyzeFixture(fixture).summary.repCount;
    expect(all).toBeGreaterThan(0);
    expect(analyzeFixture(thinFixture(fixture, 10)).summary.repCount).toBe(all);
  });
});
