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

export interface FrameFraming {
  issues: FramingIssue[];
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
  if (analysis.framing) return { issues: analysis.framing, otherPeople, ambiguous: ambiguous || analysis.framing.some((i) => i.reason === 'lifter-ambiguous') };
  const issues: FramingIssue[] = [];
  const text = analysis.view.reason;
  if (text && !analysis.view.usable) {
    const reason = reasonOfViewText(text);
    if (reason !== 'other-people') issues.push({ reason, message: text });
  }
  return { issues, otherPeople, ambiguous };
}
