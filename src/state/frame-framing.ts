/**
 * The framing facts of one frame as the live screen needs them: the analyser's framing issues,
 * each with whether it stops counting, the people count, and whether the lifter could be told
 * apart from the others.
 */
import type { FrameAnalysis, FramingIssue, FramingReason } from '../analysis/types';
import type { PoseFrame } from '../pose/types';

/** A framing issue as the live screen shows it: with whether reps are being counted meanwhile. */
export interface LiveFramingIssue extends FramingIssue {
  pausesCounting: boolean;
}

const PEOPLE: ReadonlySet<FramingReason> = new Set(['other-people', 'lifter-ambiguous']);

export interface FrameFraming {
  issues: LiveFramingIssue[];
  otherPeople: number;
  ambiguous: boolean;
}

export function frameFraming(
  analysis: Pick<FrameAnalysis, 'framing' | 'otherPeople' | 'view'>,
  pose: Pick<PoseFrame, 'lifterLock'> | null,
): FrameFraming {
  const ambiguous = pose?.lifterLock === 'ambiguous' || analysis.framing.some((i) => i.reason === 'lifter-ambiguous');
  // The analyser counts nothing on an unusable view. Its issues come most important first, the
  // ones that stop counting before the ones that are only a word (src/analysis/framing-issues.ts),
  // so on such a frame the first issue is the one that pauses counting. When that is the lifter
  // lock, the lock line says so, and no picture problem is blamed.
  const paused = !analysis.view.usable;
  const issues = analysis.framing.map((i, k) => ({ reason: i.reason, message: i.message, pausesCounting: paused && k === 0 && !PEOPLE.has(i.reason) }));
  return { issues, otherPeople: analysis.otherPeople, ambiguous };
}
