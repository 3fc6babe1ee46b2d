import { describe, expect, it } from 'vitest';
import {
  RULE_PRESETS,
  createArchOnsetState,
  detectArchOnset,
  kickTargetBand,
  parseArchOnsetState,
  personalKickTarget,
  resetArchOnset,
  updateArchOnset,
  type ArchOnsetState,
} from '../../src/feedback';
import { makeRep, type SeriesShape } from './rep-factory';

const c = RULE_PRESETS.standard;

/** Deterministic ±amplitude pseudo-noise (a sine hash), so the test is repeatable. */
function noise(seed: number, amplitude: number): (i: number) => number {
  return (i) => {
    const x = Math.sin((i + 1) * 12.9898 + seed * 78.233) * 43758.5453;
    return (x - Math.floor(x) - 0.5) * 2 * amplitude;
  };
}

function learn(state: ArchOnsetState, n: number, shape: Partial<SeriesShape>, leg: 'left' | 'right' = 'right'): ArchOnsetState {
  let s = state;
  for (let i = 0; i < n; i += 1) s = updateArchOnset(s, makeRep({}, { ...shape, archNoise: noise(i, 0.6) }, leg), c);
  return s;
}

describe('detectArchOnset', () => {
  it.each([6, 10, 14])('finds an onset at %s° of hip extension within 2°', (onset) => {
    const obs = detectArchOnset(makeRep({}, { peakHipDeg: 24, archOnsetHipDeg: onset, archSlope: 0.8 }), c);
    expect(obs?.onsetDeg).not.toBeNull();
    expect(Math.abs((obs?.onsetDeg ?? 0) - onset)).toBeLessThan(2);
  });

  it('still finds it with ±0.6° of noise on the proxy', () => {
    const obs = detectArchOnset(makeRep({}, { peakHipDeg: 24, archOnsetHipDeg: 10, archSlope: 0.8, archNoise: noise(3, 0.6) }), c);
    expect(Math.abs((obs?.onsetDeg ?? 0) - 10)).toBeLessThan(3);
  });

  it('reports no onset (with the peak reached) when the back never arches', () => {
    const obs = detectArchOnset(makeRep({}, { peakHipDeg: 18, archNoise: noise(1, 0.6) }), c);
    expect(obs?.onsetDeg).toBeNull();
    expect(obs?.peakDeg).toBeCloseTo(18, 0);
  });

  it('an arch after the peak (while lowering) is not an onset during the lift', () => {
    const base = makeRep({}, { peakHipDeg: 18 });
    const series = base.series.map((s) => ({ ...s, lumbarArchDeg: s.tMs > base.peakMs + 100 ? 10 : 0 }));
    expect(detectArchOnset({ ...base, series }, c)?.onsetDeg).toBeNull();
  });

  it('cannot say anything from a rep mostly out of view or without a series', () => {
    expect(detectArchOnset(makeRep({ confidence: 0.2 }, { archOnsetHipDeg: 5 }), c)).toBeNull();
    expect(detectArchOnset(makeRep({ series: [] }), c)).toBeNull();
  });
});

