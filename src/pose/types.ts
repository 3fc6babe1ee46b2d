/**
 * The one contract between the pose worker (or the Node analyser) and the pure analysis core.
 * Plain data only: it crosses a Comlink boundary and is stored in JSON fixtures.
 */

/** Detectors KickCheck can run: the keys of the registry (src/pose/detector-registry.ts). */
export type { DetectorId } from './detector-registry';

/** A body side (left/right leg, the way a person faces). */
export type Side = 'left' | 'right';

/** Which index table the landmark array follows (src/pose/keypoint-tables.ts). */
export type KeypointSet = 'blazepose33' | 'movenet17';

export interface Landmark {
  /** Pixels from the left edge of the analysed image. */
  x: number;
  /** Pixels from the top edge (image y grows downward). */
  y: number;
  /** BlazePose only: depth relative to the hips, roughly in x's scale. */
  z?: number;
  /** 0..1 probability the joint is visible (BlazePose `score`, MoveNet keypoint score). */
  visibility: number;
}

export interface WorldLandmark {
  /** Metres, origin between the hips (BlazePose world landmarks). y grows downward. */
  x: number;
  y: number;
  z: number;
  visibility: number;
}

export interface PoseFrame {
  /** Capture time of the frame, milliseconds, strictly increasing within one source. */
  timestampMs: number;
  /** Size of the analysed image in pixels (needed for aspect and in-frame checks). */
  imageWidth: number;
  imageHeight: number;
  keypointSet: KeypointSet;
  /** Empty when no person was found in the frame. */
  landmarks: Landmark[];
  /** BlazePose only; absent for MoveNet or when no person was found. */
  worldLandmarks?: WorldLandmark[];
  /** Overall pose score 0..1 (0 when no person). */
  score: number;
  /** Wall time the detector spent on this frame, ms (0 for synthetic data). */
  inferenceMs: number;
  /**
   * Optional: pixel points along the back contour from shoulder to hip, traced from a person
   * segmentation mask when the detector provides one (lumbar-arch measure (c),
   * docs/angles.md#lumbar-arch).
   */
  backContour?: { x: number; y: number }[];
  /**
   * People detected in the frame by the multi-person check (MoveNet MultiPose, run about once a
   * second and carried forward between checks); absent when not checked.
   */
  personCount?: number;
  /**
   * How the landmarks relate to the lifter when more than one person is in view (set by the
   * shared frame pipeline, workers/frame-pipeline.ts; absent when one person or not checked):
   * - `locked`: the pose model ran on the locked lifter's region, so the landmarks are the
   *   lifter's; the other people are ignored.
   * - `ambiguous`: the lifter cannot be told apart from another person (overlapping people):
   *   the landmarks may belong to either, so nothing may be counted or judged on them.
   * A frame with personCount > 1 and no lifterLock (an older producer) is treated as ambiguous.
   */
  lifterLock?: LifterLock;
  /**
   * The locked lifter's region in this frame's pixels (where the pose model looked), when
   * lifterLock is `locked`: for drawing, and so tests can see the lock follow the lifter.
   */
  lifterBox?: PixelBox;
}

export type LifterLock = 'locked' | 'ambiguous';

/** An axis-aligned box in image pixels. */
export interface PixelBox {
  x: number;
  y: number;
  width: number;
  height: number;
}
