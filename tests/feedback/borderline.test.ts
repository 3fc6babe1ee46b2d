/**
 * Borderline flags (docs/trust.md#verdicts-near-a-threshold): a reading within its measurement noise of a threshold is
 * reported as borderline on either side, a reading further away is a clear flag or a clear pass,
 * and moving a reading by less than its noise never turns a clear flag into a clear pass.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { RepMetrics } from '../../src/analysis/types';
import {
  BORDERLINE_NOISE_MULTIPLE,
  NOISY_SIGNALS,
  RULE_PRESETS,
  SIGNAL_NOISE,
  TIME_SIGNAL_FRAME_INTERVALS,
  createCueArbiter,
  evaluateRep,
  noiseAtFrameInterval,
  repFrameIntervalMs,
  standingOf,
  type NoisySignal,
  type RuleConfig,
  type RuleId,
} from '../../src/feedback';
import { sigmaOf } from './noise-factory';
import { makeRep } from './rep-factory';

const c = RULE_PRESETS.standard;

interface Case {
  rule: RuleId;
  signal: NoisySignal;
  /** 'max': above the threshold fails; 'min': below fails. */
  bound: 'min' | 'max';
  threshold: (c: RuleConfig) => number;
  /** A clean rep whose `signal` reads `value` (and nothing else near a threshold of this rule). */
  make: (value: number) => RepMetrics;
}

// Tilt is judged by its size, so a reading below 0 is clamped (a negative one would be a tilt too).
const CASES: Case[] = [
  { rule: 'kick-too-high', signal: 'peakHipExtensionDeg', bound: 'max', threshold: (k) => k.kickHipExtensionMaxDeg, make: (v) => makeRep({}, { peakHipDeg: v }) },
  // Without a series the arch rise is the analyser's lumbarArchPeakDeg.
  { rule: 'kick-too-high', signal: 'archRiseDeg', bound: 'max', threshold: (k) => k.archRiseMaxDeg, make: (v) => makeRep({ series: [], lumbarArchPeakDeg: v }) },
  { rule: 'short-range', signal: 'peakHipExtensionDeg', bound: 'min', threshold: (k) => k.shortRangeMinDeg, make: (v) => makeRep({ peakHipExtensionDeg: v }) },
  { rule: 'torso-lean', signal: 'torsoLeanMeanDeg', bound: 'min', threshold: (k) => k.torsoLeanMinDeg, make: (v) => makeRep({ torsoLeanMeanDeg: v }) },
  { rule: 'torso-lean', signal: 'torsoLeanMeanDeg', bound: 'max', threshold: (k) => k.torsoLeanMaxDeg, make: (v) => makeRep({ torsoLeanMeanDeg: v }) },
  { rule: 'momentum', signal: 'concentricS', bound: 'min', threshold: (k) => k.concentricMinS, make: (v) => makeRep({ concentricS: v }) },
  { rule: 'momentum', signal: 'eccentricS', bound: 'min', threshold: (k) => k.eccentricMinS, make: (v) => makeRep({ eccentricS: v }) },
  // Without a series the thigh speed is the analyser's peakAngularVelocityDegS.
  { rule: 'momentum', signal: 'peakThighSpeedDegS', bound: 'max', threshold: (k) => k.angularVelocityMaxDegS, make: (v) => makeRep({ series: [], peakAngularVelocityDegS: v }) },
  { rule: 'momentum', signal: 'torsoLeanRangeDeg', bound: 'max', threshold: (k) => k.torsoSwayMaxDeg, make: (v) => makeRep({ torsoLeanRangeDeg: v }) },
  { rule: 'knee-curl', signal: 'kneeFlexionRiseLiftingDeg', bound: 'max', threshold: (k) => k.kneeCurlRiseMaxDeg, make: (v) => makeRep({ kneeFlexionRiseLiftingDeg: v }) },
  { rule: 'locked-knee', signal: 'kneeFlexionAtPeakDeg', bound: 'min', threshold: (k) => k.kneeLockMaxDeg, make: (v) => makeRep({ kneeFlexionAtPeakDeg: v }) },
  { rule: 'no-squeeze', signal: 'holdS', bound: 'min', threshold: (k) => k.holdMinS, make: (v) => makeRep({ holdS: v }) },
  { rule: 'pelvis-rotation', signal: 'pelvisTiltRiseDeg', bound: 'max', threshold: (k) => k.pelvisTiltMaxDeg, make: (v) => makeRep({ pelvisTiltRiseDeg: Math.max(0, v) }) },
];

