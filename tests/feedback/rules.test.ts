import { describe, expect, it } from 'vitest';
import type { RepMetrics } from '../../src/analysis/types';
import {
  RULE_IDS,
  RULE_PRESETS,
  RULE_PRESET_NAMES,
  RULES,
  createArchOnsetState,
  evaluateRep,
  kickLimit,
  updateArchOnset,
  type RepVerdict,
  type RuleConfig,
  type RuleId,
} from '../../src/feedback';
import { FIXED_PHRASES, STREAK_PHRASES } from '../../src/feedback/cue-arbiter';
import { TORSO_LEAN_TOO_FLAT_CUE, TORSO_LEAN_TOO_UPRIGHT_CUE } from '../../src/feedback/rules/torso-lean';
import { NO_NOISE } from './noise-factory';
import { makeRep, type SeriesShape } from './rep-factory';

/** Rule ids of the CLEAR flags (borderline ones are not faults). */
function ids(v: RepVerdict): RuleId[] {
  return v.flags.filter((f) => !f.borderline).map((f) => f.ruleId);
}

/** The plain threshold comparison, without the borderline band: where each threshold sits. */
function exact(rep: RepMetrics, c: RuleConfig, ctx: Parameters<typeof evaluateRep>[2] = {}): RepVerdict {
  return evaluateRep(rep, c, { ...ctx, noise: NO_NOISE });
}

function silentIds(v: RepVerdict): RuleId[] {
  return v.silent.map((s) => s.ruleId);
}

interface FaultCase {
  rule: RuleId;
  name: string;
  /** Build a rep that shows the fault just past this preset's threshold. */
  make: (c: RuleConfig) => RepMetrics;
  /** Which measure the flag should report. */
  measure: string;
  /** The fault is a value below (min) or above (max) its threshold. */
  fails: 'below' | 'above';
}

const FAULTS: FaultCase[] = [
  {
    rule: 'kick-too-high',
    name: 'hip extension past the anatomical limit',
    make: (c) => makeRep({}, { peakHipDeg: c.kickHipExtensionMaxDeg + 4 }),
    measure: 'peakHipExtensionDeg',
    fails: 'above',
  },
  {
    rule: 'kick-too-high',
    name: 'lumbar arch rising while the hip extends',
    // Hip stays under the limit; the back arches over the last degrees of the kick.
    make: (c) => makeRep({}, { peakHipDeg: 14, archOnsetHipDeg: 4, archSlope: (c.archRiseMaxDeg + 3) / 10 }),
    measure: 'archRiseDeg',
    fails: 'above',
  },
  {
    rule: 'short-range',
    name: 'thigh not past the trunk line',
    make: (c) => makeRep({}, { peakHipDeg: c.shortRangeMinDeg - 4 }),
    measure: 'peakHipExtensionDeg',
    fails: 'below',
  },
  { rule: 'torso-lean', name: 'too upright', make: (c) => makeRep({}, { torsoLeanDeg: c.torsoLeanMinDeg - 5 }), measure: 'torsoLeanMeanDeg', fails: 'below' },
  { rule: 'torso-lean', name: 'too flat', make: (c) => makeRep({}, { torsoLeanDeg: c.torsoLeanMaxDeg + 5 }), measure: 'torsoLeanMeanDeg', fails: 'above' },
  {
    rule: 'locked-knee',
    name: 'straight knee at the peak',
    make: (c) => makeRep({}, { kneeDeg: Math.max(0, c.kneeLockMaxDeg - 3) }),
    measure: 'kneeFlexionAtPeakDeg',
    fails: 'below',
  },
  {
    rule: 'knee-curl',
    name: 'knee bends as the leg lifts',
    make: (c) => makeRep({ kneeFlexionRiseLiftingDeg: c.kneeCurlRiseMaxDeg + 6 }),
    measure: 'kneeFlexionRiseLiftingDeg',
    fails: 'above',
  },
  { rule: 'momentum', name: 'fast lift', make: (c) => makeRep({ concentricS: c.concentricMinS * 0.5 }), measure: 'concentricS', fails: 'below' },
  { rule: 'momentum', name: 'fast lowering', make: (c) => makeRep({ eccentricS: c.eccentricMinS * 0.5 }), measure: 'eccentricS', fails: 'below' },
  {
    rule: 'momentum',
    name: 'angular-velocity spike',
    // A 115° swing from a knee tucked to the chest in 0.2 s (~460°/s over the 200 ms speed span),
    // with transit times that alone would pass.
    make: (c) => makeRep({ concentricS: c.concentricMinS * 2, eccentricS: c.eccentricMinS * 2 }, { restHipDeg: -100, upS: 0.2 }),
    measure: 'peakThighSpeedDegS',
    fails: 'above',
  },
  { rule: 'momentum', name: 'torso sway', make: (c) => makeRep({ torsoLeanRangeDeg: c.torsoSwayMaxDeg * 1.5 }), measure: 'torsoLeanRangeDeg', fails: 'above' },
  { rule: 'no-squeeze', name: 'no hold at the top', make: (c) => makeRep({}, { holdS: c.holdMinS / 3 }), measure: 'holdS', fails: 'below' },
  {
    rule: 'pelvis-rotation',
    name: 'hip line tilts (oblique view)',
    make: (c) => makeRep({ pelvisTiltRiseDeg: c.pelvisTiltMaxDeg + 5 }),
    measure: 'pelvisTiltRiseDeg',
    fails: 'above',
  },
  { rule: 'not-visible', name: 'most of the rep unseen', make: (c) => makeRep({ confidence: c.minRepConfidenceRatio / 2 }), measure: 'confidence', fails: 'below' },
];

