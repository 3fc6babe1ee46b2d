/**
 * Places the body frame in the camera's world (x right, y down, z away from the camera: the
 * BlazePose world-landmark convention) and projects orthographically to pixels, so image-plane
 * angles in a pure side view equal the body's angles exactly.
 */
import type { Side } from '../analysis/types';
import type { BodyVec } from './body-pose';

export interface CameraOptions {
  /** Image direction the person faces. */
  facing: Side;
  /** Turn of the body towards the camera; 0 = pure side view, 90 = front view. */
  yawDeg: number;
  /** Image rotation (camera roll), degrees, positive = clockwise on screen. */
  rollDeg: number;
  pixelsPerMetre: number;
  imageWidth: number;
  imageHeight: number;
  /** Pixel position of the hip centre. */
  hipCentreX: number;
  hipCentreY: number;
}

export interface WorldVec {
  x: number;
  y: number;
  z: number;
}

const D = Math.PI / 180;

export function bodyToWorld(p: BodyVec, cam: CameraOptions): WorldVec {
  const dir = cam.facing === 'right' ? 1 : -1;
  const F = { x: dir * Math.cos(cam.yawDeg * D), y: 0, z: -Math.sin(cam.yawDeg * D) };
  const U = { x: 0, y: -1, z: 0 };
  // R = F × U (right-handed body frame).
  const R = { x: F.y * U.z - F.z * U.y, y: F.z * U.x - F.x * U.z, z: F.x * U.y - F.y * U.x };
  return {
    x: p.f * F.x + p.u * U.x + p.r * R.x,
    y: p.f * F.y + p.u * U.y + p.r * R.y,
    z: p.f * F.z + p.u * U.z + p.r * R.z,
  };
}

export function worldToPixel(w: WorldVec, cam: CameraOptions): { x: number; y: number; z: number } {
  const x0 = w.x * cam.pixelsPerMetre;
  const y0 = w.y * cam.pixelsPerMetre;
  const c = Math.cos(cam.rollDeg * D);
  const s = Math.sin(cam.rollDeg * D);
  return {
    x: cam.hipCentreX + c * x0 - s * y0,
    y: cam.hipCentreY + s * x0 + c * y0,
    z: w.z * cam.pixelsPerMetre,
  };
}
