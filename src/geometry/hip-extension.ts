import { isFinitePlanePoint, sub, type PlanePoint } from './plane-point';
import { signedAngleDeg } from './signed-angle-deg';

/**
 * Working thigh against the trunk line continued below the hip (mid-shoulder → mid-hip
 * direction): 0 in line, + behind the trunk line (extension), − in front (flexion). docs/design.md#angles.
 * Because the trunk line runs shoulder → hip, lumbar extension shows up here as extra extension.
 */
export function hipExtensionDeg(
  shoulderMid: PlanePoint | null,
  hipMid: PlanePoint | null,
  hip: PlanePoint | null,
  knee: PlanePoint | null,
): number | null {
  if (
    !isFinitePlanePoint(shoulderMid) ||
    !isFinitePlanePoint(hipMid) ||
    !isFinitePlanePoint(hip) ||
    !isFinitePlanePoint(knee)
  ) {
    return null;
  }
  const a = signedAngleDeg(sub(hipMid, shoulderMid), sub(knee, hip));
  return a === null ? null : -a;
}
