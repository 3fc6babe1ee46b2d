/**
 * Image-plane angles of one PoseFrame through the core's own geometry (docs/design.md#angles), for the
 * evaluation against hand-annotated keypoints. Both legs are measured: a still photo has no
 * working leg, and the annotation says nothing about one.
 */
import type { Side } from '../analysis/types';
import { imagePlaneBody } from '../geometry/plane-body';
import { bodyTorsoLeanDeg, legAngles } from '../geometry/sagittal-angles';
import { readAllJoints, type JointGate } from '../pose/read-joint';
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
  // The analyser's own trunk and legs (src/geometry/plane-body.ts), on the raw gated joints.
  const body = imagePlaneBody(readAllJoints(frame, gate).pixel, facing);
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
