import { COINCIDENT_EPS, isFinitePlanePoint, length, type PlanePoint } from './plane-point';

const RAD_TO_DEG = 180 / Math.PI;

/**
 * Signed angle from vector a to vector b in the (f, u) plane, degrees in (−180, 180];
 * positive = counter-clockwise (from forward towards up). Null for zero-length or non-finite input.
 */
export function signedAngleDeg(a: PlanePoint, b: PlanePoint): number | null {
  if (!isFinitePlanePoint(a) || !isFinitePlanePoint(b)) return null;
  const la = length(a);
  const lb = length(b);
  if (!(la > COINCIDENT_EPS) || !(lb > COINCIDENT_EPS)) return null;
  const cross = a.f * b.u - a.u * b.f;
  const dot = a.f * b.f + a.u * b.u;
  const deg = Math.atan2(cross, dot) * RAD_TO_DEG;
  return deg === -180 ? 180 : deg;
}

/** Unsigned angle between two vectors, degrees in [0, 180]. */
export function angleBetweenDeg(a: PlanePoint, b: PlanePoint): number | null {
  const s = signedAngleDeg(a, b);
  return s === null ? null : Math.abs(s);
}
