import { describe, expect, it } from 'vitest';
import { formatClock, formatDeg, formatSeconds } from '../../src/ui/format';

describe('display formatting', () => {
  it('shows unknown values as a dash, never NaN', () => {
    expect(formatDeg(null)).toBe('–');
    expect(formatDeg(Number.NaN)).toBe('–');
    expect(formatSeconds(undefined)).toBe('–');
  });
  it('never shows a negative zero', () => {
    expect(formatDeg(-0.3)).toBe('0°');
    expect(formatDeg(-0.6)).toBe('-1°');
    expect(formatSeconds(-0.01)).toBe('0.0 s');
  });
  it('formats the set clock as m:ss', () => {
    expect(formatClock(65_400)).toBe('1:05');
    expect(formatClock(-5)).toBe('0:00');
  });
});
