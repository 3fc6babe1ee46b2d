/**
 * The sagittal-plane body of one frame on the chosen angle path (src/geometry/plane-body.ts):
 * world landmarks projected onto the plane normal to the hip axis, or the image itself. The 3D
 * path falls back to 2D when the hips give no axis.
 */
import { imagePlaneBody, worldPlaneBody } from '../geometry/plane-body';
import type { PlaneBody } from '../geometry/sagittal-angles';
import { sagittalBasis } from '../geometry/world-to-plane';
import type { SmoothedJoints } from './smooth-joints';
import type { AnglePath, Side } from './types';

export function framePlaneBody(path: AnglePath, joints: SmoothedJoints, facing: Side | null): { path: AnglePath; body: PlaneBody } {
  const basis = path === '3d' ? sagittalBasis(joints.world.leftHip, joints.world.rightHip, facing) : null;
  if (basis !== null) return { path: '3d', body: worldPlaneBody(joints.world, basis) };
  return { path: '2d', body: imagePlaneBody(joints.pixel, facing) };
}
