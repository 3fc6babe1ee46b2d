import { describe, expect, it } from 'vitest';
import type { RepVerdict } from '../../src/feedback';
import { generateKickbackSet } from '../../src/synthetic/kickback-set';
import { clearFlags, evaluateVariantCase, variantTotals, verdictAgreement, type VariantCase } from '../../src/node/variant-eval';

function variantCase(variant: string, reps: [number, string[]][], overrides: Partial<VariantCase> = {}): VariantCase {
  return {
    clip: 'k.mp4', variant, expect: 'exact', accepted: [2], got: reps.length, invented: 0, pass: true, knownGap: null,
    naiveGot: 0, naiveInvented: 0, naivePass: false, workingLeg: 'left', rejected: null, framing: null, framingMissing: null,
    repFlags: reps.map(([peakMs, flags]) => ({ peakMs, clearFlags: flags })),
    ...overrides,
  };
}

describe('variant evaluation', () => {
  it('counts clean synthetic kickbacks exactly, and calls a count above the label invented', () => {
    const set = generateKickbackSet({ reps: 3, noisePx: 1, seed: 4 });
    const ok = evaluateVariantCase('synthetic/kickback', 'base', set.frames, { exercise: 'cable kickback', repCount: 3 });
    expect(ok).toMatchObject({ accepted: [3], got: 3, invented: 0, pass: true, naiveGot: 3 });
    const tooFew = evaluateVariantCase('synthetic/kickback', 'darkened', set.frames, { exercise: 'cable kickback', repCount: 1, repCountAny: [1, 2] });
    expect(tooFew).toMatchObject({ expect: 'at-most', accepted: [1, 2], got: 3, invented: 1, pass: false });
  });

  it('leaves borderline flags out of the clear ones', () => {
    const flag = (ruleId: string, borderline: boolean) => ({ ruleId, borderline }) as unknown as RepVerdict['flags'][number];
    const verdict = { flags: [flag('momentum', false), flag('kick-too-high', true), flag('torso-lean', false)] } as RepVerdict;
    expect(clearFlags(verdict)).toEqual(['momentum', 'torso-lean']);
  });

  it('matches reps by peak time within half a second; an unmatched or differently flagged rep disagrees', () => {
    const base = variantCase('base', [[1000, ['momentum']], [4000, []], [8000, ['torso-lean']]]);
    const far = variantCase('far', [[1300, ['momentum']], [4700, []], [8100, []]]);
    expect(verdictAgreement('far', [{ base, other: far }])).toEqual({ variant: 'far', baseReps: 3, matched: 2, agreed: 1, rate: 0.333, rateCountedBoth: 0.5 });
    expect(verdictAgreement('far', [])).toMatchObject({ baseReps: 0, rate: null, rateCountedBoth: null });
  });

  it('totals the exact and at-most rates and every invented rep, for the core and the baseline', () => {
    const totals = variantTotals([
      variantCase('base', [], { pass: true, naivePass: true }),
      variantCase('mirror', [], { pass: false, invented: 2, naiveInvented: 1 }),
      variantCase('darkened', [], { expect: 'at-most', pass: true, naiveInvented: 3 }),
    ]);
    expect(totals).toMatchObject({
      cases: 3, exactCases: 2, exactRate: 0.5, atMostCases: 1, atMostRate: 1, inventedReps: 2, casesWithInventedReps: 1,
      naiveExactRate: 0.5, naiveInventedReps: 4, naiveCasesWithInventedReps: 2,
    });
  });
});
