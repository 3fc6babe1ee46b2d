import { describe, expect, it } from 'vitest';
import type { RepMetrics } from '../../src/analysis/types';
import { RULE_IDS, RULE_PRESETS, evaluateRep, ruleById, summarizeSet, type RepVerdict } from '../../src/feedback';
import { sigmaOf } from './noise-factory';
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
  // 8 reps: 1–5 kick too high, 2 and 4 also no squeeze (all clearly, past the noise band), 8 mostly out of view.
  const kickMargin = sigmaOf('peakHipExtensionDeg');
  const shortHoldS = Math.max(0, c.holdMinS - sigmaOf('holdS') - 0.1);
  const reps = Array.from({ length: 8 }, (_, i) => {
    const n = i + 1;
    return makeRep(
      { confidence: n === 8 ? 0.3 : 1 },
      { peakHipDeg: n <= 5 ? c.kickHipExtensionMaxDeg + kickMargin + 2 + n : 15, holdS: n === 2 || n === 4 ? shortHoldS : 0.5 },
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
    expect(kick?.medianMeasured).toBeCloseTo(c.kickHipExtensionMaxDeg + kickMargin + 5, 1);
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

describe('borderline flags: mentioned apart, never scored or fixed', () => {
  // Reps 1–3 kick just past the limit (inside the noise band), 4–6 clearly past it; 7–8 clean.
  const inside = sigmaOf('peakHipExtensionDeg') / 2;
  const clearly = sigmaOf('peakHipExtensionDeg') + 3;
  const reps = Array.from({ length: 8 }, (_, i) =>
    makeRep({}, { peakHipDeg: i < 3 ? c.kickHipExtensionMaxDeg + inside : i < 6 ? c.kickHipExtensionMaxDeg + clearly : 15 }),
  );
  const verdicts = judge(reps);
  const summary = summarizeSet(reps, verdicts);

  it('the verdicts really hold 3 borderline and 3 clear kick flags', () => {
    const kick = verdicts.map((v) => v.flags.find((f) => f.ruleId === 'kick-too-high')?.borderline);
    expect(kick).toEqual([true, true, true, false, false, false, undefined, undefined]);
  });

  it('counts, scores and fixes only the clear ones', () => {
    expect(summary.flagCounts['kick-too-high']).toBe(3);
    expect(summary.borderlineCounts['kick-too-high']).toBe(3);
    expect(summary.rows.map((r) => r.score)).toEqual([100, 100, 100, 70, 70, 70, 100, 100]);
    expect(summary.cleanRepCount).toBe(5);
    expect(summary.toFix[0]).toMatchObject({ ruleId: 'kick-too-high', count: 3, repIndexes: reps.slice(3, 6).map((r) => r.index) });
  });

  it('lists them as "close to the limit", with the typical reading, and keeps the rule out of "went well"', () => {
    expect(summary.closeToLimit).toHaveLength(1);
    const close = summary.closeToLimit[0];
    expect(close?.ruleId).toBe('kick-too-high');
    expect(close?.repIndexes).toEqual(reps.slice(0, 3).map((r) => r.index));
    expect(close?.text).toMatch(new RegExp(`^Kick too high close to the limit on 3 of 8 reps \\(typically \\d+° against ${c.kickHipExtensionMaxDeg}°\\)$`));
    expect(summary.rows[0]?.borderline).toEqual(['kick-too-high']);
    expect(summary.rows[0]?.flags).toEqual([]);
    expect(summary.wentWell.map((w) => w.ruleId)).not.toContain('kick-too-high');
  });

  it('a set whose only flags are borderline scores 100 with nothing to fix', () => {
    const few = reps.slice(0, 3);
    const s = summarizeSet(few, judge(few));
    expect(s.score).toBe(100);
    expect(s.toFix).toEqual([]);
    expect(s.closeToLimit.map((x) => x.count)).toEqual([3]);
  });
});
