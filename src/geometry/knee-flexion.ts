import { isFinitePlanePoint, sub, type PlanePoint } from './plane-point';
import { angleBetweenDeg } from './signed-angle-deg';

/** 180 − interior hip–knee–ankle angle: 0 = straight knee (docs/design.md#angles). */
export function kneeFlexionDeg(
  hip: PlanePoint | null,
  knee: PlanePoint | null,
  ankle: PlanePoint | null,
): number | null {
  if (!isFinitePlanePoint(hip) || !isFinitePlanePoint(knee) || !isFinitePlanePoint(ankle)) return null;
  // The angle between thigh direction (hip → knee) and shank direction (knee → ankle) is
  // exactly 180 − the interior angle.
  return angleBetweenDeg(sub(knee, hip), sub(ankle, knee));
}
