import { isFinitePlanePoint, sub, type PlanePoint } from './plane-point';
import { angleBetweenDeg } from './signed-angle-deg';

const UP: PlanePoint = { f: 0, u: 1 };

/** Trunk (mid-hip → mid-shoulder) against vertical up: 0 upright, 90 horizontal (docs/design.md#angles). */
export function torsoLeanDeg(hipMid: PlanePoint | null, shoulderMid: PlanePoint | null): number | null {
  if (!isFinitePlanePoint(hipMid) || !isFinitePlanePoint(shoulderMid)) return null;
  return angleBetweenDeg(sub(shoulderMid, hipMid), UP);
}
