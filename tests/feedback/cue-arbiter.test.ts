import { describe, expect, it } from 'vitest';
import {
  FIXED_PHRASES,
  RULE_PRESETS,
  SIGNAL_NOISE,
  STREAK_PHRASES,
  createCueArbiter,
  evaluateRep,
  resolveConfig,
  ruleById,
  type Cue,
  type CueArbiter,
  type LiveHint,
  type RepVerdict,
  type RuleId,
} from '../../src/feedback';
import { makeRep } from './rep-factory';

const c = RULE_PRESETS.standard;
/** Reps far enough apart that the min gap never interferes, unless a test wants it to. */
const REP_MS = c.cueMinGapMs + 1000;

function verdict(repIndex: number, fired: RuleId[], silent: RuleId[] = [], borderline: RuleId[] = []): RepVerdict {
  const flags = [...fired.map((id) => [id, false] as const), ...borderline.map((id) => [id, true] as const)].map(([id, isBorderline]) => {
    const r = ruleById(id);
    return {
      ruleId: id,
      severity: r.severity,
      measure: 'x',
      measured: 1,
      threshold: 0,
      unit: 'deg' as const,
      thresholdSource: 'preset' as const,
      message: `${id} fired`,
      cue: r.cue,
      borderline: isBorderline,
    };
  });
  return { repIndex, leg: 'right', flags, silent: silent.map((ruleId) => ({ ruleId, why: 'not seen' })), clean: fired.length === 0 };
}

/** Feed a sequence of reps (each a list of fired rules), one every REP_MS; return the cues. */
function feed(arb: CueArbiter, reps: RuleId[][], startIndex = 1): (Cue | null)[] {
  return reps.map((fired, i) => arb.onRep(verdict(startIndex + i, fired), (startIndex + i) * REP_MS));
}

function spoken(cues: (Cue | null)[]): (string | null)[] {
  return cues.map((q) => (q?.speak ? q.ruleId : null));
}

describe('one cue at a time, most severe first', () => {
  it('speaks the most severe flag of a rep', () => {
    const cue = createCueArbiter(c).onRep(verdict(1, ['no-squeeze', 'torso-lean', 'kick-too-high']), 0);
    expect(cue).toMatchObject({ ruleId: 'kick-too-high', speak: true, text: ruleById('kick-too-high').cue, repIndex: 1 });
  });

  it('breaks severity ties by rule order, whatever order the flags arrive in', () => {
    const a = createCueArbiter(c).onRep(verdict(1, ['short-range', 'torso-lean']), 0);
    const b = createCueArbiter(c).onRep(verdict(1, ['torso-lean', 'short-range']), 0);
    expect(a?.ruleId).toBe('torso-lean');
    expect(b?.ruleId).toBe('torso-lean');
  });

  it('speaks the flag text the verdict carries (e.g. the arch-specific cue)', () => {
    const v = evaluateRep(makeRep({}, { peakHipDeg: 14, archOnsetHipDeg: 4, archSlope: 1.5 }), c);
    expect(createCueArbiter(c).onRep(v, 0)?.text).toBe("Lower the kick — back's arching");
  });
});

