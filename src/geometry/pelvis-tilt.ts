import type { Point2, Point3 } from '../pose/read-joint';

const RAD_TO_DEG = 180 / Math.PI;

/**
 * Hip line (left hip → right hip) against horizontal, degrees in [0, 90], from image pixels.
 * Only meaningful in a front or oblique view: in a side view the hips overlap and the line's
 * direction is noise, so callers pass null there. `minSeparationPx` guards that case too.
 */
export function pelvisTiltDeg2d(
  leftHip: Point2 | null,
  rightHip: Point2 | null,
  minSeparationPx: number,
): number | null {
  if (leftHip === null || rightHip === null) return null;
  const dx = rightHip.x - leftHip.x;
  const dy = rightHip.y - leftHip.y;
  if (!Number.isFinite(dx) || !Number.isFinite(dy)) return null;
  const len = Math.hypot(dx, dy);
  if (!(len > minSeparationPx) || !(len > 0)) return null;
  return Math.asin(Math.min(1, Math.abs(dy) / len)) * RAD_TO_DEG;
}

/** Hip line against the horizontal plane from world landmarks (y down), degrees in [0, 90]. */
export function pelvisTiltDeg3d(leftHip: Point3 | null, rightHip: Point3 | null): number | null {
  if (leftHip === null || rightHip === null) return null;
  const dx = rightHip.x - leftHip.x;
  const dy = rightHip.y - leftHip.y;
  const dz = rightHip.z - leftHip.z;
  const len = Math.hypot(dx, dy, dz);
  if (!Number.isFinite(len) || !(len > 1e-6)) return null;
  return Math.asin(Math.min(1, Math.abs(dy) / len)) * RAD_TO_DEG;
}
