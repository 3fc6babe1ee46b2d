/** All per-leg angles of docs/design.md#angles from one sagittal-plane body, for either angle path. */
import type { Side } from '../pose/types';
import { hipExtensionDeg } from './hip-extension';
import { kneeFlexionDeg } from './knee-flexion';
import type { PlanePoint } from './plane-point';
import { thighElevationDeg } from './thigh-elevation';
import { torsoLeanDeg } from './torso-lean';

export interface PlaneLeg {
  hip: PlanePoint | null;
  knee: PlanePoint | null;
  ankle: PlanePoint | null;
}

export interface PlaneBody {
  shoulderMid: PlanePoint | null;
  hipMid: PlanePoint | null;
  left: PlaneLeg;
  right: PlaneLeg;
}

export interface LegAngles {
  thighElevationDeg: number | null;
  hipExtensionDeg: number | null;
  kneeFlexionDeg: number | null;
}

export function legAngles(body: PlaneBody, side: Side): LegAngles {
  const leg = body[side];
  return {
    thighElevationDeg: thighElevationDeg(leg.hip, leg.knee),
    hipExtensionDeg: hipExtensionDeg(body.shoulderMid, body.hipMid, leg.hip, leg.knee),
    kneeFlexionDeg: kneeFlexionDeg(leg.hip, leg.knee, leg.ankle),
  };
}

export function bodyTorsoLeanDeg(body: PlaneBody): number | null {
  return torsoLeanDeg(body.hipMid, body.shoulderMid);
}
