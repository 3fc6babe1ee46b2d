/**
 * The whole core, end to end: synthetic kickback set with one injected fault → analyser →
 * evaluateRep → the expected flag (and only it) on every rep; clean sets stay clean under noise,
 * dropped frames, MoveNet, a slightly oblique camera and either leg; live hints, the learner, the
 * arbiter and the summary on analyser output.
 */
import { describe, expect, it } from 'vitest';
import { createKickbackAnalyzer } from '../../src/analysis/kickback-analyzer';
import type { FrameAnalysis, RepMetrics } from '../../src/analysis/types';
import {
  RULE_PRESETS,
  SCORE_PENALTY_BY_SEVERITY,
  createArchOnsetState,
  createCueArbiter,
  createLiveHintState,
  evaluateFrame,
  evaluateRep,
  summarizeSet,
  updateArchOnset,
  type FlagResult,
  type LiveHint,
  type RuleId,
} from '../../src/feedback';
import { DEFAULT_KICKBACK_SET, generateKickbackSet, type KickbackSetOptions } from '../../src/synthetic';
import { MIN_PEAK_HIP_EXTENSION_DEG } from '../../src/analysis/hip-extension-gate';
import { NO_NOISE, sigmaOf } from './noise-factory';

// The trunk-lean arch proxy reads an injected arch a few degrees short (smoothing, the peak frame):
// an arch this much past threshold + band still reads past the band.
const ARCH_LOSS_DEG = 4;

const c = RULE_PRESETS.standard;

/** Rule ids of the clear flags (a borderline flag is "close to the limit", not a fault). */
function clearIds(rep: RepMetrics): RuleId[] {
  return evaluateRep(rep, c).flags.filter((f) => !f.borderline).map((f) => f.ruleId);
}

function analyse(options: Partial<KickbackSetOptions>): { reps: RepMetrics[]; frames: FrameAnalysis[]; expectedReps: number } {
  const set = generateKickbackSet(options);
  const analyzer = createKickbackAnalyzer();
  const frames = set.frames.map((f) => analyzer.push(f));
  return { reps: [...analyzer.reps], frames, expectedReps: set.reps.length };
}

// Hip extension = thigh elevation − torso lean (docs/design.md#angles); the default set rests at
// 22 − 45 = −23° and peaks at 22 + 40 − 45 = +17°. Faults below are sized from the standard preset.
const D = DEFAULT_KICKBACK_SET;
const FAULTS: [RuleId, string, Partial<KickbackSetOptions>][] = [
  ['kick-too-high', 'range past the hip joint', { romDeg: c.kickHipExtensionMaxDeg + 10 - (D.restThighDeg - D.torsoLeanDeg) }],
  // Past the arch threshold by more than the proxy's noise, so the flag is clear; not much more,
  // since with the trunk-lean proxy an arch also widens the torso range (momentum, docs/rules.md).
  ['kick-too-high', 'back arching at the top', { archDeg: c.archRiseMaxDeg + sigmaOf('archRiseDeg') + ARCH_LOSS_DEG }],
  ['torso-lean', 'standing too upright', { torsoLeanDeg: c.torsoLeanMinDeg - 15, restThighDeg: c.torsoLeanMinDeg - 15 - 23 }],
  ['torso-lean', 'folded too flat', { torsoLeanDeg: c.torsoLeanMaxDeg + 20, restThighDeg: c.torsoLeanMaxDeg + 20 - 23 }],
  ['knee-curl', 'knee bending as the leg lifts', { kneeCurlDeg: c.kneeCurlRiseMaxDeg + 15 }],
  ['momentum', 'kicking up fast', { concentricS: 0.3 }],
  ['momentum', 'dropping the leg', { eccentricS: 0.4 }],
];