describe.each(RULE_PRESET_NAMES)('preset %s', (preset) => {
  const config = RULE_PRESETS[preset];

  it('a clean, controlled rep raises no flag and is clean', () => {
    const v = exact(makeRep({ pelvisTiltMaxDeg: 2, pelvisTiltRiseDeg: 2 }), config);
    expect(v.flags).toEqual([]);
    expect(v.clean).toBe(true);
    expect(v.silent).toEqual([]);
  });

  it.each(FAULTS)('$rule fires on: $name, and only that rule fires', ({ rule, make, measure, fails }) => {
    const v = exact(make(config), config);
    expect(ids(v)).toEqual([rule]);
    const f = v.flags[0];
    expect(f?.measure).toBe(measure);
    expect(v.clean).toBe(false);
    // The flag reports the number it judged against the threshold it used.
    if (fails === 'below') expect(f?.measured).toBeLessThan(f?.threshold ?? Number.NaN);
    else expect(f?.measured).toBeGreaterThan(f?.threshold ?? Number.NaN);
    expect(f?.message.length).toBeGreaterThan(10);
  });
});

describe('thresholds are where the config says', () => {
  const c = RULE_PRESETS.standard;
  it.each([
    ['kick-too-high', (d: number) => makeRep({}, { peakHipDeg: c.kickHipExtensionMaxDeg + d })],
    ['short-range', (d: number) => makeRep({}, { peakHipDeg: c.shortRangeMinDeg - d })],
    ['torso-lean', (d: number) => makeRep({}, { torsoLeanDeg: c.torsoLeanMaxDeg + d })],
    ['locked-knee', (d: number) => makeRep({}, { kneeDeg: c.kneeLockMaxDeg - d })],
    ['knee-curl', (d: number) => makeRep({ kneeFlexionRiseLiftingDeg: c.kneeCurlRiseMaxDeg + d })],
    ['pelvis-rotation', (d: number) => makeRep({ pelvisTiltRiseDeg: c.pelvisTiltMaxDeg + d })],
  ] as const)('%s: 0.5° inside passes, 0.5° outside fires', (rule, make) => {
    expect(ids(exact(make(-0.5), c))).not.toContain(rule);
    expect(ids(exact(make(0.5), c))).toContain(rule);
  });

  it('a value the strict preset flags can pass the relaxed one', () => {
    const rep = makeRep({}, { peakHipDeg: (RULE_PRESETS.strict.kickHipExtensionMaxDeg + RULE_PRESETS.relaxed.kickHipExtensionMaxDeg) / 2 });
    expect(ids(exact(rep, RULE_PRESETS.strict))).toContain('kick-too-high');
    expect(ids(exact(rep, RULE_PRESETS.relaxed))).not.toContain('kick-too-high');
  });
});

