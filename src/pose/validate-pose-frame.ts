import { LANDMARK_COUNT } from './keypoint-tables';
import type { PoseFrame } from './types';

/** Throws on a frame that breaks the PoseFrame contract (a programming error, not bad luck). */
export function validatePoseFrame(frame: PoseFrame): void {
  if (!Number.isFinite(frame.timestampMs)) {
    throw new TypeError(`expected a finite timestampMs, got ${String(frame.timestampMs)}`);
  }
  if (!(frame.imageWidth > 0) || !(frame.imageHeight > 0)) {
    throw new RangeError(
      `expected positive imageWidth and imageHeight, got ${String(frame.imageWidth)}x${String(frame.imageHeight)}`,
    );
  }
  const expected = LANDMARK_COUNT[frame.keypointSet];
  if (expected === undefined) {
    throw new TypeError(`expected keypointSet blazepose33 or movenet17, got ${String(frame.keypointSet)}`);
  }
  if (frame.landmarks.length !== 0 && frame.landmarks.length !== expected) {
    throw new RangeError(
      `expected 0 or ${expected} landmarks for ${frame.keypointSet}, got ${frame.landmarks.length}`,
    );
  }
  const world = frame.worldLandmarks;
  if (world !== undefined && world.length !== 0 && world.length !== expected) {
    throw new RangeError(
      `expected 0 or ${expected} world landmarks for ${frame.keypointSet}, got ${world.length}`,
    );
  }
}
