import { describe, expect, it } from 'vitest';
import { naiveRepCount } from '../../src/node/naive-counter';
import { generateKickbackSet } from '../../src/synthetic/kickback-set';
import { generateLookAlikeSet } from '../../src/synthetic/other-movements';

describe('naive relative counter (the baseline)', () => {
  it('counts clean kickbacks and finds the working leg, in both layouts', () => {
    for (const keypointSet of ['blazepose33', 'movenet17'] as const) {
      const set = generateKickbackSet({ reps: 4, leg: 'left', keypointSet, noisePx: 1, seed: 3 });
      expect(naiveRepCount(set.frames)).toEqual({ reps: 4, leg: 'left' });
    }
  });

  it('counts nothing when nobody is seen or nothing moves', () => {
    expect(naiveRepCount([])).toEqual({ reps: 0, leg: null });
    const still = generateKickbackSet({ reps: 0, leadInS: 3 });
    expect(still.frames.length).toBeGreaterThan(30);
    expect(naiveRepCount(still.frames).reps).toBe(0);
  });

  it('has no view check: it counts squats as reps, which is why it is only the baseline', () => {
    const squat = generateLookAlikeSet('squat', { reps: 3 });
    expect(naiveRepCount(squat.frames).reps).toBe(3);
  });
});