/** The value `k` noise-bands (σ · multiple) past the threshold on the failing side (negative k: passing side). */
function at(cs: Case, k: number): number {
  const band = BORDERLINE_NOISE_MULTIPLE * sigmaOf(cs.signal);
  const t = cs.threshold(c);
  return cs.bound === 'max' ? t + k * band : t - k * band;
}

function ruleFlag(cs: Case, value: number): { borderline: boolean; measure: string } | undefined {
  return evaluateRep(cs.make(value), c).flags.find((f) => f.ruleId === cs.rule);
}

describe('the noise table', () => {
  it('has a positive noise for every signal a rule compares with a threshold', () => {
    expect(NOISY_SIGNALS.length).toBe(11);
    for (const s of NOISY_SIGNALS) expect(SIGNAL_NOISE[s].sigma, s).toBeGreaterThan(0);
  });

  it('every case above is a signal of the table, and every signal has a case', () => {
    expect(new Set(CASES.map((x) => x.signal))).toEqual(new Set(NOISY_SIGNALS));
  });
});

describe.each(CASES)('$rule on $signal ($bound)', (cs) => {
  it('just past the threshold (half the band) is a borderline flag', () => {
    const f = ruleFlag(cs, at(cs, 0.5));
    expect(f).toMatchObject({ borderline: true, measure: cs.signal });
  });

  it('just short of the threshold (half the band) is a borderline flag too, not a silent pass', () => {
    const f = ruleFlag(cs, at(cs, -0.5));
    expect(f).toMatchObject({ borderline: true, measure: cs.signal });
  });

  it('clearly past the band is a clear flag, and the rep is not clean', () => {
    const v = evaluateRep(cs.make(at(cs, 1.5)), c);
    expect(v.flags.find((f) => f.ruleId === cs.rule)).toMatchObject({ borderline: false, measure: cs.signal });
    expect(v.clean).toBe(false);
  });

  it('clearly short of the band is a clear pass', () => {
    expect(ruleFlag(cs, at(cs, -1.5))).toBeUndefined();
  });

  it('a borderline message says it is close to the limit and not coached', () => {
    const v = evaluateRep(cs.make(at(cs, 0.5)), c);
    const f = v.flags.find((x) => x.ruleId === cs.rule);
    expect(f?.message).toMatch(/^Close to the limit: .* measurement noise\), so not coached\.$/);
  });
});

describe('standingOf', () => {
  it('is the plain comparison when the noise is zero', () => {
    expect(standingOf(0.001, 0)).toBe('clear-fail');
    expect(standingOf(0, 0)).toBe('clear-pass');
    expect(standingOf(-0.001, 0)).toBe('clear-pass');
  });

  it('is borderline on both sides inside the band and clear outside it', () => {
    expect(standingOf(1.9, 2, 1)).toBe('borderline');
    expect(standingOf(-1.9, 2, 1)).toBe('borderline');
    expect(standingOf(2, 2, 1)).toBe('clear-fail');
    expect(standingOf(-2, 2, 1)).toBe('clear-pass');
  });
});

describe('property: less than the noise never flips a clear flag into a clear pass', () => {
  it.each(CASES)('$rule on $signal ($bound)', (cs) => {
    const sigma = sigmaOf(cs.signal);
    const t = cs.threshold(c);
    fc.assert(
      fc.property(
        fc.double({ min: t - 4 * sigma, max: t + 4 * sigma, noNaN: true }),
        fc.double({ min: -0.999, max: 0.999, noNaN: true }),
        (value, frac) => {
          const before = ruleFlag(cs, value);
          if (before === undefined || before.borderline) return true;
          // A clear flag: the moved reading still flags (clear or borderline).
          return ruleFlag(cs, value + frac * sigma) !== undefined;
        },
      ),
      { numRuns: 200 },
    );
  });

  it('and a clear pass never becomes a clear flag', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...CASES),
        fc.double({ min: -4, max: 4, noNaN: true }),
        fc.double({ min: -0.999, max: 0.999, noNaN: true }),
        (cs, k, frac) => {
          const value = at(cs, k);
          const before = ruleFlag(cs, value);
          if (before !== undefined) return true;
          const after = ruleFlag(cs, value + frac * sigmaOf(cs.signal));
          return after === undefined || after.borderline;
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('cues come only from clear flags', () => {
  it('whatever the readings near the thresholds, the cue names a clear flag or praise', () => {
    let clearCues = 0;
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.constantFrom(...CASES), fc.double({ min: -2.5, max: 2.5, noNaN: true })), { minLength: 1, maxLength: 8 }), (reps) => {
        const arb = createCueArbiter(c);
        return reps.every(([cs, k], i) => {
          const v = evaluateRep({ ...cs.make(at(cs, k)), index: 10_000 + i }, c);
          const cue = arb.onRep(v, i * 10_000);
          const clear = v.flags.filter((f) => !f.borderline).map((f) => f.ruleId);
          if (cue !== null && cue.ruleId !== 'positive') clearCues += 1;
          return cue !== null && (cue.ruleId === 'positive' ? clear.length === 0 : clear.includes(cue.ruleId));
        });
      }),
      { numRuns: 100 },
    );
    // The readings did produce fault cues, so the property was exercised on both branches.
    expect(clearCues).toBeGreaterThan(0);
  });
});

