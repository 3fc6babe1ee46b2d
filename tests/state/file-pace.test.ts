import { describe, expect, it } from 'vitest';
import { FilePacer, type FilePaceOptions } from '../../src/state/file-pace';

const OPTS: FilePaceOptions = { targetFps: 10, minRate: 0.1, maxRate: 2, hysteresis: 0.05, windowMs: 1500, minFrames: 4, maxStep: 3 };

/**
 * A 30 fps clip played at the pacer's rate into a worker that returns `workerFps` results a
 * second when busy (and sees every frame when the clip presents fewer): the rate after `seconds`
 * of 250 ms ticks, and every rate set on the way.
 */
function simulate(workerFps: number, inferenceMs: number, seconds: number, startRate = 0.1): { rate: number; rates: number[] } {
  const pacer = new FilePacer(OPTS);
  let rate = startRate;
  let processed = 0;
  let mediaS = 0;
  const rates: number[] = [];
  for (let nowMs = 0; nowMs <= seconds * 1000; nowMs += 250) {
    const next = pacer.next({ processedFrames: Math.floor(processed), mediaS, nowMs, currentRate: rate, inferenceMs });
    if (next !== null) {
      rate = next;
      rates.push(rate);
    }
    mediaS += rate * 0.25;
    processed += Math.min(workerFps, 30 * rate) * 0.25;
  }
  return { rate, rates };
}

describe('FilePacer', () => {
  it('settles where the worker analyses the target frames per video second', () => {
    // 2.5 results a second (a loaded machine), detector 217 ms of each: 0.25x.
    const slow = simulate(2.5, 217, 30);
    expect(slow.rates.length).toBeGreaterThan(0);
    expect(slow.rate).toBeGreaterThan(0.22);
    expect(slow.rate).toBeLessThan(0.28);
    // 12 results a second: 1.2x.
    const fast = simulate(12, 70, 30);
    expect(fast.rate).toBeGreaterThan(1.1);
    expect(fast.rate).toBeLessThan(1.3);
  });

  it('climbs out of the slow start by at most maxStep a change', () => {
    const { rates } = simulate(12, 70, 30);
    expect(rates.length).toBeGreaterThan(1);
    let previous = 0.1;
    for (const rate of rates) {
      expect(rate / previous).toBeLessThanOrEqual(OPTS.maxStep + 1e-9);
      previous = rate;
    }
  });

  it('never plays faster than the detector time allows, nor outside the limits', () => {
    // Results counted fast (say, a burst), but the model takes 200 ms: at most 5 fps / 10 = 0.5x.
    expect(simulate(40, 200, 20).rate).toBeLessThanOrEqual(0.5);
    expect(simulate(200, 1, 20).rate).toBe(OPTS.maxRate);
    expect(simulate(0.2, 5000, 20).rate).toBe(OPTS.minRate);
  });

  it('waits for a full window and enough results, and starts over after a gap or a jump back', () => {
    const pacer = new FilePacer(OPTS);
    const at = (processedFrames: number, mediaS: number, nowMs: number) => pacer.next({ processedFrames, mediaS, nowMs, currentRate: 1, inferenceMs: 50 });
    expect(at(0, 0, 0)).toBeNull();
    // 20 frames in 1 s of video (20 fps analysed: room to go faster), but only 1 s of wall time.
    expect(at(20, 1, 1000)).toBeNull();
    // 30 in 1.5 s: 20 fps, twice the target.
    expect(at(30, 1.5, 1500)).toBeCloseTo(2, 9);
    pacer.gap();
    expect(at(40, 2, 60_000)).toBeNull();
    // Too few results in the window.
    expect(at(42, 4, 62_000)).toBeNull();
    // The video went back: a new window.
    expect(at(80, 1, 64_000)).toBeNull();
    // 6 frames in 0.5 s of video since the jump: 12 fps, so 1.2x.
    expect(at(86, 1.5, 66_000)).toBeCloseTo(1.2, 9);
  });

  it('rejects options that cannot work', () => {
    expect(() => new FilePacer({ ...OPTS, targetFps: 0 })).toThrow(RangeError);
    expect(() => new FilePacer({ ...OPTS, minRate: 3 })).toThrow(RangeError);
    expect(() => new FilePacer({ ...OPTS, maxStep: 1 })).toThrow(RangeError);
  });
});
