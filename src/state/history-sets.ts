/**
 * History, pure (docs/design.md#after-the-set, history): one line per stored set (count, score, top fix), filtered by
 * leg and date, grouped into sessions (a calendar day), newest first; and the per-set points of
 * the progress plots. No clock and no storage: the day of a time comes in as `dayOf`.
 */
import type { RepMetrics, Side } from '../analysis/types';
import { RULE_IDS, SCORE_PENALTY_BY_SEVERITY, SEVERITY, isRuleId, ruleById, type RuleId } from '../feedback';

/** A stored rep as history reads it (storage's StoredRep has this shape). */
export interface HistoryRep {
  rep: RepMetrics;
  /** Rule ids flagged clearly on the rep when it was recorded. */
  flags: readonly string[];
}

/** A stored set as history reads it (storage's StoredSetWithReps has this shape). */
export interface HistorySetInput {
  id: number;
  uid: string;
  startedAt: string;
  endedAt: string | null;
  source: 'camera' | 'file';
  detector: string;
  reps: readonly HistoryRep[];
  rejected?: readonly unknown[];
  importedAt?: string;
}

export interface TopFix {
  ruleId: RuleId;
  title: string;
  /** Reps it was flagged on. */
  count: number;
}

export interface SetOverview {
  id: number;
  uid: string;
  startedAt: string;
  /** 'YYYY-MM-DD' in the lifter's time zone. */
  day: string;
  /** Legs that did counted reps, in the order first seen. */
  legs: Side[];
  repCount: number;
  notCounted: number;
  /** The summary's formula (set-summary.ts) on the flags stored with each rep; null when no rep was judged. */
  score: number | null;
  topFix: TopFix | null;
  /** Clear flags over the set, `not-visible` (a framing matter, not form) left out. */
  formFlags: number;
  /** Medians over the set's reps; null when no rep had the value. */
  peakHipExtensionDeg: number | null;
  romDeg: number | null;
  /** Median lift + lowering time of a rep, s. */
  tempoS: number | null;
  /** Still being recorded (no end yet): shown, but not deletable. */
  open: boolean;
  imported: boolean;
  reps: readonly HistoryRep[];
}

export type LegFilter = 'all' | Side;

export interface HistoryFilter {
  leg: LegFilter;
  /** Inclusive 'YYYY-MM-DD' bounds; '' = open. */
  fromDay: string;
  toDay: string;
}

export const NO_FILTER: HistoryFilter = Object.freeze({ leg: 'all', fromDay: '', toDay: '' });

export function median(values: readonly (number | null | undefined)[]): number | null {
  const xs = values.filter((x): x is number => typeof x === 'number' && Number.isFinite(x)).sort((a, b) => a - b);
  if (xs.length === 0) return null;
  const mid = Math.floor(xs.length / 2);
  return xs.length % 2 === 1 ? xs[mid]! : (xs[mid - 1]! + xs[mid]!) / 2;
}

function knownFlags(flags: readonly string[]): RuleId[] {
  return flags.filter(isRuleId);
}

/** A rep's score as in set-summary.ts: 100 − penalties of its clear flags; null when not judged. */
export function storedRepScore(flags: readonly string[]): number | null {
  const ids = knownFlags(flags);
  if (ids.includes('not-visible')) return null;
  let score = 100;
  for (const id of ids) {
    const severity = ruleById(id).severity;
    if (severity !== SEVERITY.setup) score -= SCORE_PENALTY_BY_SEVERITY[severity];
  }
  return Math.max(0, score);
}

/** The summary's first "fix next set": the rule with the largest severity × reps, ties in RULE_IDS order. */
export function topFixOf(reps: readonly HistoryRep[]): TopFix | null {
  const counts = new Map<RuleId, number>();
  for (const r of reps) for (const id of new Set(knownFlags(r.flags))) counts.set(id, (counts.get(id) ?? 0) + 1);
  let best: TopFix | null = null;
  let bestWeight = 0;
  for (const id of RULE_IDS) {
    const count = counts.get(id) ?? 0;
    const weight = ruleById(id).severity * count;
    if (count > 0 && weight > bestWeight) {
      best = { ruleId: id, title: ruleById(id).title, count };
      bestWeight = weight;
    }
  }
  return best;
}

