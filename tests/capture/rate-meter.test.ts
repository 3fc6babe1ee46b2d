import { describe, expect, it } from 'vitest';
import { RateMeter } from '../../src/capture/rate-meter';

describe('RateMeter', () => {
  it('measures events per second over its window', () => {
    const meter = new RateMeter(2000);
    for (let t = 0; t <= 1000; t += 100) meter.tick(t);
    expect(meter.rate(1000)).toBeCloseTo(10, 6);
  });

  it('forgets events older than the window', () => {
    const meter = new RateMeter(1000);
    for (let t = 0; t <= 500; t += 50) meter.tick(t);
    expect(meter.rate(5000)).toBe(0);
  });
});
