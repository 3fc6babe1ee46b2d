/** Lays named synthetic joints out in a detector's index table as a PoseFrame. */
import { JOINT_NAMES, LANDMARK_COUNT, jointIndex, type JointName } from '../pose/keypoint-tables';
import type { KeypointSet, Landmark, PoseFrame, WorldLandmark } from '../pose/types';

export interface NamedJoint {
  pixel: { x: number; y: number; z: number };
  world: { x: number; y: number; z: number };
  visibility: number;
}

export function toPoseFrame(
  joints: Readonly<Record<JointName, NamedJoint>>,
  set: KeypointSet,
  timestampMs: number,
  imageWidth: number,
  imageHeight: number,
): PoseFrame {
  const n = LANDMARK_COUNT[set];
  // Points KickCheck never reads (fingers, mouth) sit on the nearest named joint, hidden.
  const landmarks: Landmark[] = [];
  const world: WorldLandmark[] = [];
  for (let i = 0; i < n; i += 1) {
    landmarks.push({ x: 0, y: 0, z: 0, visibility: 0 });
    world.push({ x: 0, y: 0, z: 0, visibility: 0 });
  }
  for (const name of JOINT_NAMES) {
    const i = jointIndex(set, name);
    if (i === null) continue;
    const j = joints[name];
    landmarks[i] = { x: j.pixel.x, y: j.pixel.y, z: j.pixel.z, visibility: j.visibility };
    world[i] = { x: j.world.x, y: j.world.y, z: j.world.z, visibility: j.visibility };
  }
  const frame: PoseFrame = {
    timestampMs,
    imageWidth,
    imageHeight,
    keypointSet: set,
    landmarks,
    score: 0.9,
    inferenceMs: 0,
  };
  if (set === 'blazepose33') frame.worldLandmarks = world;
  return frame;
}
