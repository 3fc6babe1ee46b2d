/**
 * End-of-set summary (docs/rules.md#set-score): per-rep rows, what went well, the two or three things to
 * fix next set (each quoting the guide), per-rule flag counts and a 0–100 score. Plain JSON-safe
 * data so the later storage / history / plots issue can keep it as part of a SetResult.
 *
 * Score formula (also in docs/rules.md):
 *   rep score = max(0, 100 − Σ penalty(flag.severity) over the rep's CLEAR flags),
 *     penalty: refinement (1) = 10, effectiveness (2) = 20, safety (3) = 30;
 *   set score = round(mean rep score over *judged* reps), null when no rep was judged.
 *   A rep flagged `not-visible` is not judged: it has no score and does not pull the mean down
 *   (the UI shows judgedRepCount next to the score instead).
 *
 * Borderline flags (measurement within its noise of the threshold, signal-noise.ts) never cost
 * score, never count in flagCounts or "things to fix", and never make a rep unclean; they are
 * listed apart, in `closeToLimit` / `borderlineCounts`, and keep a rule out of "went well".
 */
import type { RepMetrics, Side } from '../analysis/types';
import type { ConfigUnit } from './rule-config';
import { RULE_IDS, SEVERITY, type RuleId, type Severity } from './rule-ids';
import { borderlineFlags, clearFlags } from './evaluate-rep';
import { ruleById } from './rules';
import { finite, median, roundTo } from './stats';
import type { RepVerdict } from './types';

// ref: docs/design.md#form-rules severities: a safety fault (lumbar strain, guide "increasing strain") costs
// three times a refinement; a rep with one fault of each kind scores 40.
export const SCORE_PENALTY_BY_SEVERITY: Readonly<Record<Exclude<Severity, 4>, number>> = Object.freeze({
  1: 10,
  2: 20,
  3: 30,
});
export const SCORE_FORMULA =
  'rep score = max(0, 100 − Σ penalty per clear flag: severity 1 → 10, 2 → 20, 3 → 30); ' +
  'set score = round(mean rep score over judged reps); reps flagged not-visible are not judged; ' +
  'borderline flags cost nothing.';
// ref: docs/rules.md#set-score, "the two or three things to fix next set".
export const TO_FIX_MAX = 3;
// ref: as TO_FIX_MAX: a summary read at arm's length after a set, three lines at most.
export const WENT_WELL_MAX = 3;
// ref: as TO_FIX_MAX.
export const CLOSE_TO_LIMIT_MAX = 3;

/** The rep's own metrics (no series: the summary stays small) plus how it was judged. */
export interface SetSummaryRow
  extends Pick<
    RepMetrics,
    | 'leg'
    | 'startMs'
    | 'endMs'
    | 'peakHipExtensionDeg'
    | 'romDeg'
    | 'concentricS'
    | 'eccentricS'
    | 'holdS'
    | 'peakAngularVelocityDegS'
    | 'kneeFlexionAtPeakDeg'
    | 'kneeFlexionRiseLiftingDeg'
    | 'torsoLeanMeanDeg'
    | 'torsoLeanRangeDeg'
    | 'lumbarArchPeakDeg'
    | 'pelvisTiltMaxDeg'
    | 'confidence'
  > {
  repIndex: number;
  /** Rule ids that fired clearly, most severe first. */
  flags: RuleId[];
  /** Rule ids whose reading was within its noise of the threshold (not faults). */
  borderline: RuleId[];
  /** Rule ids that could not judge this rep. */
  silent: RuleId[];
  clean: boolean;
  judged: boolean;
  /** Null when not judged. */
  score: number | null;
}

export interface WentWellItem {
  ruleId: RuleId;
  text: string;
}

export interface FixItem {
  ruleId: RuleId;
  title: string;
  /** e.g. "Kick too high on 5 of 8 reps". */
  text: string;
  count: number;
  repIndexes: number[];
  guideQuote: string;
  cue: string;
  explanation: string;
  /** The measure most often behind the flag, its median value and threshold (for "typically 34° vs 28°"). */
  measure: string;
  medianMeasured: number;
  threshold: number;
  unit: ConfigUnit;
}

