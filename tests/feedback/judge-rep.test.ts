import { describe, expect, it } from 'vitest';
import { createArchOnsetState, DEFAULT_RULE_CONFIG, evaluateRep, judgeRep, updateArchOnset } from '../../src/feedback';
import { makeRep } from './rep-factory';

describe('judgeRep', () => {
  it('judges against the state before the rep and returns the state after it', () => {
    const before = createArchOnsetState();
    const rep = makeRep({ index: 1, peakHipExtensionDeg: 40 });
    const { verdict, archOnset } = judgeRep(rep, DEFAULT_RULE_CONFIG, before);
    expect(verdict).toEqual(evaluateRep(rep, DEFAULT_RULE_CONFIG, { archOnset: before }));
    expect(archOnset).toEqual(updateArchOnset(before, rep, DEFAULT_RULE_CONFIG));
    expect(verdict.flags.map((f) => f.ruleId)).toContain('kick-too-high');
  });
});