describe('no nagging', () => {
  it('a fault on one rep is spoken once', () => {
    const out = spoken(feed(createCueArbiter(c), [['no-squeeze'], [], [], []]));
    expect(out.map((id) => (id === 'no-squeeze' ? id : null))).toEqual(['no-squeeze', null, null, null]);
  });

  it(`a persisting fault is spoken again only every cueRepeatEveryReps (${c.cueRepeatEveryReps}) reps`, () => {
    const n = 7;
    const out = spoken(feed(createCueArbiter(c), Array.from({ length: n }, () => ['momentum'])));
    const expected = Array.from({ length: n }, (_, i) => (i % c.cueRepeatEveryReps === 0 ? 'momentum' : null));
    expect(out).toEqual(expected);
  });

  it('follows cueRepeatEveryReps when it is changed', () => {
    const arb = createCueArbiter(resolveConfig('standard', { cueRepeatEveryReps: 3 }));
    expect(spoken(feed(arb, Array.from({ length: 7 }, () => ['momentum'])))).toEqual(['momentum', null, null, 'momentum', null, null, 'momentum']);
  });

  it('a fault that was fixed and comes back is spoken again at once', () => {
    const out = spoken(feed(createCueArbiter(c), [['torso-lean'], [], ['torso-lean']]));
    expect(out[0]).toBe('torso-lean');
    expect(out[2]).toBe('torso-lean');
  });

  it('a rep where the rule could not see (silent) neither repeats nor fixes the fault', () => {
    const arb = createCueArbiter(c);
    arb.onRep(verdict(1, ['locked-knee']), REP_MS);
    arb.onRep(verdict(2, [], ['locked-knee']), 2 * REP_MS);
    expect(arb.snapshot().rules['locked-knee'].streak).toBe(1);
    const third = arb.onRep(verdict(3, ['locked-knee']), 3 * REP_MS);
    // Still the same streak; the cue spoke on rep 1, rep 3 is cueRepeatEveryReps (2) later.
    expect(arb.snapshot().rules['locked-knee'].streak).toBe(2);
    expect(third?.speak).toBe(c.cueRepeatEveryReps <= 2);
  });

  it('when the top fault is on cooldown, the next eligible fault speaks instead', () => {
    const out = feed(createCueArbiter(c), [['kick-too-high'], ['kick-too-high', 'no-squeeze']]);
    expect(out[1]).toMatchObject({ ruleId: 'no-squeeze', speak: true });
  });

  it('when no fault is eligible, the most severe is still shown, silently', () => {
    const out = feed(createCueArbiter(c), [['kick-too-high'], ['kick-too-high']]);
    expect(out[1]).toMatchObject({ ruleId: 'kick-too-high', speak: false });
  });

  it('at most once per rule per rep: the same rep offered twice never speaks twice', () => {
    const arb = createCueArbiter(c);
    const v = verdict(1, ['momentum']);
    expect(arb.onRep(v, 0)?.speak).toBe(true);
    expect(arb.onRep(v, REP_MS)?.speak).toBe(false);
    expect(arb.snapshot().rules.momentum.streak).toBe(1);
  });
});

describe('minimum gap between spoken cues', () => {
  it('holds back a cue inside cueMinGapMs and lets it speak on the next rep', () => {
    const arb = createCueArbiter(c);
    expect(arb.onRep(verdict(1, ['momentum']), 0)?.speak).toBe(true);
    const tooSoon = arb.onRep(verdict(2, ['torso-lean']), c.cueMinGapMs - 1);
    expect(tooSoon).toMatchObject({ ruleId: 'torso-lean', speak: false });
    // It did not count as spoken, so it is still eligible when it repeats.
    expect(arb.onRep(verdict(3, ['torso-lean']), c.cueMinGapMs * 3)?.speak).toBe(true);
  });

  it('speaks again exactly at the gap', () => {
    const arb = createCueArbiter(c);
    arb.onRep(verdict(1, ['momentum']), 0);
    expect(arb.onRep(verdict(2, ['torso-lean']), c.cueMinGapMs)?.speak).toBe(true);
  });
});

describe('positive cues', () => {
  it('praises a clean rep right after a faulty one (the fix worked), spoken', () => {
    const out = feed(createCueArbiter(c), [['torso-lean'], []]);
    expect(out[1]).toMatchObject({ ruleId: 'positive', severity: 0, speak: true });
    expect(FIXED_PHRASES).toContain(out[1]?.text);
  });

  it(`speaks praise on every ${c.positiveEveryCleanReps}th clean rep in a row, shows it otherwise`, () => {
    const n = c.positiveEveryCleanReps * 3;
    const out = feed(createCueArbiter(c), Array.from({ length: n }, () => []));
    expect(out.every((q) => q?.ruleId === 'positive')).toBe(true);
    expect(out.map((q) => q?.speak)).toEqual(Array.from({ length: n }, (_, i) => (i + 1) % c.positiveEveryCleanReps === 0));
  });

  it('varies the phrases: never the same twice running, and uses more than one', () => {
    const out = feed(createCueArbiter(c), [[], [], [], [], ['momentum'], [], [], [], []]).filter((q) => q?.ruleId === 'positive');
    const texts = out.map((q) => q?.text);
    for (let i = 1; i < texts.length; i += 1) expect(texts[i]).not.toBe(texts[i - 1]);
    expect(new Set(texts).size).toBeGreaterThan(2);
    for (const t of texts) expect([...FIXED_PHRASES, ...STREAK_PHRASES]).toContain(t);
  });

  it('a rep only out of view is not a fault that a clean rep "fixed"', () => {
    const out = feed(createCueArbiter(c), [['not-visible'], []]);
    expect(out[1]?.ruleId).toBe('positive');
    expect(FIXED_PHRASES).not.toContain(out[1]?.text);
  });
});