/** A rule whose readings sat within their noise of its threshold on some reps. */
export interface CloseItem {
  ruleId: RuleId;
  /** e.g. "Torso lean close to the limit on 2 of 8 reps (typically 31° against 30°)". */
  text: string;
  count: number;
  repIndexes: number[];
  measure: string;
  medianMeasured: number;
  threshold: number;
  unit: ConfigUnit;
}

export interface SetSummary {
  version: 1;
  repCount: number;
  judgedRepCount: number;
  cleanRepCount: number;
  legs: Side[];
  rows: SetSummaryRow[];
  wentWell: WentWellItem[];
  toFix: FixItem[];
  /** Rules that were only close to the limit (borderline) on some reps; not faults. */
  closeToLimit: CloseItem[];
  score: number | null;
  scoreFormula: string;
  /** Reps each rule fired on clearly; every rule id is present (0 when it never fired). */
  flagCounts: Record<RuleId, number>;
  /** Reps each rule was borderline on; every rule id is present. */
  borderlineCounts: Record<RuleId, number>;
}

function repScore(verdict: RepVerdict): number {
  let s = 100;
  for (const f of clearFlags(verdict)) if (f.severity !== SEVERITY.setup) s -= SCORE_PENALTY_BY_SEVERITY[f.severity];
  return Math.max(0, s);
}

function fmt(value: number, unit: ConfigUnit): string {
  if (unit === 'deg') return `${Math.round(value)}°`;
  if (unit === 'deg/s') return `${Math.round(value)}°/s`;
  if (unit === 's') return `${value.toFixed(1)} s`;
  return `${roundTo(value, 2)} ${unit}`;
}

function isJudged(verdict: RepVerdict): boolean {
  return !verdict.flags.some((f) => f.ruleId === 'not-visible');
}

function values(reps: readonly RepMetrics[], pick: (r: RepMetrics) => number | null): number[] {
  return reps.map(pick).filter(finite);
}

function deg(v: number): string {
  return `${Math.round(v)}°`;
}

function onReps(n: number, allJudged: boolean): string {
  if (n === 1) return allJudged ? 'on the one rep' : 'on the one rep where it could be seen';
  return allJudged ? `on all ${n} reps` : `on all ${n} reps where it could be seen`;
}

/** Text for a rule that never fired on the reps that judged it; null when there is nothing to say. */
function wentWellText(id: RuleId, reps: readonly RepMetrics[], allJudged: boolean): string | null {
  const on = onReps(reps.length, allJudged);
  switch (id) {
    case 'kick-too-high': {
      const v = values(reps, (r) => r.peakHipExtensionDeg);
      return v.length > 0
        ? `Kick height stayed below the arch point ${on} (peak hip extension at most ${deg(Math.max(...v))})`
        : `Kick height stayed below the arch point ${on}`;
    }
    case 'short-range': {
      const v = values(reps, (r) => r.peakHipExtensionDeg);
      return v.length > 0 ? `The thigh travelled past the trunk line ${on} (at least ${deg(Math.min(...v))})` : null;
    }
    case 'torso-lean': {
      const v = values(reps, (r) => r.torsoLeanMeanDeg);
      if (v.length === 0) return null;
      const lo = Math.round(Math.min(...v));
      const hi = Math.round(Math.max(...v));
      const where = lo === hi ? `near ${lo}°` : `at ${lo}–${hi}°`;
      return `Torso lean held ${where} (the guide's "approximately 45 degrees") ${on}`;
    }
    case 'momentum': {
      const up = values(reps, (r) => r.concentricS);
      const down = values(reps, (r) => r.eccentricS);
      if (up.length === 0 || down.length === 0) return `Controlled tempo ${on}`;
      return `Controlled tempo ${on}: at least ${Math.min(...up).toFixed(1)} s up and ${Math.min(...down).toFixed(1)} s down`;
    }
    case 'knee-curl':
      return `The knee kept its bend while the leg lifted ${on} (no hamstring curl)`;
    case 'locked-knee': {
      const v = values(reps, (r) => r.kneeFlexionAtPeakDeg);
      return v.length > 0 ? `Soft knee bend kept at the top ${on} (at least ${deg(Math.min(...v))})` : null;
    }
    case 'no-squeeze': {
      const v = values(reps, (r) => r.holdS);
      return v.length > 0 ? `Held the squeeze at the top ${on} (at least ${Math.min(...v).toFixed(1)} s)` : null;
    }
    case 'pelvis-rotation': {
      const v = values(reps, (r) => (r.pelvisTiltMaxDeg === null ? null : Math.abs(r.pelvisTiltMaxDeg)));
      return v.length > 0 ? `Hips stayed level ${on} (tilt at most ${deg(Math.max(...v))})` : null;
    }
    case 'not-visible':
      return null;
  }
}

