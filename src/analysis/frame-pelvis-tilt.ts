/** Pelvis tilt of one frame, where the view shows the hip line (front or oblique). */
import { pelvisTiltDeg2d, pelvisTiltDeg3d } from '../geometry/pelvis-tilt';
import type { Point2, Point3 } from '../pose/read-joint';
import type { ViewKind } from './types';

// ref: pelvis-tilt.ts: in the image the hips must be a tenth of a trunk apart to give a line.
const PELVIS_MIN_SEPARATION_FRAC = 0.1;

export interface PelvisInput {
  usable: boolean;
  viewKind: ViewKind | null;
  hips2d: { left: Point2 | null; right: Point2 | null };
  hips3d: { left: Point3 | null; right: Point3 | null };
  shoulderMid2d: Point2 | null;
  hipMid2d: Point2 | null;
}

export function framePelvisTiltDeg(input: PelvisInput): number | null {
  if (!input.usable || (input.viewKind !== 'oblique' && input.viewKind !== 'front')) return null;
  const { hips2d, hips3d, shoulderMid2d: s, hipMid2d: h } = input;
  if (hips3d.left !== null && hips3d.right !== null) return pelvisTiltDeg3d(hips3d.left, hips3d.right);
  if (s === null || h === null) return null;
  const trunkPx = Math.hypot(s.x - h.x, s.y - h.y);
  return pelvisTiltDeg2d(hips2d.left, hips2d.right, PELVIS_MIN_SEPARATION_FRAC * trunkPx);
}
