import type { Point2 } from '../pose/read-joint';

function mid(a: Point2 | null, b: Point2 | null): Point2 | null {
  if (a !== null && b !== null) return { x: (a.x + b.x) / 2, y: (a.y + b.y) / 2 };
  return a ?? b;
}

/**
 * How "open" the body is to the camera: mean of shoulder width and hip width in the image over
 * trunk length. About 0.65·sin(yaw away from a pure side view), since shoulder width is ~0.75
 * and hip width ~0.55 of trunk length (Drillis & Contini 1966). When the far side of both pairs
 * is hidden, that occlusion is itself the sign of a side view: 0. Null without a trunk.
 */
export function bodyWidthRatio(
  leftShoulder: Point2 | null,
  rightShoulder: Point2 | null,
  leftHip: Point2 | null,
  rightHip: Point2 | null,
): number | null {
  const sm = mid(leftShoulder, rightShoulder);
  const hm = mid(leftHip, rightHip);
  if (sm === null || hm === null) return null;
  const trunk = Math.hypot(sm.x - hm.x, sm.y - hm.y);
  if (!Number.isFinite(trunk) || !(trunk > 0)) return null;
  const widths: number[] = [];
  if (leftShoulder !== null && rightShoulder !== null) {
    widths.push(Math.hypot(leftShoulder.x - rightShoulder.x, leftShoulder.y - rightShoulder.y));
  }
  if (leftHip !== null && rightHip !== null) {
    widths.push(Math.hypot(leftHip.x - rightHip.x, leftHip.y - rightHip.y));
  }
  if (widths.length === 0) return 0;
  const r = widths.reduce((a, b) => a + b, 0) / widths.length / trunk;
  return Number.isFinite(r) ? r : null;
}

// ref: Drillis & Contini 1966 proportions above: a front view gives (0.75 + 0.55) / 2 = 0.65.
const FRONT_VIEW_WIDTH_RATIO = 0.65;

/** The width ratio as degrees away from a pure side view (0 side, 90 front). */
export function offSideDegFromWidthRatio(ratio: number | null): number | null {
  if (ratio === null || !Number.isFinite(ratio) || ratio < 0) return null;
  return (Math.asin(Math.min(1, ratio / FRONT_VIEW_WIDTH_RATIO)) * 180) / Math.PI;
}
