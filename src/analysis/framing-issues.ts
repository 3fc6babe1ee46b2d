/**
 * The framing problems of one frame (docs/trust.md#framing-all-through-the-set), most important first:
 * what stops counting before what only deserves a word. Pure: statuses, view and lock in.
 */
import type { JointName } from '../pose/keypoint-tables';
import type { JointStatus } from '../pose/read-joint';
import { FRAMING_MESSAGES, HIPS_OUT_MESSAGE, LEGS_UNSEEN_MESSAGE, SHOULDERS_OUT_MESSAGE, otherPeopleMessage } from './framing-messages';
import type { LifterLockReading } from './lifter-lock';
import type { FramingIssue, FramingReason, ViewAssessment } from './types';

export interface FramingInput {
  statuses: Readonly<Record<JointName, JointStatus>>;
  /** The view assessment of this frame (needed joints, view kind), before the lifter lock. */
  view: ViewAssessment;
  lock: LifterLockReading;
  /** Trunk + thigh + shin in pixels over the picture's longer side; null when not measurable. */
  bodyLengthFrac: number | null;
  /** The trunk read as pointing far past horizontal: the detector misread the body. */
  misreadBody: boolean;
}

/**
 * ref: the detectors letterbox the picture into a square model input (256 px for BlazePose), so
 * the lifter's size counts against the longer side. Trunk + thigh + shin read 0.32–0.47 of it
 * on the kickback clips (per-clip medians, tests/fixtures/landmarks, both detectors:
 * cable_kickback_cgi_kinkatsu 0.32 lowest, cable_kickback_cgi_dosipov 0.44–0.47 highest). The
 * `far` variant (a third of the picture, src/node/clip-variants.ts) must still count, at
 * 0.107–0.157; under a tenth (about 26 px of model input for the whole trunk and leg) the lifter
 * is too small to measure.
 */
export const MIN_BODY_LENGTH_FRAC = 0.1;

/** Most important first: what to fix first so that the rest can even be judged. */
export const FRAMING_ORDER: readonly FramingReason[] = [
  'lifter-ambiguous',
  'no-person',
  'feet-out-of-frame',
  'head-out-of-frame',
  'front-on',
  'low-confidence',
  'person-too-small',
  'other-people',
];

const HEAD: readonly JointName[] = ['nose', 'leftEye', 'rightEye', 'leftEar', 'rightEar'];
const LEGS: readonly JointName[] = ['leftKnee', 'rightKnee', 'leftAnkle', 'rightAnkle'];

export interface RankedIssue extends FramingIssue {
  /** True when this problem stops counting and judging (false: a word to the lifter only). */
  blocking: boolean;
}

export function framingIssues(input: FramingInput): RankedIssue[] {
  const { statuses, view, lock } = input;
  const out = (n: JointName): boolean => statuses[n] === 'out-of-frame';
  const missing = view.missingJoints as JointName[];
  const issues: RankedIssue[] = [];
  const add = (reason: FramingReason, blocking: boolean, message?: string): void => {
    if (issues.some((i) => i.reason === reason)) return;
    issues.push({ reason, blocking, message: message ?? (reason === 'other-people' ? otherPeopleMessage(lock.otherPeople) : FRAMING_MESSAGES[reason]) });
  };
  if (lock.ambiguous) add('lifter-ambiguous', true);
  const neededLegOut = missing.some((n) => /Knee|Ankle/.test(n) && out(n));
  if (neededLegOut || LEGS.some(out)) add('feet-out-of-frame', neededLegOut);
  if (missing.some((n) => /Hip/.test(n) && out(n))) add('feet-out-of-frame', true, HIPS_OUT_MESSAGE);
  const shouldersOut = missing.some((n) => /Shoulder/.test(n) && out(n));
  if (shouldersOut) add('head-out-of-frame', true, SHOULDERS_OUT_MESSAGE);
  else if (HEAD.some(out)) add('head-out-of-frame', false);
  const coreMissing = missing.filter((n) => !/Ankle/.test(n));
  if (view.kind === 'front' || (view.kind === 'unusable' && coreMissing.length === 0)) add('front-on', true);
  // Needed joints inside the picture but below the visibility gate (or not reported): too dark,
  // blurred or occluded; the detector's own doubt, not the framing. When only the legs are in
  // doubt while the trunk is clearly seen, light is not the problem (it would dim the trunk too):
  // the legs are cut off, hidden or in a dark band at the picture's edge, so the lifter is told
  // to get them into view rather than to add light.
  const unsure = missing.filter((n) => !out(n));
  const trunkSeen = (statuses.leftShoulder === 'ok' || statuses.rightShoulder === 'ok') && (statuses.leftHip === 'ok' || statuses.rightHip === 'ok');
  const unsureBlocks = coreMissing.some((n) => !out(n)) || input.misreadBody;
  if (unsure.length > 0 && !input.misreadBody && trunkSeen && unsure.every((n) => /Knee|Ankle/.test(n))) add('feet-out-of-frame', unsureBlocks, LEGS_UNSEEN_MESSAGE);
  else if (unsure.length > 0 || input.misreadBody) add('low-confidence', unsureBlocks);
  if (input.bodyLengthFrac !== null && input.bodyLengthFrac < MIN_BODY_LENGTH_FRAC) add('person-too-small', false);
  if (lock.otherPeople > 0 && !lock.ambiguous) add('other-people', false);
  return issues.sort((a, b) => Number(b.blocking) - Number(a.blocking) || FRAMING_ORDER.indexOf(a.reason) - FRAMING_ORDER.indexOf(b.reason));
}
