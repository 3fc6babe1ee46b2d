/**
 * What the live screen says about the picture (docs/trust.md#framing-all-through-the-set): which framing
 * problem matters most, whether reps are being counted, who is being tracked, and the words
 * for a rep that was seen but not counted. Rune-free, so component and unit tests use it as is.
 */
import { FRAMING_ORDER } from '../analysis/framing-issues';
import type { FramingRange, FramingReason, RejectedRep } from '../analysis/types';
import type { LiveFramingIssue } from './frame-framing';

/**
 * Most important first, as the analyser ranks them: what to fix first so that the rest can even
 * be judged. The people reasons are the lifter-lock line's.
 */
export const FRAMING_PRIORITY: readonly FramingReason[] = FRAMING_ORDER;

/** Shown by the lifter-lock line, never by the framing banner. */
const PEOPLE_REASONS: ReadonlySet<FramingReason> = new Set(['other-people', 'lifter-ambiguous']);

/**
 * The picture problems for the banner, one per reason, without the people reasons: those that
 * stop counting first, then by importance.
 */
export function framingBannerIssues(issues: readonly LiveFramingIssue[]): LiveFramingIssue[] {
  const byReason = new Map<FramingReason, LiveFramingIssue>();
  for (const issue of issues) {
    if (!PEOPLE_REASONS.has(issue.reason) && !byReason.has(issue.reason)) byReason.set(issue.reason, issue);
  }
  return [...byReason.values()].sort(
    (a, b) => Number(b.pausesCounting) - Number(a.pausesCounting) || FRAMING_PRIORITY.indexOf(a.reason) - FRAMING_PRIORITY.indexOf(b.reason),
  );
}

/** The banner line: the fix, and (when it stops counting) that reps are not being counted. */
export function framingBannerText(issue: LiveFramingIssue): string {
  return issue.pausesCounting ? `${issue.message} — reps not counted` : issue.message;
}

export interface LifterLockStatus {
  state: 'locked' | 'ambiguous';
  otherPeople: number;
  text: string;
}

export const AMBIGUOUS_LIFTER_TEXT = "Can't tell you apart from the person next to you — counting paused";

/**
 * Null while the lifter is alone in view (nothing to say). Locked: who is being coached and how
 * many others are ignored. Ambiguous: counting is paused, and why.
 */
export function lifterLockStatus(otherPeople: number, ambiguous: boolean): LifterLockStatus | null {
  if (ambiguous) return { state: 'ambiguous', otherPeople, text: AMBIGUOUS_LIFTER_TEXT };
  if (otherPeople <= 0) return null;
  const others = otherPeople === 1 ? '1 other person' : `${otherPeople} other people`;
  return { state: 'locked', otherPeople, text: `Tracking you — ${others} in view` };
}

/** "1 rep not counted: legs not clearly visible" (`count` of the same reason in a row). */
export function rejectedRepText(rep: Pick<RejectedRep, 'message'>, count = 1): string {
  return `${count} ${count === 1 ? 'rep' : 'reps'} not counted: ${rep.message}`;
}

export interface FramingTime {
  reason: FramingReason;
  message: string;
  durationMs: number;
}

/** Time with each picture problem, longest first (the summary names the worst few). */
export function framingTimeByReason(ranges: readonly FramingRange[]): FramingTime[] {
  const total = new Map<FramingReason, FramingTime>();
  for (const r of ranges) {
    if (r.reason === 'other-people') continue;
    const t = total.get(r.reason) ?? { reason: r.reason, message: r.message, durationMs: 0 };
    t.durationMs += Math.max(0, r.endMs - r.startMs);
    total.set(r.reason, t);
  }
  return [...total.values()].sort((a, b) => b.durationMs - a.durationMs);
}