describe('learning a personal target', () => {
  it('is learning until archOnsetMinReps usable reps, per leg', () => {
    let s = createArchOnsetState();
    const shape = { peakHipDeg: 24, archOnsetHipDeg: 12, archSlope: 0.8 };
    for (let i = 1; i <= c.archOnsetMinReps; i += 1) {
      s = learn(s, 1, shape);
      expect(s.legs.right.repsSeen).toBe(i);
      expect(s.legs.right.learning).toBe(i < c.archOnsetMinReps);
      expect(personalKickTarget(s, 'right', c) === null).toBe(i < c.archOnsetMinReps);
    }
    expect(s.legs.left).toEqual(createArchOnsetState().legs.left);
    expect(personalKickTarget(s, 'left', c)).toBeNull();
    expect(Math.abs((s.legs.right.targetDeg ?? 0) - 12)).toBeLessThan(2.5);
  });

  it('does not change the state it was given', () => {
    const s0 = createArchOnsetState();
    const copy = JSON.parse(JSON.stringify(s0)) as ArchOnsetState;
    const s1 = updateArchOnset(s0, makeRep({}, { archOnsetHipDeg: 5 }), c);
    expect(s0).toEqual(copy);
    expect(s1).not.toBe(s0);
  });

  it('an unusable rep leaves the state as it was', () => {
    const s0 = createArchOnsetState();
    expect(updateArchOnset(s0, makeRep({ confidence: 0 }), c)).toBe(s0);
  });

  it('is bounded: never above the anatomical default, never below the minimum target', () => {
    const high = learn(createArchOnsetState(), 5, { peakHipDeg: 45, archOnsetHipDeg: 38, archSlope: 1 });
    expect(high.legs.right.targetDeg).toBe(c.kickHipExtensionMaxDeg);
    const low = learn(createArchOnsetState(), 5, { peakHipDeg: 20, archOnsetHipDeg: -5, archSlope: 0.5 });
    expect(low.legs.right.targetDeg).toBe(c.archOnsetMinTargetDeg);
  });

  it('a lifter who never arches keeps the anatomical default as target', () => {
    const s = learn(createArchOnsetState(), 6, { peakHipDeg: 18 });
    expect(s.legs.right.learning).toBe(false);
    expect(personalKickTarget(s, 'right', c)).toBe(c.kickHipExtensionMaxDeg);
  });

  it('one arching rep among many clean ones is not the lifter\'s pattern', () => {
    let s = learn(createArchOnsetState(), 8, { peakHipDeg: 18 });
    s = learn(s, 1, { peakHipDeg: 24, archOnsetHipDeg: 10, archSlope: 1 });
    expect(personalKickTarget(s, 'right', c)).toBe(c.kickHipExtensionMaxDeg);
  });

  it('arching only on the reps that go high is still the pattern: low reps say nothing', () => {
    let s = learn(createArchOnsetState(), 6, { peakHipDeg: 11 });
    s = learn(s, 2, { peakHipDeg: 24, archOnsetHipDeg: 15, archSlope: 0.8 });
    expect(Math.abs((personalKickTarget(s, 'right', c) ?? 0) - 15)).toBeLessThan(2.5);
  });

  it('keeps only the latest window of reps, so the target follows the lifter', () => {
    let s = learn(createArchOnsetState(), c.archOnsetWindowReps, { peakHipDeg: 24, archOnsetHipDeg: 11, archSlope: 0.8 });
    s = learn(s, c.archOnsetWindowReps, { peakHipDeg: 26, archOnsetHipDeg: 17, archSlope: 0.8 });
    expect(s.legs.right.observations).toHaveLength(c.archOnsetWindowReps);
    expect(s.legs.right.repsSeen).toBe(2 * c.archOnsetWindowReps);
    expect(Math.abs((personalKickTarget(s, 'right', c) ?? 0) - 17)).toBeLessThan(2.5);
  });

  it('reset forgets one leg or both', () => {
    let s = learn(createArchOnsetState(), 4, { archOnsetHipDeg: 8, peakHipDeg: 20 }, 'left');
    s = learn(s, 4, { archOnsetHipDeg: 8, peakHipDeg: 20 }, 'right');
    const r = resetArchOnset(s, 'left');
    expect(r.legs.left.repsSeen).toBe(0);
    expect(r.legs.right.repsSeen).toBe(4);
    expect(resetArchOnset(s)).toEqual(createArchOnsetState());
  });
});

describe('kickTargetBand (live hip gauge)', () => {
  it('shows the preset band while learning and the personal one after', () => {
    const empty = kickTargetBand(createArchOnsetState(), 'right', c);
    expect(empty).toMatchObject({ minDeg: c.shortRangeMinDeg, maxDeg: c.kickHipExtensionMaxDeg, source: 'preset', learning: true, repsSeen: 0 });
    const s = learn(createArchOnsetState(), c.archOnsetMinReps, { peakHipDeg: 24, archOnsetHipDeg: 12, archSlope: 0.8 });
    const band = kickTargetBand(s, 'right', c);
    expect(band.learning).toBe(false);
    expect(band.source).toBe('personal');
    expect(band.maxDeg).toBeCloseTo(band.targetDeg + c.personalTargetMarginDeg, 6);
    expect(band.maxDeg).toBeLessThan(c.kickHipExtensionMaxDeg);
  });

  it('works without any state (new profile)', () => {
    expect(kickTargetBand(null, 'left', c).learning).toBe(true);
  });
});

describe('saved state', () => {
  it('round-trips through JSON', () => {
    const s = learn(createArchOnsetState(), 4, { archOnsetHipDeg: 9, peakHipDeg: 22 });
    expect(parseArchOnsetState(JSON.parse(JSON.stringify(s)))).toEqual(s);
  });

  it.each([
    ['not an object', 'hello', /archOnset: expected an object, got "hello"/],
    ['wrong version', { version: 2, legs: {} }, /archOnset.version: expected 1, got 2/],
    [
      'negative reps',
      { version: 1, legs: { left: { repsSeen: -1, learning: true, targetDeg: null, observations: [] }, right: {} } },
      /archOnset.legs.left.repsSeen: expected a whole number ≥ 0, got -1/,
    ],
    [
      'bad observation',
      {
        version: 1,
        legs: {
          left: { repsSeen: 1, learning: true, targetDeg: null, observations: [{ repIndex: 1, onsetDeg: 'x', peakDeg: 3 }] },
          right: { repsSeen: 0, learning: true, targetDeg: null, observations: [] },
        },
      },
      /observations\[0\].onsetDeg: expected a finite number or null, got "x"/,
    ],
  ])('rejects %s, saying expected X, got Y', (_n, value, message) => {
    expect(() => parseArchOnsetState(value)).toThrow(message);
  });
});
