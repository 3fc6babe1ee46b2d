/**
 * A stick figure in its own body frame (metres): F forward, U up, R to the person's right,
 * origin between the hips. Segment lengths are round adult values (Drillis & Contini 1966);
 * they only need to be plausible, the angles are exact by construction.
 */
import type { JointName } from '../pose/keypoint-tables';
import type { Side } from '../analysis/types';

export interface LegPose {
  /** Thigh against vertical down, + behind the body (docs/angles.md#thigh-elevation). */
  thighDeg: number;
  /** Knee flexion, 0 = straight; the shank folds backwards. */
  kneeDeg: number;
  /** Optional: the whole leg turned outward (sideways, away from the body's midline), degrees. */
  abductionDeg?: number;
}

export interface BodyPose {
  /** Trunk against vertical up, + leaning forward. */
  torsoLeanDeg: number;
  left: LegPose;
  right: LegPose;
}

export interface BodyVec {
  f: number;
  u: number;
  r: number;
}

export const SEGMENT_M = Object.freeze({
  halfHipWidth: 0.1,
  halfShoulderWidth: 0.19,
  trunk: 0.5,
  neck: 0.1,
  headToEar: 0.1,
  halfEarWidth: 0.07,
  noseAhead: 0.1,
  thigh: 0.45,
  shank: 0.43,
  heelBack: 0.05,
  toeAhead: 0.15,
  upperArm: 0.3,
  forearm: 0.27,
});

const D = Math.PI / 180;

function add(a: BodyVec, b: BodyVec, k = 1): BodyVec {
  return { f: a.f + k * b.f, u: a.u + k * b.u, r: a.r + k * b.r };
}

/** Unit vector in the sagittal plane at `deg` from vertical down, rotating towards behind. */
function fromDown(deg: number): BodyVec {
  return { f: -Math.sin(deg * D), u: -Math.cos(deg * D), r: 0 };
}

export function bodyJoints(pose: BodyPose): Record<JointName, BodyVec> {
  const S = SEGMENT_M;
  const lean = pose.torsoLeanDeg * D;
  const trunkDir: BodyVec = { f: Math.sin(lean), u: Math.cos(lean), r: 0 };
  // People look ahead of where the trunk points: the face turns half the lean back up.
  const faceDir: BodyVec = { f: Math.cos(lean / 2), u: -Math.sin(lean / 2), r: 0 };
  const hipMid: BodyVec = { f: 0, u: 0, r: 0 };
  const shoulderMid = add(hipMid, trunkDir, S.trunk);
  const headMid = add(shoulderMid, trunkDir, S.neck + S.headToEar);
  const side = (s: Side): number => (s === 'right' ? 1 : -1);
  const out = {} as Record<JointName, BodyVec>;
  out.nose = add(headMid, faceDir, S.noseAhead);
  for (const s of ['left', 'right'] as const) {
    const k = side(s);
    out[`${s}Ear`] = add(headMid, { f: 0, u: 0, r: k }, S.halfEarWidth);
    out[`${s}Eye`] = add(add(headMid, faceDir, 0.8 * S.noseAhead), { f: 0, u: 0, r: k }, 0.03);
    const shoulder = add(shoulderMid, { f: 0, u: 0, r: k }, S.halfShoulderWidth);
    out[`${s}Shoulder`] = shoulder;
    // Arms reach forward and down to a handle.
    const armDir: BodyVec = { f: Math.cos(lean) * 0.5 + 0.5 * Math.sin(lean), u: -0.8, r: 0 };
    const n = Math.hypot(armDir.f, armDir.u);
    const elbow = add(shoulder, { f: armDir.f / n, u: armDir.u / n, r: 0 }, S.upperArm);
    out[`${s}Elbow`] = elbow;
    out[`${s}Wrist`] = add(elbow, { f: armDir.f / n, u: armDir.u / n, r: 0 }, S.forearm);
    const hip = add(hipMid, { f: 0, u: 0, r: k }, S.halfHipWidth);
    const leg = pose[s];
    // Abduction turns the sagittal leg about the forward axis through the hip, outward.
    const a = (leg.abductionDeg ?? 0) * D;
    const turnOut = (v: BodyVec): BodyVec => ({ f: v.f, u: v.u * Math.cos(a) + k * v.r * Math.sin(a), r: v.r * Math.cos(a) - k * v.u * Math.sin(a) });
    const fromHip = (v: BodyVec): BodyVec => add(hip, turnOut(v));
    const kneeRel = add({ f: 0, u: 0, r: 0 }, fromDown(leg.thighDeg), S.thigh);
    const shankAngle = leg.thighDeg + leg.kneeDeg;
    const ankleRel = add(kneeRel, fromDown(shankAngle), S.shank);
    // The foot points forward, perpendicular to the shank.
    const footDir: BodyVec = { f: Math.cos(shankAngle * D), u: -Math.sin(shankAngle * D), r: 0 };
    out[`${s}Hip`] = hip;
    out[`${s}Knee`] = fromHip(kneeRel);
    out[`${s}Ankle`] = fromHip(ankleRel);
    out[`${s}Heel`] = fromHip(add(add(ankleRel, footDir, -S.heelBack), fromDown(shankAngle), 0.05));
    out[`${s}FootIndex`] = fromHip(add(ankleRel, footDir, S.toeAhead));
  }
  return out;
}
