/**
 * Decides which single cue to show and whether to say it aloud (docs/design.md#cues, docs/rules.md#cues).
 *
 * Policy (tests/feedback/cue-arbiter.test.ts holds it to this):
 * 0. Only CLEAR flags exist here. A borderline flag (measurement within its noise of the threshold,
 *    signal-noise.ts) is treated exactly as no flag: never a cue, it breaks a streak like a pass,
 *    and a rep whose flags are all borderline is clean (praise, and "fixed" after a fault). So the
 *    cues for a rep are the same whether a reading lands just inside or just outside the band.
 * 1. One cue per call. For a rep: the most severe flag that is *eligible* (ties in RULE_IDS order).
 * 2. At most once per rule per rep: a second call for the same rep index never speaks.
 * 3. No nagging. A rule's "streak" counts the consecutive judged reps it fired on (a rep where the
 *    rule was silent for lack of input neither extends nor breaks it). A rule is eligible to speak
 *    - the first time it fires in a streak, and then
 *    - again only if the fault keeps repeating, every `cueRepeatEveryReps` reps after it last
 *      spoke (default 2: a fault on reps 1–5 is spoken on reps 1, 3, 5).
 *    A fault on a single rep is therefore spoken once; a fixed fault that comes back later starts a
 *    new streak and is spoken again. When the most severe flag is not eligible, the next one may
 *    speak instead; if none is eligible, the most severe is returned for display with speak=false.
 * 4. A clean rep returns a positive cue (phrases rotate, never the same twice running). It is spoken
 *    right after a rep with a fault (the fix worked) and on every `positiveEveryCleanReps`-th clean
 *    rep in a row; otherwise shown only.
 * 5. Nothing is spoken within `cueMinGapMs` of the last spoken cue (time passed in). A cue held back
 *    by the gap does not count as spoken, so it stays eligible on the next rep.
 * 6. Live hints: shown while they last; the same hint text is spoken at most once per
 *    `hintRepeatMs`, and only outside the gap.
 */
import { DEFAULT_RULE_CONFIG, type RuleConfig } from './rule-config';
import { RULE_IDS, type RuleId } from './rule-ids';
import { clearFlags, compareFlags } from './evaluate-rep';
import { finite } from './stats';
import type { Cue, LiveHint, RepVerdict } from './types';

/** Praise right after a fault went away. */
export const FIXED_PHRASES: readonly string[] = Object.freeze(['Better — that fixed it', 'Yes, that one was clean', 'Good correction']);
/** Praise for a run of clean reps. */
export const STREAK_PHRASES: readonly string[] = Object.freeze([
  'Clean rep — keep it up',
  'Nice and controlled',
  'Great squeeze, good form',
  'Perfect, just like that',
]);

interface RuleTrack {
  streak: number;
  /** Rep sequence number at which this rule last spoke within its current streak. */
  spokenAtSeq: number | null;
}

export interface CueArbiterSnapshot {
  repSeq: number;
  cleanStreak: number;
  lastSpokenMs: number | null;
  rules: Record<RuleId, RuleTrack>;
}

export interface CueArbiter {
  /** Call once per completed rep (its verdict and the frame time it completed at). */
  onRep(verdict: RepVerdict, timestampMs: number): Cue | null;
  /** Call with evaluateFrame's result (null = no hint now) and the frame time. */
  onHint(hint: LiveHint | null, timestampMs: number): Cue | null;
  /** New thresholds (e.g. the user changed preset); keeps streaks. */
  setConfig(config: Readonly<RuleConfig>): void;
  /** Start of a new set: forget streaks, gaps and praise rotation. */
  reset(): void;
  /** Copy of the internal state, for debugging and tests. */
  snapshot(): CueArbiterSnapshot;
}

function freshRules(): Record<RuleId, RuleTrack> {
  const r = {} as Record<RuleId, RuleTrack>;
  for (const id of RULE_IDS) r[id] = { streak: 0, spokenAtSeq: null };
  return r;
}