describe('live hints', () => {
  const hint: LiveHint = { ruleId: 'torso-lean', severity: 2, text: 'Lean forward more', sinceMs: 0 };

  it('speaks a hint once, then shows it silently until hintRepeatMs has passed', () => {
    const arb = createCueArbiter(c);
    const ts = [0, 500, 4000, c.hintRepeatMs - 1, c.hintRepeatMs];
    expect(ts.map((t) => arb.onHint(hint, t)?.speak)).toEqual([true, false, false, false, true]);
  });

  it('no hint, no cue', () => {
    expect(createCueArbiter(c).onHint(null, 0)).toBeNull();
  });

  it('shares the gap with rep cues', () => {
    const arb = createCueArbiter(c);
    arb.onRep(verdict(1, ['momentum']), 0);
    expect(arb.onHint(hint, 100)?.speak).toBe(false);
  });
});

describe('reset and time', () => {
  it('reset forgets streaks and gaps (a new set)', () => {
    const arb = createCueArbiter(c);
    feed(arb, [['momentum'], ['momentum']]);
    arb.reset();
    expect(arb.onRep(verdict(1, ['momentum']), 0)?.speak).toBe(true);
  });

  it('time going backwards (a new source) does not mute cues', () => {
    const arb = createCueArbiter(c);
    arb.onRep(verdict(1, ['momentum']), 100_000);
    expect(arb.onRep(verdict(2, ['torso-lean']), 10)?.speak).toBe(true);
  });

  it('rejects a non-finite time, saying what it expected', () => {
    expect(() => createCueArbiter(c).onRep(verdict(1, []), Number.NaN)).toThrow(/expected a finite number, got NaN/);
  });
});

describe('borderline flags are never cues', () => {
  it('a rep whose only flag is borderline gets praise, not the fault cue', () => {
    const arb = createCueArbiter(c);
    const cue = arb.onRep(verdict(1, [], [], ['torso-lean']), 0);
    expect(cue?.ruleId).toBe('positive');
    expect(cue?.text).not.toBe(ruleById('torso-lean').cue);
  });

  it('a borderline flag more severe than a clear one does not take the cue', () => {
    const cue = createCueArbiter(c).onRep(verdict(1, ['no-squeeze'], [], ['kick-too-high']), 0);
    expect(cue).toMatchObject({ ruleId: 'no-squeeze', speak: true });
  });

  it('a borderline rep gives exactly the cues a rep without that flag gives', () => {
    const run = (second: RepVerdict): unknown[] => {
      const arb = createCueArbiter(c);
      return [verdict(1, ['momentum']), second, verdict(3, ['momentum']), verdict(4, ['momentum'])].map((v, i) => {
        const cue = arb.onRep(v, (i + 1) * REP_MS);
        return cue === null ? null : { text: cue.text, speak: cue.speak, ruleId: cue.ruleId };
      });
    };
    const withBorderline = run(verdict(2, [], [], ['momentum']));
    expect(withBorderline).toEqual(run(verdict(2, [])));
    // ...which after a fault is the "fixed" praise, and the returning fault starts a new streak.
    expect(withBorderline[1]).toMatchObject({ ruleId: 'positive', speak: true });
    expect(withBorderline[2]).toMatchObject({ ruleId: 'momentum', speak: true });
  });

  it('on real verdicts: a measurement just inside the noise band is shown to no one', () => {
    // Torso lean half its noise past the standard minimum: borderline, so praise.
    const v = evaluateRep(makeRep({}, { torsoLeanDeg: c.torsoLeanMinDeg - SIGNAL_NOISE.torsoLeanMeanDeg.sigma / 2 }), c);
    expect(v.flags.find((f) => f.ruleId === 'torso-lean')?.borderline).toBe(true);
    expect(v.clean).toBe(true);
    expect(createCueArbiter(c).onRep(v, 0)?.ruleId).toBe('positive');
  });
});