describe('time signals are never banded finer than the rep\'s frame interval', () => {
  const ms = (everyMs: number) => ({ sampleEveryMs: everyMs });

  it('reads the frame interval from the rep series', () => {
    expect(repFrameIntervalMs(makeRep({}, ms(100)))).toBe(100);
    expect(repFrameIntervalMs(makeRep({}, ms(33)))).toBe(33);
    expect(repFrameIntervalMs(makeRep({ series: [] }))).toBeNull();
  });

  it('raises only time signals, to one frame interval, and only above their σ', () => {
    const at8fps = noiseAtFrameInterval(SIGNAL_NOISE, 125);
    expect(TIME_SIGNAL_FRAME_INTERVALS).toBe(1);
    expect(at8fps.holdS.sigma).toBeCloseTo(0.125, 10);
    expect(at8fps.concentricS.sigma).toBeCloseTo(Math.max(SIGNAL_NOISE.concentricS.sigma, 0.125), 10);
    expect(at8fps.peakHipExtensionDeg.sigma).toBe(SIGNAL_NOISE.peakHipExtensionDeg.sigma);
    const at30fps = noiseAtFrameInterval(SIGNAL_NOISE, 1000 / 30);
    expect(at30fps.holdS.sigma).toBe(SIGNAL_NOISE.holdS.sigma);
    expect(noiseAtFrameInterval(SIGNAL_NOISE, null)).toBe(SIGNAL_NOISE);
  });

  it('a hold short of the limit by more than its band but less than a 10 fps frame is clear at 30 fps, borderline at 10 fps', () => {
    expect(sigmaOf('holdS')).toBeLessThan(0.1);
    const hold = c.holdMinS - (sigmaOf('holdS') + 0.1) / 2;
    const judged = (everyMs: number) => evaluateRep(makeRep({ holdS: hold }, ms(everyMs)), c).flags.find((f) => f.ruleId === 'no-squeeze');
    expect(judged(33)).toMatchObject({ borderline: false, measure: 'holdS' });
    expect(judged(100)).toMatchObject({ borderline: true, measure: 'holdS' });
  });
});

describe('a rule with several readings is one verdict', () => {
  const speed = (k: number) => c.angularVelocityMaxDegS + k * sigmaOf('peakThighSpeedDegS');
  const sway = (k: number) => c.torsoSwayMaxDeg + k * sigmaOf('torsoLeanRangeDeg');
  const momentumOf = (rep: RepMetrics) => evaluateRep(rep, c).flags.filter((f) => f.ruleId === 'momentum');

  it('clear when any reading is clearly past, whatever the others (one flag)', () => {
    const flags = momentumOf(makeRep({ series: [], peakAngularVelocityDegS: speed(0.5), torsoLeanRangeDeg: sway(1.5) }));
    expect(flags).toHaveLength(1);
    expect(flags[0]).toMatchObject({ borderline: false, measure: 'torsoLeanRangeDeg' });
  });

  it('borderline when none is clearly past and one is inside its band, on either side', () => {
    expect(momentumOf(makeRep({ series: [], peakAngularVelocityDegS: speed(-0.5), torsoLeanRangeDeg: sway(-1.5) }))[0]).toMatchObject({ borderline: true, measure: 'peakThighSpeedDegS' });
    expect(momentumOf(makeRep({ series: [], peakAngularVelocityDegS: speed(-1.5), torsoLeanRangeDeg: sway(0.5) }))[0]).toMatchObject({ borderline: true, measure: 'torsoLeanRangeDeg' });
  });

  it('a clear pass only when every reading clearly passes', () => {
    expect(momentumOf(makeRep({ series: [], peakAngularVelocityDegS: speed(-1.5), torsoLeanRangeDeg: sway(-1.5) }))).toHaveLength(0);
  });
});