export function setOverview(set: HistorySetInput, dayOf: (iso: string) => string): SetOverview {
  const legs: Side[] = [];
  for (const r of set.reps) if (!legs.includes(r.rep.leg)) legs.push(r.rep.leg);
  const scores = set.reps.map((r) => storedRepScore(r.flags)).filter((s): s is number => s !== null);
  return {
    id: set.id,
    uid: set.uid,
    startedAt: set.startedAt,
    day: dayOf(set.startedAt),
    legs,
    repCount: set.reps.length,
    notCounted: set.rejected?.length ?? 0,
    score: scores.length === 0 ? null : Math.round(scores.reduce((a, b) => a + b, 0) / scores.length),
    topFix: topFixOf(set.reps),
    formFlags: set.reps.reduce((n, r) => n + knownFlags(r.flags).filter((id) => id !== 'not-visible').length, 0),
    peakHipExtensionDeg: median(set.reps.map((r) => r.rep.peakHipExtensionDeg)),
    romDeg: median(set.reps.map((r) => r.rep.romDeg)),
    tempoS: median(set.reps.map((r) => r.rep.concentricS + r.rep.eccentricS)),
    open: set.endedAt === null,
    imported: set.importedAt !== undefined,
    reps: set.reps,
  };
}

export function matchesFilter(set: SetOverview, filter: HistoryFilter): boolean {
  if (filter.leg !== 'all' && !set.legs.includes(filter.leg)) return false;
  if (filter.fromDay !== '' && set.day < filter.fromDay) return false;
  if (filter.toDay !== '' && set.day > filter.toDay) return false;
  return true;
}

export interface Session {
  day: string;
  /** Newest first. */
  sets: SetOverview[];
}

/** Sessions (one per day), newest first, each with its sets newest first. */
export function groupSessions(sets: readonly SetOverview[]): Session[] {
  const byDay = new Map<string, SetOverview[]>();
  for (const s of sets) byDay.set(s.day, [...(byDay.get(s.day) ?? []), s]);
  const newestFirst = (a: SetOverview, b: SetOverview) => (a.startedAt < b.startedAt ? 1 : a.startedAt > b.startedAt ? -1 : b.id - a.id);
  return [...byDay.entries()]
    .sort((a, b) => (a[0] < b[0] ? 1 : a[0] > b[0] ? -1 : 0))
    .map(([day, daySets]) => ({ day, sets: [...daySets].sort(newestFirst) }));
}

/** Columns for the progress plots, oldest set first: x is the set's number in that order. */
export interface ProgressColumns {
  startedAt: string[];
  peakHipExtensionDeg: (number | null)[];
  romDeg: (number | null)[];
  score: (number | null)[];
  formFlags: number[];
}

/** Sets with at least one counted rep, oldest first (a plot reads left to right). */
export function progressColumns(sets: readonly SetOverview[]): ProgressColumns {
  const ordered = sets.filter((s) => s.repCount > 0).sort((a, b) => (a.startedAt < b.startedAt ? -1 : a.startedAt > b.startedAt ? 1 : a.id - b.id));
  return {
    startedAt: ordered.map((s) => s.startedAt),
    peakHipExtensionDeg: ordered.map((s) => s.peakHipExtensionDeg),
    romDeg: ordered.map((s) => s.romDeg),
    score: ordered.map((s) => s.score),
    formFlags: ordered.map((s) => s.formFlags),
  };
}

/** 'YYYY-MM-DD' of an ISO time in the runtime's local time zone. */
export function localDay(iso: string): string {
  const d = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}