describe('a straight working leg: judged, but within the knee reading\'s noise of the limit', () => {
  it('is reported close to the limit (not coached) on every rep, and is a clear locked-knee flag without the band', () => {
    // The knee bend at the peak moves 8° between camera setups in 1 case of 5 (signal-noise.ts),
    // more than the 6° limit itself: a straight knee (0°) cannot be told clearly from a soft bend.
    expect(sigmaOf('kneeFlexionAtPeakDeg')).toBeGreaterThan(c.kneeLockMaxDeg);
    const { reps, expectedReps } = analyse({ kneeFlexionDeg: 0, noisePx: 1 });
    expect(reps).toHaveLength(expectedReps);
    for (const rep of reps) {
      expect(clearIds(rep)).toEqual([]);
      expect(evaluateRep(rep, c).flags.filter((f) => f.borderline).map((f) => f.ruleId)).toEqual(['locked-knee']);
      expect(evaluateRep(rep, c, { noise: NO_NOISE }).flags.filter((f) => !f.borderline).map((f) => f.ruleId)).toEqual(['locked-knee']);
    }
  });
});

describe('a thigh that stops at the trunk line: counted, and short range as clear as the noise allows', () => {
  it('is close to the limit on the standard preset and a clear short-range flag on strict', () => {
    // A peak more than the band under the standard 0° is not counted at all (hip-extension gate),
    // so on standard a short range is only ever close to the limit; strict's 5° leaves room.
    const strict = RULE_PRESETS.strict;
    expect(c.shortRangeMinDeg - sigmaOf('peakHipExtensionDeg')).toBeLessThan(MIN_PEAK_HIP_EXTENSION_DEG);
    expect(strict.shortRangeMinDeg - sigmaOf('peakHipExtensionDeg')).toBeGreaterThan(MIN_PEAK_HIP_EXTENSION_DEG + 1);
    // Peak about 1° over the gate (the analyser reads the synthetic peak up to 0.7° high).
    const { reps, expectedReps } = analyse({ romDeg: MIN_PEAK_HIP_EXTENSION_DEG + 1 - (D.restThighDeg - D.torsoLeanDeg), noisePx: 1 });
    expect(reps).toHaveLength(expectedReps);
    for (const rep of reps) {
      expect(clearIds(rep)).toEqual([]);
      expect(evaluateRep(rep, c).flags.map((f) => `${f.ruleId}${f.borderline ? '?' : ''}`)).toContain('short-range?');
      expect(evaluateRep(rep, strict).flags.filter((f) => !f.borderline).map((f) => f.ruleId)).toEqual(['short-range']);
    }
  });
});

describe('each injected fault raises its flag, alone, on every rep', () => {
  it.each(FAULTS)('%s: %s', (rule, _name, fault) => {
    const { reps, expectedReps } = analyse({ ...fault, noisePx: 1 });
    expect(reps).toHaveLength(expectedReps);
    for (const rep of reps) expect(clearIds(rep)).toEqual([rule]);
  });

  it('no-squeeze: a fast bounce through the top (the generator cannot bounce slowly enough to be short of 0.3 s near the peak without also being fast)', () => {
    const { reps } = analyse({ holdS: 0, concentricS: 0.35, eccentricS: 0.45 });
    expect(reps.length).toBeGreaterThan(0);
    // Its hold reads ~0.21 s against 0.3 s: within about one 10 fps frame of the threshold, so the
    // flag may be borderline; it must be there, clear or close to the limit.
    for (const rep of reps) expect(evaluateRep(rep, c).flags.map((f) => f.ruleId)).toContain('no-squeeze');
  });
});

describe('clean sets stay clean', () => {
  it.each([
    ['pixel noise', { noisePx: 2, reps: 8, seed: 3 }],
    ['10 fps', { fps: 10, noisePx: 1 }],
    ['MoveNet keypoints', { keypointSet: 'movenet17' as const, noisePx: 1 }],
    ['camera 20° off side-on', { cameraYawDeg: 20, noisePx: 1 }],
    ['left leg, facing left', { leg: 'left' as const, facing: 'left' as const, noisePx: 1 }],
    ['30 % of frames dropped', { dropProbability: 0.3, noisePx: 1 }],
  ])('%s', (_name, options) => {
    const { reps, expectedReps } = analyse(options);
    expect(reps).toHaveLength(expectedReps);
    for (const rep of reps) {
      const v = evaluateRep(rep, c);
      expect(v.flags, JSON.stringify(v.flags)).toEqual([]);
      expect(v.clean).toBe(true);
    }
  });

  it('pelvis rotation stays silent side-on and says why', () => {
    const { reps } = analyse({ noisePx: 1 });
    const v = evaluateRep(reps[0] as RepMetrics, c);
    expect(v.silent.find((s) => s.ruleId === 'pelvis-rotation')?.why).toMatch(/front or oblique/);
  });
});

