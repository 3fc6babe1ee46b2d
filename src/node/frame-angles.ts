/**
 * Image-plane angles of one PoseFrame through the core's own geometry (DESIGN.md §2), for the
 * evaluation against hand-annotated keypoints. Both legs are measured: a still photo has no
 * working leg, and the annotation says nothing about one.
 */
import type { Side } from '../analysis/types';
import { midpoint } from '../geometry/plane-point';
import { imageToPlane } from '../geometry/image-to-plane';
import { bodyTorsoLeanDeg, legAngles, type PlaneBody } from '../geometry/sagittal-angles';
import type { JointName } from '../pose/keypoint-tables';
import { readJoint, type JointGate } from '../pose/read-joint';
import type { PoseFrame } from '../pose/types';

export interface FrameAngles {
  torsoLeanDeg: number | null;
  hipExtensionDeg: Record<Side, number | null>;
  kneeFlexionDeg: Record<Side, number | null>;
}

/**
 * `facing` only sets the sign of hip extension; compare two readings of one person with the
 * same facing and the sign cancels out.
 */
export function frameAngles(frame: PoseFrame, gate: JointGate, facing: Side = 'right'): FrameAngles {
  const at = (name: JointName) => imageToPlane(readJoint(frame, name, gate), facing);
  const body: PlaneBody = {
    shoulderMid: midpoint(at('leftShoulder'), at('rightShoulder')),
    hipMid: midpoint(at('leftHip'), at('rightHip')),
    left: { hip: at('leftHip'), knee: at('leftKnee'), ankle: at('leftAnkle') },
    right: { hip: at('rightHip'), knee: at('rightKnee'), ankle: at('rightAnkle') },
  };
  const left = legAngles(body, 'left');
  const right = legAngles(body, 'right');
  return {
    torsoLeanDeg: bodyTorsoLeanDeg(body),
    hipExtensionDeg: { left: left.hipExtensionDeg, right: right.hipExtensionDeg },
    kneeFlexionDeg: { left: left.kneeFlexionDeg, right: right.kneeFlexionDeg },
  };
}

/** Smallest difference between two angles, degrees (359° and 1° are 2° apart). */
export function angleErrorDeg(a: number, b: number): number {
  const d = Math.abs(a - b) % 360;
  return d > 180 ? 360 - d : d;
}
