import type { Point3 } from '../pose/read-joint';

/**
 * How far the camera is from a pure side view, from BlazePose world landmarks: the angle, seen
 * from above, between the hip-to-hip axis and the camera's depth axis (0 = hips lined up with
 * the camera, side view; 90 = front or back view). Unlike image widths this does not blow up
 * when the trunk points at the camera (a bent-over lifter filmed from behind and to the side).
 */
export function hipAxisOffSideDeg(leftHip: Point3 | null, rightHip: Point3 | null): number | null {
  if (leftHip === null || rightHip === null) return null;
  const dx = rightHip.x - leftHip.x;
  const dz = rightHip.z - leftHip.z;
  if (!Number.isFinite(dx) || !Number.isFinite(dz) || !(Math.hypot(dx, dz) > 1e-6)) return null;
  return (Math.atan2(Math.abs(dx), Math.abs(dz)) * 180) / Math.PI;
}
