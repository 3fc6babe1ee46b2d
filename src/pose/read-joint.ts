/**
 * One named-joint accessor over both layouts, with the visibility gate and the in-frame check.
 * Returns null for a joint the layout lacks, one that is missing, non-finite, below the gate or
 * (for pixel landmarks) outside the image.
 */
import { isInFrame } from './in-frame';
import { JOINT_NAMES, jointIndex, jointRecord, type JointName } from './keypoint-tables';
import type { KeypointSet, PoseFrame } from './types';
import { isVisible } from './visibility-gate';

export interface Point2 {
  x: number;
  y: number;
}

export interface Point3 {
  x: number;
  y: number;
  z: number;
}

export interface JointGate {
  minVisibility: number;
  edgeMarginFrac: number;
}

/** Why a joint could not be read: lets the view check tell the user what to fix. */
export type JointStatus = 'ok' | 'absent' | 'hidden' | 'out-of-frame';

export function jointStatus(frame: PoseFrame, name: JointName, gate: JointGate): JointStatus {
  const i = jointIndex(frame.keypointSet, name);
  if (i === null) return 'absent';
  const lm = frame.landmarks[i];
  if (lm === undefined || !Number.isFinite(lm.x) || !Number.isFinite(lm.y)) return 'absent';
  if (!isInFrame(lm.x, lm.y, frame.imageWidth, frame.imageHeight, gate.edgeMarginFrac)) {
    return 'out-of-frame';
  }
  if (!isVisible(lm.visibility, gate.minVisibility)) return 'hidden';
  return 'ok';
}

/** Pixel position of a joint, or null when it cannot be trusted. */
export function readJoint(frame: PoseFrame, name: JointName, gate: JointGate): Point2 | null {
  if (jointStatus(frame, name, gate) !== 'ok') return null;
  const lm = frame.landmarks[jointIndex(frame.keypointSet, name) ?? -1];
  return lm === undefined ? null : { x: lm.x, y: lm.y };
}

/**
 * World (metres, y down) position of a joint. The in-frame check uses the matching pixel
 * landmark, because world landmarks of invented legs look just as plausible.
 */
export function readWorldJoint(frame: PoseFrame, name: JointName, gate: JointGate): Point3 | null {
  const world = frame.worldLandmarks;
  if (world === undefined || world.length === 0) return null;
  if (jointStatus(frame, name, gate) !== 'ok') return null;
  const w = world[jointIndex(frame.keypointSet, name) ?? -1];
  if (w === undefined || !Number.isFinite(w.x) || !Number.isFinite(w.y) || !Number.isFinite(w.z)) {
    return null;
  }
  if (!isVisible(w.visibility, gate.minVisibility)) return null;
  return { x: w.x, y: w.y, z: w.z };
}

export interface AllJoints {
  pixel: Record<JointName, Point2 | null>;
  world: Record<JointName, Point3 | null>;
  status: Record<JointName, JointStatus>;
}

/** Index of each JOINT_NAMES entry per layout (−1 = absent), looked up once, not per frame. */
const JOINT_INDICES: Readonly<Record<KeypointSet, readonly number[]>> = {
  blazepose33: JOINT_NAMES.map((n) => jointIndex('blazepose33', n) ?? -1),
  movenet17: JOINT_NAMES.map((n) => jointIndex('movenet17', n) ?? -1),
};

/** Every named joint of a frame in one pass (same rules as jointStatus/readJoint/readWorldJoint). */
export function readAllJoints(frame: PoseFrame, gate: JointGate): AllJoints {
  const pixel = jointRecord<Point2 | null>(null);
  const world = jointRecord<Point3 | null>(null);
  const status = jointRecord<JointStatus>('absent');
  const wl = frame.worldLandmarks;
  const hasWorld = wl !== undefined && wl.length > 0;
  const mx = frame.imageWidth * gate.edgeMarginFrac;
  const my = frame.imageHeight * gate.edgeMarginFrac;
  const indices = JOINT_INDICES[frame.keypointSet];
  for (let k = 0; k < JOINT_NAMES.length; k += 1) {
    const name = JOINT_NAMES[k];
    const i = indices[k];
    if (name === undefined || i === undefined || i < 0) continue;
    const lm = frame.landmarks[i];
    if (lm === undefined || !Number.isFinite(lm.x) || !Number.isFinite(lm.y)) continue;
    if (lm.x < mx || lm.x > frame.imageWidth - mx || lm.y < my || lm.y > frame.imageHeight - my) {
      status[name] = 'out-of-frame';
      continue;
    }
    if (!isVisible(lm.visibility, gate.minVisibility)) {
      status[name] = 'hidden';
      continue;
    }
    status[name] = 'ok';
    pixel[name] = { x: lm.x, y: lm.y };
    if (hasWorld) {
      const w = wl[i];
      if (
        w !== undefined &&
        Number.isFinite(w.x) &&
        Number.isFinite(w.y) &&
        Number.isFinite(w.z) &&
        isVisible(w.visibility, gate.minVisibility)
      ) {
        world[name] = { x: w.x, y: w.y, z: w.z };
      }
    }
  }
  return { pixel, world, status };
}
