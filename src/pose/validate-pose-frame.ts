import { LANDMARK_COUNT } from './keypoint-tables';
import type { PoseFrame } from './types';

/** How a bad value reads in an error message: strings quoted, so `"toString"` is not mistaken for a word. */
function shown(value: unknown): string {
  return typeof value === 'string' ? JSON.stringify(value) : String(value);
}

function isPositiveFinite(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value) && value > 0;
}

/**
 * Throws on a frame that breaks the PoseFrame contract (a programming error, not bad luck).
 * Frames cross a worker boundary and are read back from JSON fixtures, so nothing is assumed:
 * numbers must be finite (not Infinity, not a numeric string), and the keypoint set must be an
 * own key of the table (`"toString"` and `"__proto__"` are found on every object's prototype).
 * Landmark coordinates are not checked here: a detector's non-finite point is bad luck, and the
 * joint readers treat it as an absent joint (src/pose/read-joint.ts).
 */
export function validatePoseFrame(frame: PoseFrame): void {
  if (typeof frame !== 'object' || frame === null) {
    throw new TypeError(`expected a PoseFrame object, got ${shown(frame)}`);
  }
  if (typeof frame.timestampMs !== 'number' || !Number.isFinite(frame.timestampMs)) {
    throw new TypeError(`expected a finite timestampMs, got ${shown(frame.timestampMs)}`);
  }
  if (!isPositiveFinite(frame.imageWidth) || !isPositiveFinite(frame.imageHeight)) {
    throw new RangeError(
      `expected positive imageWidth and imageHeight, got ${shown(frame.imageWidth)}x${shown(frame.imageHeight)}`,
    );
  }
  const set: unknown = frame.keypointSet;
  if (typeof set !== 'string' || !Object.hasOwn(LANDMARK_COUNT, set)) {
    throw new TypeError(`expected keypointSet blazepose33 or movenet17, got ${shown(set)}`);
  }
  const expected = LANDMARK_COUNT[frame.keypointSet];
  if (!Array.isArray(frame.landmarks)) {
    throw new TypeError(`expected landmarks to be an array, got ${shown(frame.landmarks)}`);
  }
  if (frame.landmarks.length !== 0 && frame.landmarks.length !== expected) {
    throw new RangeError(
      `expected 0 or ${expected} landmarks for ${frame.keypointSet}, got ${frame.landmarks.length}`,
    );
  }
  const world: unknown = frame.worldLandmarks;
  if (world !== undefined && !Array.isArray(world)) {
    throw new TypeError(`expected worldLandmarks to be an array or absent, got ${shown(world)}`);
  }
  if (world !== undefined && world.length !== 0 && world.length !== expected) {
    throw new RangeError(
      `expected 0 or ${expected} world landmarks for ${frame.keypointSet}, got ${world.length}`,
    );
  }
}
