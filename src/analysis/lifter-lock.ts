/**
 * What the pose frame says about the people in view (PoseFrame.personCount, lifterLock): how many
 * others there are, and whether the landmarks can be trusted to be the lifter's.
 */
import type { PoseFrame } from '../pose/types';

export interface LifterLockReading {
  /** People in view besides the lifter (0 when alone or not checked). */
  otherPeople: number;
  /** The landmarks may belong to someone else: nothing may be counted or judged on them. */
  ambiguous: boolean;
}

/**
 * `locked` with others in view: the pose model ran on the lifter's region, coach the lifter.
 * `ambiguous`, or several people and no lock at all (an older producer, src/pose/types.ts): a
 * single-pose model follows whichever person it scores best, frame by frame.
 */
export function readLifterLock(frame: Pick<PoseFrame, 'personCount' | 'lifterLock'>): LifterLockReading {
  const count = frame.personCount ?? 1;
  const otherPeople = Number.isFinite(count) ? Math.max(0, Math.round(count) - 1) : 0;
  if (frame.lifterLock === 'ambiguous') return { otherPeople, ambiguous: true };
  return { otherPeople, ambiguous: otherPeople > 0 && frame.lifterLock !== 'locked' };
}
