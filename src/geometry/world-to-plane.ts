/**
 * 3D path: project BlazePose world landmarks (metres, y down) onto the body's sagittal plane,
 * whose normal is the hip-to-hip axis (docs/design.md#angles), so a slightly oblique camera still reads
 * true angles. Up is world up projected into that plane; forward is perpendicular to it, its sign
 * chosen by the person's facing in the image (the model's left/right labels are not trusted).
 */
import type { Side } from '../pose/types';
import type { Point3 } from '../pose/read-joint';
import type { PlanePoint } from './plane-point';

export interface SagittalBasis {
  up: Point3;
  forward: Point3;
}

function dot(a: Point3, b: Point3): number {
  return a.x * b.x + a.y * b.y + a.z * b.z;
}

function norm(a: Point3): number {
  return Math.sqrt(dot(a, a));
}

/** ref: numerical only: below a micrometre the two hips coincide and define no axis. */
const MIN_AXIS_M = 1e-6;
/** ref: view-classifier.ts: a hip axis within ~25° of vertical (cos 66° = 0.4 left of "up" after
 * projection) means lying on one side, where "up" in the sagittal plane is not trustworthy. */
const MIN_UP_IN_PLANE = 0.4;

export function sagittalBasis(
  leftHip: Point3 | null,
  rightHip: Point3 | null,
  facing: Side | null,
): SagittalBasis | null {
  if (leftHip === null || rightHip === null) return null;
  const axis = { x: rightHip.x - leftHip.x, y: rightHip.y - leftHip.y, z: rightHip.z - leftHip.z };
  const len = norm(axis);
  if (!Number.isFinite(len) || !(len > MIN_AXIS_M)) return null;
  const n = { x: axis.x / len, y: axis.y / len, z: axis.z / len };
  const worldUp = { x: 0, y: -1, z: 0 };
  const k = dot(worldUp, n);
  const upRaw = { x: worldUp.x - k * n.x, y: worldUp.y - k * n.y, z: worldUp.z - k * n.z };
  const upLen = norm(upRaw);
  if (!(upLen > MIN_UP_IN_PLANE)) return null;
  const up = { x: upRaw.x / upLen, y: upRaw.y / upLen, z: upRaw.z / upLen };
  // up × n is anatomical forward in a right-handed frame (x right, y down, z away).
  let forward = {
    x: up.y * n.z - up.z * n.y,
    y: up.z * n.x - up.x * n.z,
    z: up.x * n.y - up.y * n.x,
  };
  // Unknown facing keeps the anatomical forward (trusting the model's hip labels).
  const wantSign = facing === null ? Math.sign(forward.x) : facing === 'right' ? 1 : -1;
  if (Math.sign(forward.x) !== 0 && Math.sign(forward.x) !== wantSign) {
    forward = { x: -forward.x, y: -forward.y, z: -forward.z };
  }
  return { up, forward };
}

export function worldToPlane(p: Point3 | null, basis: SagittalBasis): PlanePoint | null {
  if (p === null || !Number.isFinite(p.x) || !Number.isFinite(p.y) || !Number.isFinite(p.z)) return null;
  return { f: dot(p, basis.forward), u: dot(p, basis.up) };
}
