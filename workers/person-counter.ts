/**
 * A cheap person counter: MoveNet MultiPose Lightning (up to 6 people per image) run now and
 * then beside the single-person detector, whose models (BlazePose, MoveNet SinglePose) silently
 * pick one person when two are in view. Shared by the browser pose worker and Node.
 *
 * Registering and selecting a tfjs backend is the caller's job, as for workers/detector.ts.
 * No DOM types are named here: it compiles under the worker tsconfig.
 */
import * as poseDetection from '@tensorflow-models/pose-detection';
import type { SeenPerson } from '../src/pose/lifter-person';
import { boxOfPoints } from '../src/pose/pixel-box';
import type { ModelSource, PoseDetectorInput } from './detector';

/** The model file the counter asks its ModelSource for (copied by scripts/copy-models.mjs). */
export const PERSON_COUNTER_MODEL_FILE = 'movenet-multipose.json';

/** MoveNet MultiPose returns at most this many people (its output is [1, 6, 56]). */
export const MAX_PEOPLE = 6;

/** MoveNet's 17 COCO keypoints. */
const KEYPOINT_COUNT = 17;

export interface PersonCounterOptions {
  /** A detection counts only if its pose (instance) score is at least this, 0..1. */
  minPoseScore: number;
  /** A keypoint is "seen" when its score is at least this, 0..1. */
  minKeypointScore: number;
  /** …and a detection counts only if at least this many of its 17 keypoints are seen. */
  minKeypoints: number;
  /**
   * Longest side of the image the model sees, pixels, a multiple of 32 (pose-detection resizes
   * and pads to it). Higher finds smaller people and costs more.
   */
  maxDimension: number;
}

export const DEFAULT_PERSON_COUNTER_OPTIONS: PersonCounterOptions = {
  // ref: pose-detection 2.1.3 src/movenet/constants.ts DEFAULT_MIN_POSE_SCORE = 0.25 is the
  // library's own cut for MultiPose instances; tuned up on the fixtures (Node, wasm, 256 px;
  // tests/detector/person-counter.test.ts). Clearly visible people score 0.31-0.54 on COCO
  // 000000040083 / 000000196141 / 000000197388 (the second person of each: 0.42, 0.38, 0.46)
  // and 0.49 / 0.65 in the two-clip test still. Over 808 frames (every third) of nine
  // single-person clips the only second instance above 0.15 is a gym mirror's partly hidden
  // reflection of the lifter in other/squat_side_rohanx01.mp4, at most 0.268 (frame 522; its
  // two stretches checked frame by frame): 0.25 would count it as a second person on 12
  // frames, 0.3 never.
  minPoseScore: 0.3,
  // ref: pose-detection's live demo draws MoveNet keypoints at score >= 0.3
  // (demos/live_video/src/params.js MOVENET_CONFIG.scoreThreshold) and its keypoint tracker
  // treats a keypoint as present at 0.3 (constants.ts DEFAULT_KEYPOINT_TRACKER_CONFIG
  // keypointConfidenceThreshold).
  minKeypointScore: 0.3,
  // ref: the same tracker needs minNumberOfKeypoints = 4 to compare two people; 6 asks for a
  // bit more than a face (5 keypoints) so a head poking into the frame is not a person, while
  // someone half out of the frame (upper body: 11 keypoints) still is. Measured: every person
  // scoring >= 0.3 on the fixtures has >= 9 keypoints at 0.3 (most 13-17); the low-score
  // fragments pose-detection returns beside the one person on COCO 000000000785 have <= 5.
  minKeypoints: 6,
  // ref: pose-detection MOVENET_MULTIPOSE_DEFAULT_MAX_DIMENSION = 256 (its MoveNetModelConfig
  // doc recommends 128..512); a 640x480 camera frame is seen at 256x192.
  maxDimension: 256,
};

export interface PersonCounter {
  /**
   * Number of people in `input` (0..6). Made to tell one person from two: a lone lifter in an
   * awkward pose can score under minPoseScore and read 0, so 0 does not mean "nobody" (the
   * pose detector decides that). `timestampMs` must be finite; tracking and smoothing
   * are off, so each call stands alone. The caller keeps ownership of `input`.
   */
  count(input: PoseDetectorInput, timestampMs: number): Promise<number>;
  /**
   * The people `count` counts, with their 17 COCO keypoints in `input`'s pixels and the box
   * of their seen keypoints (the lifter lock chooses among them). Same contract as `count`.
   */
  find(input: PoseDetectorInput, timestampMs: number): Promise<SeenPerson[]>;
  dispose(): void;
}

/** What countPeople needs of one detection (pose-detection's Pose has more). */
export interface ScoredPose {
  score?: number;
  keypoints: readonly { score?: number }[];
}