describe('live hints on analyser output', () => {
  function hints(options: Partial<KickbackSetOptions>): LiveHint[] {
    const { frames } = analyse(options);
    const state = createLiveHintState();
    return frames.map((f) => evaluateFrame(f, c, state)).filter((h): h is LiveHint => h !== null);
  }

  it('"Lean forward more" while setting up too upright, not before liveTorsoPersistMs', () => {
    const lean = c.torsoLeanMinDeg - 15;
    const h = hints({ torsoLeanDeg: lean, restThighDeg: lean - 23, leadInS: 4, reps: 1 });
    expect(h[0]?.text).toBe('Lean forward more');
    expect(h.every((x) => x.ruleId === 'torso-lean')).toBe(true);
  });

  it('a front view asks to turn side-on', () => {
    const h = hints({ cameraYawDeg: 90, reps: 1 });
    expect(h.length).toBeGreaterThan(0);
    expect(h[0]).toMatchObject({ ruleId: 'not-visible' });
    expect(h[0]?.text).toMatch(/side-on/i);
  });

  it('a clean set gets no live hint at all', () => {
    expect(hints({ noisePx: 1, leadInS: 4 })).toEqual([]);
  });
});

describe('learner, arbiter and summary on analyser output', () => {
  it('a lifter who arches from the start of every lift gets a lower personal kick limit', () => {
    // Arch rise below the arch rule's own threshold, so only the personal target can catch it.
    const { reps } = analyse({ archDeg: c.archRiseMaxDeg - 3, reps: 6, noisePx: 1 });
    let state = createArchOnsetState();
    const kick: (FlagResult | undefined)[] = [];
    for (const rep of reps) {
      kick.push(evaluateRep(rep, c, { archOnset: state }).flags.find((f) => f.ruleId === 'kick-too-high'));
      state = updateArchOnset(state, rep, c);
    }
    // While learning nothing fires; once trusted, the personal limit is judged and the rep's peak
    // is past it or within the hip's noise of it (then "close to the limit", not a clear fault).
    expect(kick.slice(0, c.archOnsetMinReps).map((f) => f !== undefined && !f.borderline)).toEqual(
      Array.from({ length: c.archOnsetMinReps }, () => false),
    );
    const trusted = kick.slice(c.archOnsetMinReps);
    expect(trusted.length).toBeGreaterThan(0);
    for (const f of trusted) {
      expect(f?.measure).toBe('peakHipExtensionDeg');
      expect(f?.thresholdSource).toBe('personal');
      expect(f?.measured).toBeGreaterThan((f?.threshold ?? Number.NaN) - sigmaOf('peakHipExtensionDeg'));
    }
    expect(state.legs.right.learning).toBe(false);
    expect(state.legs.right.targetDeg).toBeLessThan(c.kickHipExtensionMaxDeg);
  });

  it('a set kicked too high: cue on the first rep, then every other rep; summary says fix it, quoting the guide', () => {
    const { reps } = analyse({ romDeg: 60, reps: 5, noisePx: 1 });
    const verdicts = reps.map((r) => evaluateRep(r, c));
    const arb = createCueArbiter(c);
    const cues = reps.map((r, i) => arb.onRep(verdicts[i] ?? evaluateRep(r, c), r.endMs));
    expect(cues.map((q) => q?.ruleId)).toEqual(reps.map(() => 'kick-too-high'));
    expect(cues.map((q) => q?.speak)).toEqual(reps.map((_, i) => i % c.cueRepeatEveryReps === 0));
    const summary = summarizeSet(reps, verdicts);
    expect(summary.flagCounts['kick-too-high']).toBe(reps.length);
    expect(summary.toFix[0]?.ruleId).toBe('kick-too-high');
    expect(summary.toFix[0]?.guideQuote).toMatch(/just before the lower back begins to arch/);
    expect(summary.score).toBe(100 - SCORE_PENALTY_BY_SEVERITY[3]);
  });
});