describe('rules whose inputs are unknown stay silent and say why', () => {
  const c = RULE_PRESETS.standard;
  it.each([
    ['locked-knee', { kneeFlexionAtPeakDeg: null }, /knee not visible/],
    ['knee-curl', { kneeFlexionRiseLiftingDeg: null }, /knee not visible/],
    ['torso-lean', { torsoLeanMeanDeg: null }, /torso lean not measurable/],
    ['short-range', { peakHipExtensionDeg: null }, /hip extension not measurable/],
    ['pelvis-rotation', { pelvisTiltRiseDeg: null }, /front or oblique view from before the lift/],
  ] as const)('%s', (rule, overrides, why) => {
    // The rep would fire every rule if its numbers were read: silence must come from the nulls.
    const faulty = makeRep({ ...overrides }, { kneeDeg: 0, torsoLeanDeg: 80, peakHipDeg: -10 });
    const v = evaluateRep(faulty, c);
    expect(ids(v)).not.toContain(rule);
    const s = v.silent.find((x) => x.ruleId === rule);
    expect(s?.why).toMatch(why);
  });

  it('kick-too-high is silent only when both the hip and the arch are unknown', () => {
    const noHip = makeRep({ peakHipExtensionDeg: null, series: [], lumbarArchPeakDeg: c.archRiseMaxDeg + 5 });
    expect(ids(evaluateRep(noHip, c))).toContain('kick-too-high');
    const neither = makeRep({ peakHipExtensionDeg: null, series: [], lumbarArchPeakDeg: null });
    const v = evaluateRep(neither, c);
    expect(ids(v)).not.toContain('kick-too-high');
    expect(v.silent.find((s) => s.ruleId === 'kick-too-high')?.why).toMatch(/not measurable/);
  });

  it('NaN is treated as unknown, never compared', () => {
    const v = evaluateRep(makeRep({ kneeFlexionAtPeakDeg: Number.NaN }), c);
    expect(silentIds(v)).toContain('locked-knee');
  });

  it('a rep mostly out of view flags not-visible and judges nothing else, saying why', () => {
    const rep = makeRep({ confidence: c.minRepConfidenceRatio - 0.2 }, { peakHipDeg: 40, torsoLeanDeg: 85, holdS: 0 });
    const v = evaluateRep(rep, c);
    expect(ids(v)).toEqual(['not-visible']);
    expect(silentIds(v).sort()).toEqual(RULE_IDS.filter((id) => id !== 'not-visible').sort());
    for (const s of v.silent) expect(s.why).toMatch(/not judged/);
  });
});