function checkInputs(reps: readonly RepMetrics[], verdicts: readonly RepVerdict[]): Map<number, RepVerdict> {
  if (!Array.isArray(reps)) throw new TypeError(`reps: expected an array of RepMetrics, got ${typeof reps}`);
  if (!Array.isArray(verdicts)) throw new TypeError(`verdicts: expected an array of RepVerdict, got ${typeof verdicts}`);
  if (reps.length !== verdicts.length) {
    throw new RangeError(`verdicts: expected one per rep (${reps.length}), got ${verdicts.length}`);
  }
  const byIndex = new Map<number, RepVerdict>();
  for (const v of verdicts) byIndex.set(v.repIndex, v);
  for (const r of reps) {
    if (!byIndex.has(r.index)) {
      throw new RangeError(`verdicts: expected a verdict for rep ${r.index}, got repIndexes ${verdicts.map((v) => v.repIndex).join(', ')}`);
    }
  }
  return byIndex;
}

export function summarizeSet(reps: readonly RepMetrics[], verdicts: readonly RepVerdict[]): SetSummary {
  const byIndex = checkInputs(reps, verdicts);
  const pairs = reps.map((rep) => ({ rep, verdict: byIndex.get(rep.index) as RepVerdict }));

  const rows: SetSummaryRow[] = pairs.map(({ rep, verdict }) => {
    const judged = isJudged(verdict);
    return {
      repIndex: rep.index,
      leg: rep.leg,
      startMs: rep.startMs,
      endMs: rep.endMs,
      peakHipExtensionDeg: rep.peakHipExtensionDeg,
      romDeg: rep.romDeg,
      concentricS: rep.concentricS,
      eccentricS: rep.eccentricS,
      holdS: rep.holdS,
      peakAngularVelocityDegS: rep.peakAngularVelocityDegS,
      kneeFlexionAtPeakDeg: rep.kneeFlexionAtPeakDeg,
      kneeFlexionRiseLiftingDeg: rep.kneeFlexionRiseLiftingDeg,
      torsoLeanMeanDeg: rep.torsoLeanMeanDeg,
      torsoLeanRangeDeg: rep.torsoLeanRangeDeg,
      lumbarArchPeakDeg: rep.lumbarArchPeakDeg,
      pelvisTiltMaxDeg: rep.pelvisTiltMaxDeg,
      confidence: rep.confidence,
      flags: clearFlags(verdict).map((f) => f.ruleId),
      borderline: borderlineFlags(verdict).map((f) => f.ruleId),
      silent: verdict.silent.map((s) => s.ruleId),
      clean: verdict.clean,
      judged,
      score: judged ? repScore(verdict) : null,
    };
  });

  const flagCounts = {} as Record<RuleId, number>;
  for (const id of RULE_IDS) flagCounts[id] = 0;
  const borderlineCounts = {} as Record<RuleId, number>;
  for (const id of RULE_IDS) borderlineCounts[id] = 0;
  for (const { verdict } of pairs) {
    for (const f of verdict.flags) (f.borderline ? borderlineCounts : flagCounts)[f.ruleId] += 1;
  }

  const judgedPairs = pairs.filter((p) => isJudged(p.verdict));
  const scores = rows.map((r) => r.score).filter(finite);
  const score = scores.length === 0 ? null : Math.round(scores.reduce((a, b) => a + b, 0) / scores.length);

  const wentWell: WentWellItem[] = [];
  const byPriority = [...RULE_IDS].sort((a, b) => ruleById(b).severity - ruleById(a).severity || RULE_IDS.indexOf(a) - RULE_IDS.indexOf(b));
  for (const id of byPriority) {
    if (wentWell.length >= WENT_WELL_MAX) break;
    // "Went well" is praise: a rule that was close to its limit on some rep has not earned it.
    if (flagCounts[id] > 0 || borderlineCounts[id] > 0) continue;
    const judgedByRule = judgedPairs.filter((p) => !p.verdict.silent.some((s) => s.ruleId === id));
    if (judgedByRule.length === 0) continue;
    const text = wentWellText(
      id,
      judgedByRule.map((p) => p.rep),
      judgedByRule.length === pairs.length,
    );
    if (text !== null) wentWell.push({ ruleId: id, text });
  }

  const toFix: FixItem[] = [];
  const weight = (id: RuleId): number => ruleById(id).severity * flagCounts[id];
  const faulty = RULE_IDS.filter((id) => flagCounts[id] > 0).sort((a, b) => weight(b) - weight(a) || RULE_IDS.indexOf(a) - RULE_IDS.indexOf(b));
  for (const id of faulty.slice(0, TO_FIX_MAX)) {
    const rule = ruleById(id);
    const hits = pairs.flatMap(({ rep, verdict }) => clearFlags(verdict).filter((f) => f.ruleId === id).map((f) => ({ rep, f })));
    // The measure most often behind this rule's flags (momentum has four), and its typical value.
    const measureCounts = new Map<string, number>();
    for (const { f } of hits) measureCounts.set(f.measure, (measureCounts.get(f.measure) ?? 0) + 1);
    const measure = [...measureCounts.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? '';
    const same = hits.filter((h) => h.f.measure === measure);
    const first = same[0]?.f;
    if (first === undefined) continue;
    toFix.push({
      ruleId: id,
      title: rule.title,
      text: `${rule.title} on ${hits.length} of ${pairs.length} rep${pairs.length === 1 ? '' : 's'}`,
      count: hits.length,
      repIndexes: hits.map((h) => h.rep.index),
      guideQuote: rule.guideQuote,
      cue: rule.cue,
      explanation: rule.explanation,
      measure,
      medianMeasured: roundTo(median(same.map((h) => h.f.measured)) ?? first.measured, 2),
      threshold: roundTo(median(same.map((h) => h.f.threshold)) ?? first.threshold, 2),
      unit: first.unit,
    });
  }

  const closeToLimit: CloseItem[] = [];
  const close = RULE_IDS.filter((id) => borderlineCounts[id] > 0).sort(
    (a, b) => borderlineCounts[b] - borderlineCounts[a] || RULE_IDS.indexOf(a) - RULE_IDS.indexOf(b),
  );
  for (const id of close.slice(0, CLOSE_TO_LIMIT_MAX)) {
    const hits = pairs.flatMap(({ rep, verdict }) => borderlineFlags(verdict).filter((f) => f.ruleId === id).map((f) => ({ rep, f })));
    const first = hits[0]?.f;
    if (first === undefined) continue;
    const same = hits.filter((h) => h.f.measure === first.measure);
    const medianMeasured = roundTo(median(same.map((h) => h.f.measured)) ?? first.measured, 2);
    const threshold = roundTo(median(same.map((h) => h.f.threshold)) ?? first.threshold, 2);
    closeToLimit.push({
      ruleId: id,
      text:
        `${ruleById(id).title} close to the limit on ${hits.length} of ${pairs.length} rep${pairs.length === 1 ? '' : 's'} ` +
        `(typically ${fmt(medianMeasured, first.unit)} against ${fmt(threshold, first.unit)})`,
      count: hits.length,
      repIndexes: hits.map((h) => h.rep.index),
      measure: first.measure,
      medianMeasured,
      threshold,
      unit: first.unit,
    });
  }

  const legs: Side[] = [];
  for (const { rep } of pairs) if (!legs.includes(rep.leg)) legs.push(rep.leg);

  return {
    version: 1,
    repCount: pairs.length,
    judgedRepCount: judgedPairs.length,
    cleanRepCount: pairs.filter((p) => p.verdict.clean).length,
    legs,
    rows,
    wentWell,
    toFix,
    closeToLimit,
    score,
    scoreFormula: SCORE_FORMULA,
    flagCounts,
    borderlineCounts,
  };
}