/** What findPeople needs of one detection: countPeople's fields plus pixel positions. */
export interface LocatedPose extends ScoredPose {
  keypoints: readonly { x: number; y: number; score?: number }[];
}

function checkUnitInterval(name: string, value: number): void {
  if (!(Number.isFinite(value) && value >= 0 && value <= 1)) {
    throw new Error(`expected ${name} between 0 and 1, got ${value}`);
  }
}

/** Throws "expected …, got …" on the first invalid option; returns the merged copy. */
export function resolvePersonCounterOptions(options: Partial<PersonCounterOptions> = {}): PersonCounterOptions {
  const opts: PersonCounterOptions = { ...DEFAULT_PERSON_COUNTER_OPTIONS, ...options };
  checkUnitInterval('minPoseScore', opts.minPoseScore);
  checkUnitInterval('minKeypointScore', opts.minKeypointScore);
  if (!(Number.isInteger(opts.minKeypoints) && opts.minKeypoints >= 1 && opts.minKeypoints <= KEYPOINT_COUNT)) {
    throw new Error(`expected minKeypoints an integer from 1 to ${KEYPOINT_COUNT}, got ${opts.minKeypoints}`);
  }
  if (!(Number.isInteger(opts.maxDimension) && opts.maxDimension >= 32 && opts.maxDimension % 32 === 0)) {
    throw new Error(`expected maxDimension a positive multiple of 32, got ${opts.maxDimension}`);
  }
  return opts;
}

/** True when `pose` passes both gates of `options`: the one definition of "a person". */
function isPerson(pose: ScoredPose, options: PersonCounterOptions): boolean {
  if ((pose.score ?? 0) < options.minPoseScore) return false;
  let seen = 0;
  for (const keypoint of pose.keypoints) if ((keypoint.score ?? 0) >= options.minKeypointScore) seen++;
  return seen >= options.minKeypoints;
}

/** People among `poses` that pass both gates of `options` (pure; the counter's decision). */
export function countPeople(poses: readonly ScoredPose[], options: PersonCounterOptions): number {
  let people = 0;
  for (const pose of poses) if (isPerson(pose, options)) people++;
  return people;
}

/**
 * The people countPeople counts, in the same order, each with its keypoints and the box of
 * the keypoints seen at minKeypointScore (pure).
 */
export function findPeople(poses: readonly LocatedPose[], options: PersonCounterOptions): SeenPerson[] {
  const people: SeenPerson[] = [];
  for (const pose of poses) {
    if (!isPerson(pose, options)) continue;
    const keypoints = pose.keypoints.map((k) => ({ x: k.x, y: k.y, score: k.score ?? 0 }));
    const box = boxOfPoints(keypoints, options.minKeypointScore);
    // isPerson saw at least minKeypoints (>= 1) keypoints, so the box exists.
    if (box) people.push({ score: pose.score ?? 0, keypoints, box });
  }
  return people;
}

// Enum values written as strings, as in workers/detector.ts: pose-detection's Node entry is
// CommonJS and its re-exported enums are not reliably visible as named ESM exports there.
const MOVENET = 'MoveNet' as poseDetection.SupportedModels;
const MULTIPOSE_LIGHTNING = 'MultiPose.Lightning';

/** The backend must already be set (tf.setBackend + tf.ready) by the caller. */
export async function createPersonCounter(
  modelSource: ModelSource,
  options: Partial<PersonCounterOptions> = {},
): Promise<PersonCounter> {
  const opts = resolvePersonCounterOptions(options);
  const model = await poseDetection.createDetector(MOVENET, {
    modelType: MULTIPOSE_LIGHTNING,
    modelUrl: modelSource(PERSON_COUNTER_MODEL_FILE),
    enableTracking: false,
    enableSmoothing: false,
    // pose-detection ignores a falsy minPoseScore (0 becomes its default 0.25), and countPeople
    // applies the real gate anyway: let the library pass everything down to 0.01.
    minPoseScore: Math.max(0.01, Math.min(opts.minPoseScore, 0.99)),
    multiPoseMaxDimension: opts.maxDimension,
  } satisfies poseDetection.MoveNetModelConfig);

  async function find(input: PoseDetectorInput, timestampMs: number): Promise<SeenPerson[]> {
    if (!Number.isFinite(timestampMs)) throw new Error(`expected a finite timestampMs, got ${timestampMs}`);
    // pose-detection's input type names DOM elements; the three kinds passed here are among them.
    const poses = await model.estimatePoses(input as poseDetection.PoseDetectorInput, { maxPoses: MAX_PEOPLE }, timestampMs);
    return findPeople(poses, opts);
  }

  return {
    async count(input, timestampMs) {
      return (await find(input, timestampMs)).length;
    },
    find,
    dispose() {
      model.dispose();
    },
  };
}
