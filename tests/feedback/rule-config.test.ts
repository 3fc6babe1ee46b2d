import { describe, expect, it } from 'vitest';
import {
  DEFAULT_RULE_CONFIG,
  RULE_CONFIG_FIELDS,
  RULE_CONFIG_KEYS,
  RULE_PRESETS,
  RULE_PRESET_NAMES,
  resolveConfig,
  validateConfig,
  type RuleConfig,
  type RuleConfigKey,
  type RulePreset,
} from '../../src/feedback';

/**
 * Which way is "stricter" for each judging threshold: 'up' = a higher value flags more reps.
 * Keys absent here (live timing, cues, learner) are the same across presets.
 */
const STRICTER: Partial<Record<RuleConfigKey, 'up' | 'down'>> = {
  minRepConfidenceRatio: 'up',
  kickHipExtensionMaxDeg: 'down',
  archRiseMaxDeg: 'down',
  personalTargetMarginDeg: 'down',
  shortRangeMinDeg: 'up',
  torsoLeanMinDeg: 'up',
  torsoLeanMaxDeg: 'down',
  kneeLockMaxDeg: 'up',
  kneeCurlRiseMaxDeg: 'down',
  concentricMinS: 'up',
  eccentricMinS: 'up',
  angularVelocityMaxDegS: 'down',
  torsoSwayMaxDeg: 'down',
  holdMinS: 'up',
  pelvisTiltMaxDeg: 'down',
};

describe('presets', () => {
  it.each(RULE_PRESET_NAMES)('%s is valid and frozen', (name) => {
    expect(() => validateConfig(RULE_PRESETS[name])).not.toThrow();
    expect(Object.isFrozen(RULE_PRESETS[name])).toBe(true);
  });

  it('standard is the default', () => {
    expect(DEFAULT_RULE_CONFIG).toBe(RULE_PRESETS.standard);
  });

  it.each(Object.entries(STRICTER))('%s orders relaxed ≤ standard ≤ strict in strictness', (key, dir) => {
    const k = key as RuleConfigKey;
    const r = RULE_PRESETS.relaxed[k];
    const s = RULE_PRESETS.standard[k];
    const t = RULE_PRESETS.strict[k];
    if (dir === 'up') expect(r <= s && s <= t, `${r} ${s} ${t}`).toBe(true);
    else expect(r >= s && s >= t, `${r} ${s} ${t}`).toBe(true);
  });

  it('every judging threshold differs between relaxed and strict', () => {
    for (const key of Object.keys(STRICTER) as RuleConfigKey[]) {
      expect(RULE_PRESETS.relaxed[key], key).not.toBe(RULE_PRESETS.strict[key]);
    }
  });

  it('standard keeps at least the docs/design.md#form-rules margin (never stricter than the table)', () => {
    // docs/design.md#form-rules defaults; standard may only be equal or more lenient (measurement error margin).
    // Tempo is left out: docs/design.md#form-rules gives whole-movement times, RepMetrics the 10–95 % transit.
    const design: Partial<Record<RuleConfigKey, number>> = {
      kickHipExtensionMaxDeg: 25,
      archRiseMaxDeg: 8,
      shortRangeMinDeg: 5,
      torsoLeanMinDeg: 30,
      torsoLeanMaxDeg: 60,
      kneeLockMaxDeg: 8,
      kneeCurlRiseMaxDeg: 20,
      angularVelocityMaxDegS: 300,
      torsoSwayMaxDeg: 10,
      holdMinS: 0.3,
      pelvisTiltMaxDeg: 8,
    };
    for (const [key, value] of Object.entries(design) as [RuleConfigKey, number][]) {
      const std = RULE_PRESETS.standard[key];
      if (STRICTER[key] === 'up') expect(std, key).toBeLessThanOrEqual(value);
      else expect(std, key).toBeGreaterThanOrEqual(value);
    }
  });

  it('every key has a field spec with a unit that its name carries', () => {
    const suffix: Record<string, RegExp> = { deg: /Deg$/, 'deg/s': /DegS$/, s: /S$/, ms: /Ms$/, ratio: /Ratio$/, reps: /Reps$/ };
    for (const key of RULE_CONFIG_KEYS) {
      const spec = RULE_CONFIG_FIELDS[key];
      expect(key, `${key} (${spec.unit})`).toMatch(suffix[spec.unit] ?? /^$/);
    }
    expect([...RULE_CONFIG_KEYS].sort()).toEqual(Object.keys(RULE_PRESETS.standard).sort());
  });
});

describe('resolveConfig', () => {
  it('merges overrides into a copy, leaving the preset untouched', () => {
    const before = { ...RULE_PRESETS.strict };
    const c = resolveConfig('strict', { holdMinS: 0.9 });
    expect(c.holdMinS).toBe(0.9);
    expect(c.kickHipExtensionMaxDeg).toBe(RULE_PRESETS.strict.kickHipExtensionMaxDeg);
    expect(RULE_PRESETS.strict).toEqual(before);
    expect(c).not.toBe(RULE_PRESETS.strict);
    expect(Object.isFrozen(c)).toBe(true);
  });

  it('defaults to standard with no overrides', () => {
    expect(resolveConfig()).toEqual(RULE_PRESETS.standard);
  });

  it('ignores undefined override values', () => {
    expect(resolveConfig('relaxed', { holdMinS: undefined })).toEqual(RULE_PRESETS.relaxed);
  });

  it.each([
    ['an unknown preset', () => resolveConfig('extreme' as RulePreset), /preset: expected one of relaxed \| standard \| strict, got "extreme"/],
    ['an unknown key', () => resolveConfig('standard', { holdMinSeconds: 1 } as Partial<RuleConfig>), /expected a known threshold key, got "holdMinSeconds"/],
    ['a string value', () => resolveConfig('standard', { holdMinS: '0.3' as unknown as number }), /holdMinS: expected a finite number \(s\), got "0.3"/],
    ['NaN', () => resolveConfig('standard', { archRiseMaxDeg: Number.NaN }), /archRiseMaxDeg: expected a finite number \(deg\), got NaN/],
    ['milliseconds given as seconds', () => resolveConfig('standard', { concentricMinS: 600 }), /concentricMinS: expected 0\.\.10 s, got 600/],
    ['a fractional rep count', () => resolveConfig('standard', { archOnsetMinReps: 2.5 }), /archOnsetMinReps: expected a whole number of reps, got 2.5/],
    ['a torso band upside down', () => resolveConfig('standard', { torsoLeanMinDeg: 70 }), /torsoLeanMinDeg: expected below torsoLeanMaxDeg \(60\), got 70/],
    ['short range above kick limit', () => resolveConfig('standard', { shortRangeMinDeg: 29 }), /shortRangeMinDeg: expected below kickHipExtensionMaxDeg \(28\), got 29/],
    ['overrides not an object', () => resolveConfig('standard', 5 as unknown as Partial<RuleConfig>), /overrides: expected an object of threshold values, got 5/],
  ])('rejects %s, saying expected X, got Y', (_name, call, message) => {
    expect(call).toThrow(message);
  });
});