export function createCueArbiter(initialConfig: Readonly<RuleConfig> = DEFAULT_RULE_CONFIG): CueArbiter {
  let config = initialConfig;
  let repSeq = 0;
  let cleanStreak = 0;
  let previousHadFault = false;
  let lastSpokenMs: number | null = null;
  let lastRepIndex: number | null = null;
  let fixedPhrase = 0;
  let streakPhrase = 0;
  let rules = freshRules();
  const hintSpokenMs = new Map<string, number>();

  const gapOpen = (t: number): boolean => lastSpokenMs === null || t - lastSpokenMs >= config.cueMinGapMs;

  function checkTime(t: number): void {
    if (!finite(t)) throw new TypeError(`timestampMs: expected a finite number, got ${String(t)}`);
    // Time went backwards: a new source. Old gaps would otherwise mute cues for a long time.
    if (lastSpokenMs !== null && t < lastSpokenMs) {
      lastSpokenMs = null;
      hintSpokenMs.clear();
    }
  }

  function onRep(verdict: RepVerdict, t: number): Cue | null {
    checkTime(t);
    const flags = clearFlags(verdict).sort(compareFlags);
    if (verdict.repIndex === lastRepIndex) {
      // Same rep again (a re-render, a retry): show, never speak twice.
      const top = flags[0];
      return top === undefined
        ? null
        : { text: top.cue, ruleId: top.ruleId, severity: top.severity, speak: false, repIndex: verdict.repIndex, timestampMs: t };
    }
    lastRepIndex = verdict.repIndex;
    repSeq += 1;

    const fired = new Set(flags.map((f) => f.ruleId));
    const silent = new Set(verdict.silent.map((s) => s.ruleId));
    for (const id of RULE_IDS) {
      const track = rules[id];
      if (fired.has(id)) track.streak += 1;
      else if (!silent.has(id)) rules[id] = { streak: 0, spokenAtSeq: null };
    }

    if (flags.length > 0) {
      cleanStreak = 0;
      // Being out of view is not a form fault (a clean rep after it is not a "fix"), and an unjudged
      // rep says nothing about whether an earlier fault was fixed.
      if (flags.some((f) => f.ruleId !== 'not-visible')) previousHadFault = true;
      const eligible = flags.find((f) => {
        const at = rules[f.ruleId].spokenAtSeq;
        return at === null || repSeq - at >= config.cueRepeatEveryReps;
      });
      const chosen = eligible ?? flags[0];
      if (chosen === undefined) return null;
      const speak = eligible !== undefined && gapOpen(t);
      if (speak) {
        rules[chosen.ruleId].spokenAtSeq = repSeq;
        lastSpokenMs = t;
      }
      return { text: chosen.cue, ruleId: chosen.ruleId, severity: chosen.severity, speak, repIndex: verdict.repIndex, timestampMs: t };
    }

    if (!verdict.clean) return null;
    cleanStreak += 1;
    const afterFix = previousHadFault;
    previousHadFault = false;
    const praise = afterFix || cleanStreak % config.positiveEveryCleanReps === 0;
    let text: string;
    if (afterFix) {
      text = FIXED_PHRASES[fixedPhrase % FIXED_PHRASES.length] as string;
      fixedPhrase += 1;
    } else {
      text = STREAK_PHRASES[streakPhrase % STREAK_PHRASES.length] as string;
      streakPhrase += 1;
    }
    const speak = praise && gapOpen(t);
    if (speak) lastSpokenMs = t;
    return { text, ruleId: 'positive', severity: 0, speak, repIndex: verdict.repIndex, timestampMs: t };
  }

  function onHint(hint: LiveHint | null, t: number): Cue | null {
    checkTime(t);
    if (hint === null) return null;
    const key = `${hint.ruleId}:${hint.text}`;
    const last = hintSpokenMs.get(key);
    const speak = (last === undefined || t - last >= config.hintRepeatMs) && gapOpen(t);
    if (speak) {
      hintSpokenMs.set(key, t);
      lastSpokenMs = t;
    }
    return { text: hint.text, ruleId: hint.ruleId, severity: hint.severity, speak, repIndex: null, timestampMs: t };
  }

  return {
    onRep,
    onHint,
    setConfig(next) {
      config = next;
    },
    reset() {
      repSeq = 0;
      cleanStreak = 0;
      previousHadFault = false;
      lastSpokenMs = null;
      lastRepIndex = null;
      fixedPhrase = 0;
      streakPhrase = 0;
      rules = freshRules();
      hintSpokenMs.clear();
    },
    snapshot() {
      const copy = {} as Record<RuleId, RuleTrack>;
      for (const id of RULE_IDS) copy[id] = { ...rules[id] };
      return { repSeq, cleanStreak, lastSpokenMs, rules: copy };
    },
  };
}
