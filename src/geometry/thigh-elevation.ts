import { isFinitePlanePoint, sub, type PlanePoint } from './plane-point';
import { signedAngleDeg } from './signed-angle-deg';

const DOWN: PlanePoint = { f: 0, u: -1 };

/**
 * Working thigh (hip → knee) against vertical down; 0 hanging, + behind the body, − in front
 * (a knee drive reads about −40°). docs/design.md#angles.
 */
export function thighElevationDeg(hip: PlanePoint | null, knee: PlanePoint | null): number | null {
  if (!isFinitePlanePoint(hip) || !isFinitePlanePoint(knee)) return null;
  // From "down", rotating towards "behind" (−f) is clockwise in (f, u): negate the CCW angle.
  const a = signedAngleDeg(DOWN, sub(knee, hip));
  return a === null ? null : -a;
}
