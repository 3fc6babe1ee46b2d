import type { Side } from '../pose/types';
import type { Point2 } from '../pose/read-joint';
import type { PlanePoint } from './plane-point';

/**
 * 2D path: pixel coordinates (square pixels, so the video's aspect ratio is already respected;
 * never normalise x and y by different sizes) into the sagittal frame. Image y grows down, so
 * up = −y; forward = +x for a person facing image-right, −x facing left.
 */
export function imageToPlane(p: Point2 | null, facing: Side): PlanePoint | null {
  if (p === null || !Number.isFinite(p.x) || !Number.isFinite(p.y)) return null;
  return { f: facing === 'right' ? p.x : -p.x, u: -p.y };
}
