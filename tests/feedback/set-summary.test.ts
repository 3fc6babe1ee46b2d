import { describe, expect, it } from 'vitest';
import type { RepMetrics } from '../../src/analysis/types';
import { RULE_IDS, RULE_PRESETS, evaluateRep, ruleById, summarizeSet, type RepVerdict } from '../../src/feedback';
import { makeRep } from './rep-factory';

const c = RULE_PRESETS.standard;

function judge(reps: RepMetrics[]): RepVerdict[] {
  return reps.map((r) => evaluateRep(r, c));
}

describe('a clean set', () => {
  const reps = Array.from({ length: 8 }, (_, i) => makeRep({}, { torsoLeanDeg: 43 + (i % 3) }));
  const summary = summarizeSet(reps, judge(reps));

  it('scores 100 with nothing to fix', () => {
    expect(summary.score).toBe(100);
    expect(summary.toFix).toEqual([]);
    expect(summary.cleanRepCount).toBe(8);
    expect(summary.judgedRepCount).toBe(8);
  });

  it('counts zero flags for every rule id', () => {
    expect(Object.keys(summary.flagCounts).sort()).toEqual([...RULE_IDS].sort());
    expect(Object.values(summary.flagCounts).every((n) => n === 0)).toBe(true);
  });

  it('says what went well, with the numbers, most important first (three at most)', () => {
    expect(summary.wentWell.map((w) => w.ruleId)).toEqual(['kick-too-high', 'momentum', 'torso-lean']);
    expect(summary.wentWell[2]?.text).toMatch(/^Torso lean held at 43–45° \(.*45 degrees.*\) on all 8 reps$/);
    expect(summary.wentWell[0]?.text).toMatch(/on all 8 reps \(peak hip extension at most 15°\)/);
  });
});

/** The same reps with the kick, tempo and torso rules unable to judge, so lower rules get a say. */
function withoutTopRules(reps: RepMetrics[]): RepMetrics[] {
  return reps.map((r) => ({
    ...r,
    peakHipExtensionDeg: null,
    series: [],
    lumbarArchPeakDeg: null,
    torsoLeanMeanDeg: null,
    concentricS: 0.1,
  }));
}

describe('a set with faults', () => {
  // 8 reps: 1–5 kick too high, 2 and 4 also no squeeze, 8 mostly out of view.
  const reps = Array.from({ length: 8 }, (_, i) => {
    const n = i + 1;
    return makeRep(
      { confidence: n === 8 ? 0.3 : 1 },
      { peakHipDeg: n <= 5 ? c.kickHipExtensionMaxDeg + 2 + n : 15, holdS: n === 2 || n === 4 ? 0.1 : 0.5 },
    );
  });
  const verdicts = judge(reps);
  const summary = summarizeSet(reps, verdicts);

  it('counts flags per rule id', () => {
    expect(summary.flagCounts['kick-too-high']).toBe(5);
    expect(summary.flagCounts['no-squeeze']).toBe(2);
    expect(summary.flagCounts['not-visible']).toBe(1);
    expect(summary.flagCounts.momentum).toBe(0);
  });

  it('lists at most three things to fix, weighted by severity × count, each quoting the guide', () => {
    expect(summary.toFix.map((f) => f.ruleId)).toEqual(['kick-too-high', 'not-visible', 'no-squeeze']);
    const kick = summary.toFix[0];
    expect(kick?.text).toBe('Kick too high on 5 of 8 reps');
    expect(kick?.guideQuote).toBe(ruleById('kick-too-high').guideQuote);
    expect(kick?.repIndexes).toEqual(reps.slice(0, 5).map((r) => r.index));
    expect(kick?.measure).toBe('peakHipExtensionDeg');
    expect(kick?.medianMeasured).toBeCloseTo(c.kickHipExtensionMaxDeg + 5, 1);
    expect(kick?.threshold).toBe(c.kickHipExtensionMaxDeg);
    for (const f of summary.toFix) expect(f.guideQuote.length).toBeGreaterThan(20);
  });

  it('never says a rule that fired went well', () => {
    for (const w of summary.wentWell) expect(summary.flagCounts[w.ruleId]).toBe(0);
  });

  it('scores only judged reps, by the documented formula', () => {
    // Penalties: kick-too-high (safety) 30, no-squeeze (refinement) 10; rep 8 not judged.
    const perRep = [70, 60, 70, 60, 70, 100, 100];
    expect(summary.judgedRepCount).toBe(7);
    expect(summary.rows.map((r) => r.score)).toEqual([...perRep, null]);
    expect(summary.score).toBe(Math.round(perRep.reduce((a, b) => a + b, 0) / perRep.length));
  });

  it('has one row per rep with its flags, in rep order', () => {
    expect(summary.rows.map((r) => r.repIndex)).toEqual(reps.map((r) => r.index));
    expect(summary.rows[1]?.flags).toEqual(['kick-too-high', 'no-squeeze']);
    expect(summary.rows[7]?.judged).toBe(false);
    expect(summary.rows[7]?.silent.length).toBe(RULE_IDS.length - 1);
  });

  it('is plain serialisable data', () => {
    expect(JSON.parse(JSON.stringify(summary))).toEqual(summary);
  });
});

describe('edge cases', () => {
  it('an empty set has no score and nothing to say', () => {
    const s = summarizeSet([], []);
    expect(s).toMatchObject({ repCount: 0, score: null, wentWell: [], toFix: [] });
  });

  it('a set never seen has no score', () => {
    const reps = [makeRep({ confidence: 0.1 }), makeRep({ confidence: 0.1 })];
    expect(summarizeSet(reps, judge(reps)).score).toBeNull();
  });

  it('momentum\'s fix item names the symptom seen most', () => {
    const reps = [makeRep({ eccentricS: 0.2 }), makeRep({ eccentricS: 0.3 }), makeRep({ concentricS: 0.2 })];
    const fix = summarizeSet(reps, judge(reps)).toFix.find((f) => f.ruleId === 'momentum');
    expect(fix?.measure).toBe('eccentricS');
    expect(fix?.count).toBe(3);
  });

  it('says "where it could be seen" when a rule could not judge every rep', () => {
    const reps = withoutTopRules([makeRep(), makeRep({ kneeFlexionAtPeakDeg: null, kneeFlexionRiseLiftingDeg: null }), makeRep()]);
    const knee = summarizeSet(reps, judge(reps)).wentWell.find((w) => w.ruleId === 'knee-curl');
    expect(knee?.text).toMatch(/on all 2 reps where it could be seen/);
  });

  it.each([
    ['one verdict short', () => summarizeSet([makeRep(), makeRep()], judge([makeRep()])), /verdicts: expected one per rep \(2\), got 1/],
    [
      'verdicts for other reps',
      () => {
        const a = makeRep();
        return summarizeSet([a], judge([makeRep()]));
      },
      /verdicts: expected a verdict for rep \d+, got repIndexes \d+/,
    ],
  ])('rejects %s, saying expected X, got Y', (_n, call, message) => {
    expect(call).toThrow(message);
  });
});
