import { describe, expect, it } from 'vitest';
import { affordableFps, nextFilePlaybackRate, type FilePaceOptions } from '../../src/state/file-pace';

const OPTS: FilePaceOptions = { targetFps: 10, minRate: 0.1, maxRate: 2, hysteresis: 0.05 };

describe('affordableFps', () => {
  it('takes the measured result rate, capped by the detector time', () => {
    expect(affordableFps(100, 8)).toBeCloseTo(8, 9);
    expect(affordableFps(100, 14)).toBeCloseTo(10, 9);
    expect(affordableFps(0, 7)).toBe(7);
    expect(affordableFps(50, 0)).toBeCloseTo(20, 9);
    expect(affordableFps(0, 0)).toBe(0);
  });
});

describe('nextFilePlaybackRate', () => {
  it('plays as fast as the worker analyses targetFps frames of video a second', () => {
    // 8 results a second (125 ms each, detector 100 ms of it): 0.8x gives 10 frames per video second.
    expect(nextFilePlaybackRate({ currentRate: 0.1, inferenceMs: 100, processedFps: 8 }, OPTS)).toBeCloseTo(0.8, 9);
  });

  it('leaves the rate alone before any result, and within the hysteresis', () => {
    expect(nextFilePlaybackRate({ currentRate: 0.1, inferenceMs: 0, processedFps: 0 }, OPTS)).toBeNull();
    expect(nextFilePlaybackRate({ currentRate: 0.78, inferenceMs: 100, processedFps: 8 }, OPTS)).toBeNull();
  });

  it('keeps between the limits', () => {
    expect(nextFilePlaybackRate({ currentRate: 1, inferenceMs: 5000, processedFps: 0.2 }, OPTS)).toBe(0.1);
    expect(nextFilePlaybackRate({ currentRate: 1, inferenceMs: 10, processedFps: 90 }, OPTS)).toBe(2);
  });

  it('climbs out of a slow start: a video presenting fewer frames than the worker takes speeds up', () => {
    // A 30 fps clip at rate r presents 30r frames a second; the worker could do 12.
    let rate = 0.1;
    const steps: number[] = [];
    for (let i = 0; i < 6; i++) {
      const processedFps = Math.min(30 * rate, 12);
      rate = nextFilePlaybackRate({ currentRate: rate, inferenceMs: 1000 / 12, processedFps }, OPTS) ?? rate;
      steps.push(rate);
    }
    expect(steps.length).toBe(6);
    expect(steps[0]).toBeCloseTo(0.3, 9);
    expect(steps[1]).toBeCloseTo(0.9, 9);
    expect(steps.at(-1)).toBeCloseTo(1.2, 9);
  });
});