describe('kick too high', () => {
  const c = RULE_PRESETS.standard;

  it('an arch that appears only back at rest is not "while the hip extends"', () => {
    // Arch bump on the last samples only (the lifter straightening up after the rep).
    const base = makeRep();
    const n = base.series.length;
    const series = base.series.map((s, i) => ({ ...s, lumbarArchDeg: i > n - 6 ? c.archRiseMaxDeg + 6 : 0 }));
    const v = evaluateRep({ ...base, series, lumbarArchPeakDeg: c.archRiseMaxDeg + 6 }, c);
    expect(ids(v)).not.toContain('kick-too-high');
    // The same bump at the top of the kick does count.
    const peakIdx = series.findIndex((s) => s.tMs >= base.peakMs);
    const atTop = base.series.map((s, i) => ({ ...s, lumbarArchDeg: Math.abs(i - peakIdx) < 3 ? c.archRiseMaxDeg + 6 : 0 }));
    expect(ids(evaluateRep({ ...base, series: atTop }, c))).toContain('kick-too-high');
  });

  it('a one-frame spike in the arch proxy is not an arch', () => {
    const base = makeRep();
    const peakIdx = base.series.findIndex((s) => s.tMs >= base.peakMs);
    const series = base.series.map((s, i) => ({ ...s, lumbarArchDeg: i === peakIdx ? 30 : 0 }));
    expect(ids(evaluateRep({ ...base, series }, c))).not.toContain('kick-too-high');
  });

  it('uses the personal target once it is trusted, not while learning', () => {
    // The lifter's back starts arching at ~8° of hip extension.
    const shape: Partial<SeriesShape> = { peakHipDeg: 22, archOnsetHipDeg: 8, archSlope: 0.4 };
    let state = createArchOnsetState();
    const judged = (): RepVerdict =>
      // A rep at 20° that does not arch enough for the arch rule on its own.
      evaluateRep(makeRep({}, { peakHipDeg: 20, archOnsetHipDeg: null }), c, { archOnset: state });
    for (let i = 0; i < c.archOnsetMinReps - 1; i += 1) {
      state = updateArchOnset(state, makeRep({}, shape), c);
      expect(ids(judged())).not.toContain('kick-too-high');
    }
    state = updateArchOnset(state, makeRep({}, shape), c);
    const v = judged();
    const f = v.flags.find((x) => x.ruleId === 'kick-too-high');
    expect(f?.thresholdSource).toBe('personal');
    expect(f?.threshold).toBeLessThan(c.kickHipExtensionMaxDeg);
    // The target is per leg: the other leg is still judged by the preset.
    const left = evaluateRep(makeRep({}, { peakHipDeg: 20 }, 'left'), c, { archOnset: state });
    expect(ids(left)).not.toContain('kick-too-high');
  });

  it('the personal limit never exceeds the anatomical default', () => {
    expect(kickLimit(c, c.kickHipExtensionMaxDeg + 10).limitDeg).toBe(c.kickHipExtensionMaxDeg);
    expect(kickLimit(c, null)).toEqual({ limitDeg: c.kickHipExtensionMaxDeg, source: 'preset' });
  });
});

