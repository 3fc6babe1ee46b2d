import { describe, expect, it } from 'vitest';
import { MonotonicTimestamps } from '../../src/capture/monotonic-clock';

describe('MonotonicTimestamps', () => {
  it('passes increasing times through unchanged', () => {
    const clock = new MonotonicTimestamps(33);
    expect([0, 33, 66].map((t) => clock.next(t))).toEqual([
      { timestampMs: 0, restarted: false },
      { timestampMs: 33, restarted: false },
      { timestampMs: 66, restarted: false },
    ]);
  });

  it('keeps time moving forward when a looping video jumps back to 0, and flags the restart', () => {
    const clock = new MonotonicTimestamps(33);
    clock.next(9900);
    clock.next(9933);
    const after = clock.next(0);
    expect(after.restarted).toBe(true);
    expect(after.timestampMs).toBeCloseTo(9966, 6);
    expect(clock.next(33).timestampMs).toBeCloseTo(9999, 6);
  });

  it('nudges a repeated timestamp forward without calling it a restart', () => {
    const clock = new MonotonicTimestamps(10);
    clock.next(100);
    const same = clock.next(100);
    expect(same.restarted).toBe(false);
    expect(same.timestampMs).toBeGreaterThan(100);
  });
});
