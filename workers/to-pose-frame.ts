/**
 * Converts one pose-detection result into the plain PoseFrame the core reads. Pure: no tfjs, no
 * clock, no DOM, so it is unit-tested in Node and shared by the worker and the CLI.
 */
import { LANDMARK_COUNT } from '../src/pose/keypoint-tables';
import type { KeypointSet, Landmark, PoseFrame, WorldLandmark } from '../src/pose/types';

/** The slice of pose-detection's `Keypoint` this module reads (kept local so no tfjs types leak in). */
export interface DetectedKeypoint {
  x: number;
  y: number;
  z?: number;
  score?: number;
  name?: string;
}

/** The slice of pose-detection's `Pose` this module reads. */
export interface DetectedPose {
  keypoints: DetectedKeypoint[];
  keypoints3D?: DetectedKeypoint[];
  score?: number;
}

export interface ImageSize {
  width: number;
  height: number;
}

/**
 * A joint whose coordinates are not finite (pose-detection yields NaN when a crop degenerates)
 * is kept at its index with this placeholder and visibility 0: the core indexes landmarks by
 * the keypoint table, so dropping one would shift every joint after it, and a visibility of 0
 * is already "unknown" to every consumer.
 */
const PLACEHOLDER_COORD = 0;

function finiteOr(value: number | undefined, fallback: number): number {
  return typeof value === 'number' && Number.isFinite(value) ? value : fallback;
}

function clamp01(value: number): number {
  return value < 0 ? 0 : value > 1 ? 1 : value;
}

function toLandmark(point: DetectedKeypoint): Landmark {
  const usable = Number.isFinite(point.x) && Number.isFinite(point.y);
  const landmark: Landmark = {
    x: usable ? point.x : PLACEHOLDER_COORD,
    y: usable ? point.y : PLACEHOLDER_COORD,
    visibility: usable ? clamp01(finiteOr(point.score, 0)) : 0,
  };
  if (point.z !== undefined) landmark.z = finiteOr(point.z, PLACEHOLDER_COORD);
  return landmark;
}

function toWorldLandmark(point: DetectedKeypoint): WorldLandmark {
  const usable = Number.isFinite(point.x) && Number.isFinite(point.y) && Number.isFinite(point.z);
  return {
    x: usable ? point.x : PLACEHOLDER_COORD,
    y: usable ? point.y : PLACEHOLDER_COORD,
    z: usable ? (point.z as number) : PLACEHOLDER_COORD,
    visibility: usable ? clamp01(finiteOr(point.score, 0)) : 0,
  };
}

export interface ToPoseFrameInput {
  /** The first pose pose-detection returned, or undefined when it found none. */
  pose: DetectedPose | undefined;
  image: ImageSize;
  timestampMs: number;
  inferenceMs: number;
  keypointSet: KeypointSet;
}

/**
 * Builds a PoseFrame. No person → empty landmarks, score 0. A person whose every joint is
 * unusable (all coordinates NaN) is treated as no person, so "found nobody" has one shape.
 * World landmarks are kept only when they match the keypoint count (BlazePose), else omitted.
 */
export function toPoseFrame(input: ToPoseFrameInput): PoseFrame {
  const { pose, image, timestampMs, inferenceMs, keypointSet } = input;
  const frame: PoseFrame = {
    timestampMs,
    imageWidth: image.width,
    imageHeight: image.height,
    keypointSet,
    landmarks: [],
    score: 0,
    inferenceMs: finiteOr(inferenceMs, 0),
  };
  if (!pose || pose.keypoints.length === 0) return frame;

  const expected = LANDMARK_COUNT[keypointSet];
  if (pose.keypoints.length !== expected) {
    throw new Error(`expected ${expected} keypoints for ${keypointSet}, got ${pose.keypoints.length}`);
  }
  if (!pose.keypoints.some((p) => Number.isFinite(p.x) && Number.isFinite(p.y))) return frame;
  const landmarks = pose.keypoints.map(toLandmark);
  frame.landmarks = landmarks;

  // MoveNet's pose score is the mean of its confident keypoints; BlazePose's is the pose
  // presence. When a detector leaves it out, the mean visibility is the closest stand-in.
  const meanVisibility = landmarks.reduce((sum, l) => sum + l.visibility, 0) / landmarks.length;
  frame.score = clamp01(finiteOr(pose.score, meanVisibility));

  if (pose.keypoints3D && pose.keypoints3D.length === expected) {
    frame.worldLandmarks = pose.keypoints3D.map(toWorldLandmark);
  }
  return frame;
}
