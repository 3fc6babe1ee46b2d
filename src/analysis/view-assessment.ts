/**
 * Whether the camera view lets KickCheck measure and count (docs/design.md#facing-and-working-leg, docs/design.md#form-rules
 * "not visible / wrong view"), and what to tell the user when it does not.
 */
import type { JointName } from '../pose/keypoint-tables';
import type { JointStatus } from '../pose/read-joint';
import type { Side, ViewAssessment, ViewKind } from './types';

/**
 * Needs: a shoulder, a hip and the working leg's knee (any knee before the working leg is known)
 * to count; the matching ankle too to be fully in frame. `kind` is the smoothed view, or null.
 */
export function assessView(
  statuses: Readonly<Record<JointName, JointStatus>>,
  leg: Side | null,
  kind: ViewKind | null,
): ViewAssessment {
  const ok = (n: JointName): boolean => statuses[n] === 'ok';
  const missing: JointName[] = [];
  const needPair = (l: JointName, r: JointName): void => {
    if (!ok(l) && !ok(r)) missing.push(l, r);
  };
  needPair('leftShoulder', 'rightShoulder');
  needPair('leftHip', 'rightHip');
  if (leg !== null) {
    if (!ok(`${leg}Knee`)) missing.push(`${leg}Knee`);
  } else {
    needPair('leftKnee', 'rightKnee');
  }
  const coreOk = missing.length === 0;
  if (leg !== null) {
    if (!ok(`${leg}Ankle`)) missing.push(`${leg}Ankle`);
  } else {
    needPair('leftAnkle', 'rightAnkle');
  }
  const inFrame = missing.length === 0;
  const out = (n: JointName): boolean => statuses[n] === 'out-of-frame';
  let reason: string | null = null;
  if (missing.some((n) => /Knee|Ankle/.test(n) && out(n))) reason = 'Step back: feet out of frame';
  else if (missing.some((n) => /Shoulder/.test(n) && out(n))) reason = 'Step back: head and shoulders out of frame';
  else if (missing.some((n) => /Hip/.test(n) && out(n))) reason = 'Step back: hips out of frame';
  else if (missing.length > 0) reason = 'Make sure your whole body is visible';
  const viewKind: ViewKind = coreOk && kind !== null ? kind : 'unusable';
  if (reason === null && (viewKind === 'front' || viewKind === 'unusable')) {
    reason = 'Turn side-on to the camera';
  }
  return {
    kind: viewKind,
    personFound: true,
    inFrame,
    usable: coreOk && (viewKind === 'side' || viewKind === 'oblique'),
    reason,
    missingJoints: missing,
  };
}
