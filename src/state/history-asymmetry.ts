/**
 * Left vs right for one day (docs/design.md#after-the-set, history), pure: range, tempo and flags of each leg's reps,
 * and the asymmetry in plain words ("Your left leg's range was 12° smaller than your right").
 */
import type { Side } from '../analysis/types';
import { SIGNAL_NOISE, isRuleId, ruleById, type RuleId } from '../feedback';
import { median, type SetOverview } from './history-sets';

export interface LegDay {
  leg: Side;
  sets: number;
  reps: number;
  /** Medians over the leg's reps of the day. */
  romDeg: number | null;
  peakHipExtensionDeg: number | null;
  liftS: number | null;
  lowerS: number | null;
  /** Reps with at least one clear form flag (`not-visible` is framing, left out). */
  flaggedReps: number;
  /** The leg's most frequent form flag that day. */
  commonFlag: { ruleId: RuleId; title: string; count: number } | null;
}

export interface LegComparison {
  day: string;
  left: LegDay;
  right: LegDay;
  /** One sentence each on range, tempo and flags. */
  sentences: string[];
}

// ref: docs/rules.md "Borderline flags": a reading is known to about one σ of the setup noise
// (SIGNAL_NOISE, measured by measure-noise); a difference between the legs below 2σ of the
// peak hip extension (1.9° → 3.8°) is within what a camera change alone moves, so "about the same".
export const RANGE_SAME_DEG = 2 * SIGNAL_NOISE.peakHipExtensionDeg.sigma;
// ref: as RANGE_SAME_DEG, with the lift time's σ (0.05 s) and the lowering time's σ (0.1 s).
export const LIFT_SAME_S = 2 * SIGNAL_NOISE.concentricS.sigma;
export const LOWER_SAME_S = 2 * SIGNAL_NOISE.eccentricS.sigma;

export function legDay(sets: readonly SetOverview[], leg: Side): LegDay {
  const reps = sets.flatMap((s) => s.reps).filter((r) => r.rep.leg === leg);
  const counts = new Map<RuleId, number>();
  let flaggedReps = 0;
  for (const r of reps) {
    const form = new Set(r.flags.filter(isRuleId).filter((id) => id !== 'not-visible'));
    if (form.size > 0) flaggedReps += 1;
    for (const id of form) counts.set(id, (counts.get(id) ?? 0) + 1);
  }
  const common = [...counts.entries()].sort((a, b) => b[1] - a[1])[0];
  return {
    leg,
    sets: sets.filter((s) => s.legs.includes(leg)).length,
    reps: reps.length,
    romDeg: median(reps.map((r) => r.rep.romDeg)),
    peakHipExtensionDeg: median(reps.map((r) => r.rep.peakHipExtensionDeg)),
    liftS: median(reps.map((r) => r.rep.concentricS)),
    lowerS: median(reps.map((r) => r.rep.eccentricS)),
    flaggedReps,
    commonFlag: common ? { ruleId: common[0], title: ruleById(common[0]).title, count: common[1] } : null,
  };
}

/** Days (newest first) on which both legs did counted reps. */
export function daysWithBothLegs(sets: readonly SetOverview[]): string[] {
  const legsByDay = new Map<string, Set<Side>>();
  for (const s of sets) for (const leg of s.legs) legsByDay.set(s.day, (legsByDay.get(s.day) ?? new Set()).add(leg));
  return [...legsByDay.entries()].filter(([, legs]) => legs.size === 2).map(([day]) => day).sort().reverse();
}

const deg = (x: number) => `${Math.round(x)}°`;
const sec = (x: number) => `${x.toFixed(1)} s`;

function rangeSentence(l: LegDay, r: LegDay): string {
  if (l.romDeg === null || r.romDeg === null) return 'Range: not measured on both legs.';
  const diff = l.romDeg - r.romDeg;
  if (Math.abs(diff) < RANGE_SAME_DEG) return `Your legs' range was about the same (left ${deg(l.romDeg)}, right ${deg(r.romDeg)}).`;
  const [small, big] = diff < 0 ? (['left', 'right'] as const) : (['right', 'left'] as const);
  return `Your ${small} leg's range was ${deg(Math.abs(diff))} smaller than your ${big} (${deg(Math.min(l.romDeg, r.romDeg))} against ${deg(Math.max(l.romDeg, r.romDeg))}).`;
}

function tempoSentence(l: LegDay, r: LegDay): string {
  if (l.liftS === null || r.liftS === null || l.lowerS === null || r.lowerS === null) return 'Tempo: not measured on both legs.';
  const parts: string[] = [];
  const lift = l.liftS - r.liftS;
  const lower = l.lowerS - r.lowerS;
  if (Math.abs(lift) >= LIFT_SAME_S) parts.push(`lifted ${lift < 0 ? 'faster' : 'slower'} with the left leg (${sec(l.liftS)} up against ${sec(r.liftS)})`);
  if (Math.abs(lower) >= LOWER_SAME_S) parts.push(`lowered ${lower < 0 ? 'faster' : 'slower'} with the left leg (${sec(l.lowerS)} down against ${sec(r.lowerS)})`);
  if (parts.length === 0) return `Your tempo was about the same on both legs (${sec(l.liftS)} up, ${sec(l.lowerS)} down on the left; ${sec(r.liftS)} up, ${sec(r.lowerS)} down on the right).`;
  return `You ${parts.join(' and ')}.`;
}

function flagSentence(l: LegDay, r: LegDay): string {
  const of = (d: LegDay) => `${d.flaggedReps} of ${d.reps} rep${d.reps === 1 ? '' : 's'}`;
  const why = (d: LegDay) => (d.commonFlag ? `, most often ${d.commonFlag.title.toLowerCase()}` : '');
  const lRate = l.reps === 0 ? 0 : l.flaggedReps / l.reps;
  const rRate = r.reps === 0 ? 0 : r.flaggedReps / r.reps;
  if (l.flaggedReps === 0 && r.flaggedReps === 0) return 'Neither leg had a form flag.';
  if (lRate === rRate) return `Both legs were flagged as often: left on ${of(l)}${why(l)}; right on ${of(r)}${why(r)}.`;
  const [more, less] = lRate > rRate ? [l, r] : [r, l];
  return `Your ${more.leg} leg was flagged more often: on ${of(more)}${why(more)}, against ${of(less)} on your ${less.leg}.`;
}

/** The comparison for `day`, or null when that day lacks one of the legs. */
export function compareLegs(sets: readonly SetOverview[], day: string): LegComparison | null {
  const daySets = sets.filter((s) => s.day === day);
  const left = legDay(daySets, 'left');
  const right = legDay(daySets, 'right');
  if (left.reps === 0 || right.reps === 0) return null;
  return { day, left, right, sentences: [rangeSentence(left, right), tempoSentence(left, right), flagSentence(left, right)] };
}

/**
 * The same day's set of the other leg, nearest in time to `set` (the one to look at beside it);
 * null when `set` worked both legs or none, or no set that day worked the other one.
 */
export function otherLegSet(sets: readonly SetOverview[], set: SetOverview): SetOverview | null {
  if (set.legs.length !== 1) return null;
  const other: Side = set.legs[0] === 'left' ? 'right' : 'left';
  const t = Date.parse(set.startedAt);
  const candidates = sets.filter((s) => s.id !== set.id && s.day === set.day && !s.open && s.legs.includes(other));
  candidates.sort((a, b) => Math.abs(Date.parse(a.startedAt) - t) - Math.abs(Date.parse(b.startedAt) - t) || a.id - b.id);
  return candidates[0] ?? null;
}
