/**
 * The framing facts of one frame as the live screen needs them: the analyser's framing issues
 * and people count, and whether the lifter could be told apart. Until the analyser reports
 * `framing` itself (issue 8), they are read from its view assessment and the pose frame.
 */
import type { FrameAnalysis, FramingIssue, FramingReason, RejectedRep } from '../analysis/types';
import type { PoseFrame } from '../pose/types';

/** The issue-8 per-frame fields; optional until every analyser build carries them. */
export interface FramingFields {
  framing?: FramingIssue[];
  otherPeople?: number;
  rejectedRep?: RejectedRep | null;
}

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

/** The view assessment's words, matched to the issue-8 reasons (src/analysis/view-assessment.ts). */
function reasonOfViewText(text: string): FramingReason {
  if (/no person/i.test(text)) return 'no-person';
  if (/side-on/i.test(text)) return 'front-on';
  if (/head|shoulder/i.test(text)) return 'head-out-of-frame';
  if (/feet|hips|knee|ankle/i.test(text)) return 'feet-out-of-frame';
  if (/people|person/i.test(text)) return 'other-people';
  return 'low-confidence';
}

export function frameFraming(analysis: FrameAnalysis & FramingFields, pose: Pick<PoseFrame, 'personCount' | 'lifterLock'> | null): FrameFraming {
  const people = pose?.personCount ?? 0;
  // ref: src/pose/types.ts PoseFrame.lifterLock — more than one person and no lock is ambiguous.
  const ambiguous = pose?.lifterLock === 'ambiguous' || (people > 1 && pose?.lifterLock === undefined);
  const otherPeople = analysis.otherPeople ?? Math.max(0, people - 1);
  let raw: FramingIssue[] = analysis.framing ?? [];
  if (!analysis.framing && analysis.view.reason && !analysis.view.usable) {
    const reason = reasonOfViewText(analysis.view.reason);
    if (reason !== 'other-people') raw = [{ reason, message: analysis.view.reason }];
  }
  const lockAmbiguous = ambiguous || raw.some((i) => i.reason === 'lifter-ambiguous');
  // The analyser counts nothing on an unusable view. Its issues come most important first, the
  // ones that stop counting before the ones that are only a word (src/analysis/framing-issues.ts),
  // so on such a frame the first picture problem is the one that pauses counting.
  const paused = !analysis.view.usable;
  const firstPicture = raw.findIndex((i) => !PEOPLE.has(i.reason));
  const issues = raw.map((i, k) => ({ reason: i.reason, message: i.message, pausesCounting: paused && k === firstPicture }));
  return { issues, otherPeople, ambiguous: lockAmbiguous };
}
