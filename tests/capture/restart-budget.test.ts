/** The worker restart budget is a sliding window (3 per minute), not a count per page. */
import { describe, expect, it } from 'vitest';
import { DEFAULT_RESTART_BUDGET, RestartBudget } from '../../src/capture/restart-budget';

describe('RestartBudget', () => {
  it('allows 3 restarts in a minute and refuses the 4th within it', () => {
    const b = new RestartBudget();
    expect(DEFAULT_RESTART_BUDGET).toEqual({ max: 3, windowMs: 60_000 });
    expect(b.take(0)).toBe(true);
    expect(b.take(10_000)).toBe(true);
    expect(b.take(20_000)).toBe(true);
    expect(b.used(30_000)).toBe(3);
    expect(b.take(30_000)).toBe(false);
    expect(b.used(30_000), 'a refused restart is not counted').toBe(3);
  });

  it('gives a restart back once the oldest one is a full window old (the 4th crash of a long session restarts)', () => {
    const b = new RestartBudget();
    b.take(0);
    b.take(10_000);
    b.take(20_000);
    expect(b.take(59_999)).toBe(false);
    expect(b.take(60_000)).toBe(true);
    expect(b.used(60_000)).toBe(3);
    // An hour later the window is empty again.
    expect(b.used(3_600_000)).toBe(0);
    for (let i = 0; i < 3; i++) expect(b.take(3_600_000 + i)).toBe(true);
    expect(b.take(3_600_010)).toBe(false);
  });

  it('spreads over a long session: one crash every 25 s never runs out', () => {
    const b = new RestartBudget();
    let refused = 0;
    for (let t = 0; t < 30 * 60_000; t += 25_000) if (!b.take(t)) refused++;
    expect(b.used(30 * 60_000 - 25_000)).toBeGreaterThan(0);
    expect(refused).toBe(0);
  });

  it('rejects a nonsense budget', () => {
    expect(() => new RestartBudget({ max: -1 })).toThrow(/expected max a whole number ≥ 0, got -1/);
    expect(() => new RestartBudget({ windowMs: 0 })).toThrow(/expected windowMs > 0, got 0/);
  });
});