describe('verdict shape', () => {
  const c = RULE_PRESETS.standard;

  it('lists flags most severe first, one per rule', () => {
    const rep = makeRep(
      { concentricS: 0.2, eccentricS: 0.2, kneeFlexionRiseLiftingDeg: 40 },
      { peakHipDeg: 40, holdS: 0, kneeDeg: 0, torsoLeanDeg: 80 },
    );
    const v = evaluateRep(rep, c);
    expect(v.flags.length).toBeGreaterThan(3);
    expect(new Set(v.flags.map((f) => f.ruleId)).size).toBe(v.flags.length);
    // Clear flags first, most severe first; borderline ones (not coached) after them.
    const firstBorderline = v.flags.findIndex((f) => f.borderline);
    if (firstBorderline >= 0) expect(v.flags.slice(firstBorderline).every((f) => f.borderline)).toBe(true);
    const clear = v.flags.filter((f) => !f.borderline);
    expect(clear.length).toBeGreaterThan(3);
    for (let i = 1; i < clear.length; i += 1) {
      const prev = clear[i - 1];
      const cur = clear[i];
      if (prev === undefined || cur === undefined) throw new Error('unreachable');
      expect(prev.severity).toBeGreaterThanOrEqual(cur.severity);
      if (prev.severity === cur.severity) expect(RULE_IDS.indexOf(prev.ruleId)).toBeLessThan(RULE_IDS.indexOf(cur.ruleId));
    }
    expect(v.flags[0]?.ruleId).toBe('kick-too-high');
  });

  it('a one-frame glitch at the edge of a rep is not a swing (fixture: 2414°/s on a controlled rep)', () => {
    const base = makeRep();
    const series = base.series.map((x, i) => (i === 0 ? { ...x, thighElevationDeg: (x.thighElevationDeg ?? 0) - 80 } : x));
    const v = evaluateRep({ ...base, series, peakAngularVelocityDegS: 2400 }, c);
    expect(ids(v)).not.toContain('momentum');
  });

  it('a two-frame wobble mid-rep is not a swing: speed is measured over at least 100 ms', () => {
    const base = makeRep();
    const k = Math.floor(base.series.length / 4);
    const series = base.series.map((x, i) => (i === k || i === k + 1 ? { ...x, thighElevationDeg: (x.thighElevationDeg ?? 0) + 12 } : x));
    expect(ids(evaluateRep({ ...base, series }, c))).not.toContain('momentum');
  });

  it('without a series, the analyser\'s peak speed is judged', () => {
    const v = evaluateRep(makeRep({ series: [], peakAngularVelocityDegS: c.angularVelocityMaxDegS + 50 }), c);
    expect(v.flags.find((f) => f.ruleId === 'momentum')?.measure).toBe('peakThighSpeedDegS');
  });

  it('momentum reports the symptom furthest past its threshold', () => {
    const v = evaluateRep(makeRep({ concentricS: c.concentricMinS * 0.9, eccentricS: c.eccentricMinS * 0.3 }), c);
    expect(v.flags.find((f) => f.ruleId === 'momentum')?.measure).toBe('eccentricS');
  });

  it('is JSON-serialisable without loss', () => {
    const v = evaluateRep(makeRep({}, { peakHipDeg: 40 }), c);
    expect(JSON.parse(JSON.stringify(v))).toEqual(v);
  });

  it('rejects a rep without a leg, saying what it expected', () => {
    const bad = { ...makeRep(), leg: 'middle' } as unknown as RepMetrics;
    expect(() => evaluateRep(bad, c)).toThrow(/expected 'left' \| 'right', got "middle"/);
  });
});

describe('rule data', () => {
  const words = (s: string): number => s.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;

  it('every rule id has exactly one rule, in RULE_IDS order', () => {
    expect(RULES.map((r) => r.id)).toEqual([...RULE_IDS]);
  });

  it('ids are kebab-case', () => {
    for (const id of RULE_IDS) expect(id).toMatch(/^[a-z]+(-[a-z]+)*$/);
  });

  it('every cue a rule can speak is at most 6 words', () => {
    const c = RULE_PRESETS.standard;
    const cues = new Set(RULES.map((r) => r.cue));
    for (const f of FAULTS) for (const flag of exact(f.make(c), c).flags) cues.add(flag.cue);
    expect(cues.size).toBeGreaterThan(RULES.length);
    for (const cue of cues) expect(words(cue), cue).toBeLessThanOrEqual(6);
  });

  it('positive phrases and live-hint texts are at most 6 words too', () => {
    const texts = [...FIXED_PHRASES, ...STREAK_PHRASES, TORSO_LEAN_TOO_UPRIGHT_CUE, TORSO_LEAN_TOO_FLAT_CUE];
    for (const t of texts) expect(words(t), t).toBeLessThanOrEqual(6);
  });

  it('every rule has a signal, an explanation and threshold keys that exist in the config', () => {
    for (const r of RULES) {
      expect(r.signal.length).toBeGreaterThan(10);
      expect(r.explanation.length).toBeGreaterThan(40);
      expect(r.thresholdKeys.length).toBeGreaterThan(0);
      for (const k of r.thresholdKeys) expect(RULE_PRESETS.standard).toHaveProperty(k);
    }
  });
});
