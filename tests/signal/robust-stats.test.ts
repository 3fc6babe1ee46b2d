import { describe, expect, it } from 'vitest';
import { mean, median, quantile, runningMedian } from '../../src/signal/robust-stats';

describe('robust statistics', () => {
  it('ignore nulls and non-finite values; empty gives null', () => {
    expect(median([3, null, 1, Number.NaN, 2])).toBe(2);
    expect(mean([1, 3, null])).toBe(2);
    expect(median([])).toBeNull();
    expect(quantile([null], 0.5)).toBeNull();
  });

  it('interpolate quantiles', () => {
    expect(quantile([0, 10], 0.25)).toBe(2.5);
    expect(quantile([5, 1, 3], 0)).toBe(1);
    expect(quantile([5, 1, 3], 1)).toBe(5);
    expect(() => quantile([1], 2)).toThrow('expected q in [0, 1], got 2');
  });

  it('a running median removes an isolated spike without moving a step', () => {
    const spike = [10, 10, 10, 60, 10, 10, 10];
    expect(runningMedian(spike, 2)).toEqual([10, 10, 10, 10, 10, 10, 10]);
    const step = [0, 0, 0, 0, 20, 20, 20, 20];
    expect(runningMedian(step, 1)).toEqual(step);
    expect(runningMedian([1, null, 3], 1)).toEqual([1, null, 3]);
  });
});
