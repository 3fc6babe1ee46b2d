/**
 * What the live screen says about the picture (issue 8, "framing everywhere"): which framing
 * problem matters most, whether reps are being counted, who is being tracked, and the words
 * for a rep that was seen but not counted. Rune-free, so component and unit tests use it as is.
 */
import type { FramingIssue, FramingRange, FramingReason, RejectedRep } from '../analysis/types';

/**
 * Most important first: what to fix first so that the rest can even be judged (no person at
 * all, then the view, then what is cut off, then size and light). The people reasons come last:
 * the lifter-lock line shows them, not the framing banner.
 */
export const FRAMING_PRIORITY: readonly FramingReason[] = [
  'no-person',
  'lifter-ambiguous',
  'front-on',
  'feet-out-of-frame',
  'head-out-of-frame',
  'person-too-small',
  'low-confidence',
  'other-people',
];

/** Shown by the lifter-lock line, never by the framing banner. */
const PEOPLE_REASONS: ReadonlySet<FramingReason> = new Set(['other-people', 'lifter-ambiguous']);

/** Every reason but `other-people` stops reps from counting (the lifter is locked otherwise). */
export function pausesCounting(reason: FramingReason): boolean {
  return reason !== 'other-people';
}

/** The picture problems, most important first, without the people reasons; one per reason. */
export function framingBannerIssues(issues: readonly FramingIssue[]): FramingIssue[] {
  const byReason = new Map<FramingReason, FramingIssue>();
  for (const issue of issues) {
    if (!PEOPLE_REASONS.has(issue.reason) && !byReason.has(issue.reason)) byReason.set(issue.reason, issue);
  }
  return [...byReason.values()].sort((a, b) => FRAMING_PRIORITY.indexOf(a.reason) - FRAMING_PRIORITY.indexOf(b.reason));
}

/** The banner line: the fix, and (when it stops counting) that reps are not being counted. */
export function framingBannerText(issue: FramingIssue): string {
  return pausesCounting(issue.reason) ? `${issue.message} — reps not counted` : issue.message;
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

export interface PausedTime {
  reason: FramingReason;
  message: string;
  durationMs: number;
}

/** Time with counting paused, per reason, longest first (the summary names the worst few). */
export function pausedTimeByReason(ranges: readonly FramingRange[]): PausedTime[] {
  const total = new Map<FramingReason, PausedTime>();
  for (const r of ranges) {
    if (!pausesCounting(r.reason)) continue;
    const t = total.get(r.reason) ?? { reason: r.reason, message: r.message, durationMs: 0 };
    t.durationMs += Math.max(0, r.endMs - r.startMs);
    total.set(r.reason, t);
  }
  return [...total.values()].sort((a, b) => b.durationMs - a.durationMs);
}
