/**
 * The detector adapter shared by the browser pose worker and the Node analyser: loads a
 * pose-detection model from wherever `modelSource` says and turns each estimate into a PoseFrame.
 *
 * Registering and selecting a tfjs backend is the caller's job (the worker tries
 * webgpu/webgl/wasm; Node uses wasm), so this file imports no backend package.
 * No DOM types are named here: it compiles under the worker tsconfig.
 */
import type * as tf from '@tensorflow/tfjs-core';
import type { io } from '@tensorflow/tfjs-core';
import * as poseDetection from '@tensorflow-models/pose-detection';
import type { PersonMask } from '../src/geometry/back-contour';
import { DETECTOR_IDS, detectorEntry, isDetectorId, type DetectorEntry, type DetectorFamily } from '../src/pose/detector-registry';
import type { DetectorId, KeypointSet, PoseFrame } from '../src/pose/types';
import { toPoseFrame, type ImageSize } from './to-pose-frame';

/** Resolves a model file name ('blazepose-full.json') to a URL (browser) or an IOHandler (Node). */
export type ModelSource = (fileName: string) => string | io.IOHandler;

/** What estimate() accepts: a decoded RGB tensor [height, width, 3] or a worker-side image. */
export type PoseDetectorInput = tf.Tensor3D | ImageBitmap | ImageData;

export interface EstimatorOptions {
  /** pose-detection's temporal filter; only works because estimate() always passes a timestamp. */
  enableSmoothing: boolean;
  /** Mirror the landmarks horizontally (for a mirrored selfie view). */
  flipHorizontal: boolean;
  /**
   * BlazePose only: the person segmentation mask (the landmark model's `activation_segmentation`
   * output, models/README.md) may be asked for, per frame, with estimate(…, { mask: true }) and
   * read with takeMask(). A frame that does not ask costs nothing more. MoveNet has no mask.
   */
  enableSegmentation: boolean;
}

export const DEFAULT_ESTIMATOR_OPTIONS: EstimatorOptions = {
  enableSmoothing: true,
  flipHorizontal: false,
  enableSegmentation: true,
};

/** What one estimate() call asks for beyond the landmarks. */
export interface EstimateRequest {
  /** Compute the person mask for this frame (see EstimatorOptions.enableSegmentation). */
  mask?: boolean;
}

export interface PoseEstimator {
  readonly detector: DetectorId;
  readonly keypointSet: KeypointSet;
  /**
   * Estimates one frame. `timestampMs` must be finite; if it does not increase over the previous
   * call the source has restarted (a looped or re-seeked video), so the smoothing state is reset
   * first rather than fed a negative time step. The caller keeps ownership of `input`.
   */
  estimate(input: PoseDetectorInput, timestampMs: number, request?: EstimateRequest): Promise<PoseFrame>;
  /** Whether estimate(…, { mask: true }) can give a mask (BlazePose with enableSegmentation). */
  readonly segments?: boolean;
  /**
   * The person mask of the last estimate() that asked for one (in that input's pixels, 0..1 per
   * pixel), handed over once: a second call returns null. Null when not asked, without
   * `enableSegmentation`, for MoveNet, or when no person was found.
   */
  takeMask?(): PersonMask | null;
  /** Forgets tracking and smoothing state (new clip, new set). */
  reset(): void;
  dispose(): void;
}

interface DetectorSpec {
  keypointSet: KeypointSet;
  /**
   * pose-detection 2.1.x BlazePose tfjs with smoothing returns keypoint z multiplied by the image
   * width: its keypointsToNormalizedKeypoints divides the input's z instead of the copy's, so z
   * is scaled up once more on the way out. Dividing by the width restores the documented
   * "z in x's scale" (checked against the library's golden z in tests/golden).
   */
  smoothedZScaledByWidth: boolean;
  /** The model can return a person segmentation mask. */
  segments: boolean;
  create(modelSource: ModelSource, options: EstimatorOptions): Promise<poseDetection.PoseDetector>;
}

// Enum values written as strings: pose-detection's Node entry is CommonJS, and its re-exported
// enums are not reliably visible as named ESM exports there; the string values are its API.
const BLAZEPOSE = 'BlazePose' as poseDetection.SupportedModels;
const MOVENET = 'MoveNet' as poseDetection.SupportedModels;
const MOVENET_MODEL_TYPE = {
  lightning: 'SinglePose.Lightning',
  thunder: 'SinglePose.Thunder',
} as const;

type EntryOf<F extends DetectorFamily> = Extract<DetectorEntry, { family: F }>;

function blazePose(entry: EntryOf<'blazepose'>): DetectorSpec {
  return {
    keypointSet: entry.keypointSet,
    smoothedZScaledByWidth: true,
    segments: entry.segmentation,
    create: (modelSource, options) =>
      poseDetection.createDetector(BLAZEPOSE, {
        runtime: 'tfjs',
        modelType: entry.modelType,
        enableSmoothing: options.enableSmoothing,
        // Off at creation and switched per frame (setSegmentation), so frames that do not ask
        // for a mask cost what they did before.
        enableSegmentation: false,
        // The library's mask smoothing blends each mask with the previous frame's in image
        // space: with the leg and trunk moving between frames at live rates (5-10 fps) that
        // smears the back's edge, so every mask stands alone (and masks may skip frames).
        smoothSegmentation: false,
        detectorModelUrl: modelSource(`${entry.models.detector}.json`),
        landmarkModelUrl: modelSource(`${entry.models.landmark}.json`),
      } satisfies poseDetection.BlazePoseTfjsModelConfig),
  };
}

function moveNet(entry: EntryOf<'movenet'>): DetectorSpec {
  return {
    keypointSet: entry.keypointSet,
    smoothedZScaledByWidth: false,
    segments: false,
    create: (modelSource, options) =>
      poseDetection.createDetector(MOVENET, {
        modelType: MOVENET_MODEL_TYPE[entry.modelType],
        enableSmoothing: options.enableSmoothing,
        modelUrl: modelSource(`${entry.models.pose}.json`),
      } satisfies poseDetection.MoveNetModelConfig),
  };
}

/** One adapter per model family; the registry entry says which, and with which files. */
function specOf(entry: DetectorEntry): DetectorSpec {
  switch (entry.family) {
    case 'blazepose':
      return blazePose(entry);
    case 'movenet':
      return moveNet(entry);
  }
}

export { DETECTOR_IDS, isDetectorId };

/** Width and height in pixels of any input estimate() accepts. */
export function imageSizeOf(input: PoseDetectorInput): ImageSize {
  if ('shape' in input) {
    const [height, width] = input.shape;
    return { width, height };
  }
  return { width: input.width, height: input.height };
}

/**
 * pose-detection's BlazePose tfjs mask is an RGBA tensor [height, width, 4] (the mask value
 * copied into R and A) that the caller owns; keep channel 0 as plain numbers and free it.
 */
async function readMask(mask: NonNullable<poseDetection.Pose['segmentation']>['mask']): Promise<PersonMask | null> {
  const rgba = (await mask.toTensor()) as tf.Tensor3D;
  try {
    const [height, width, channels] = rgba.shape;
    if (!(height > 0 && width > 0 && channels >= 1)) return null;
    const all = await rgba.data();
    const data = new Float32Array(width * height);
    for (let i = 0; i < data.length; i += 1) data[i] = all[i * channels] ?? 0;
    return { data, width, height };
  } finally {
    rgba.dispose();
  }
}

/**
 * pose-detection 2.1.x reads its BlazePose tfjs detector's `enableSegmentation` field on every
 * estimatePoses() call (it adds `activation_segmentation` to the outputs asked of the graph, and
 * with smoothSegmentation off keeps no mask state between frames), so switching the field
 * switches the mask per frame. Returns false when the field is not there (another runtime or a
 * library version that no longer has it): then no mask is ever asked for.
 */
function setSegmentation(model: poseDetection.PoseDetector, on: boolean): boolean {
  const fields = model as unknown as { enableSegmentation?: unknown };
  if (typeof fields.enableSegmentation !== 'boolean') return false;
  fields.enableSegmentation = on;
  return true;
}

/** The backend must already be set (tf.setBackend + tf.ready) by the caller. */
export async function createPoseEstimator(
  detector: DetectorId,
  modelSource: ModelSource,
  options: Partial<EstimatorOptions> = {},
): Promise<PoseEstimator> {
  if (!isDetectorId(detector)) {
    throw new Error(`expected a detector id (${DETECTOR_IDS.join(', ')}), got ${String(detector)}`);
  }
  const opts: EstimatorOptions = { ...DEFAULT_ESTIMATOR_OPTIONS, ...options };
  const spec = specOf(detectorEntry(detector));
  const model = await spec.create(modelSource, opts);
  let lastTimestampMs = Number.NEGATIVE_INFINITY;
  let lastMask: PersonMask | null = null;
  const segments = spec.segments && opts.enableSegmentation && setSegmentation(model, false);

  return {
    detector,
    keypointSet: spec.keypointSet,
    segments,
    async estimate(input, timestampMs, request = {}) {
      if (!Number.isFinite(timestampMs)) throw new Error(`expected a finite timestampMs, got ${timestampMs}`);
      if (timestampMs <= lastTimestampMs) model.reset();
      lastTimestampMs = timestampMs;
      const image = imageSizeOf(input);
      // Wall time around the whole call: it returns plain arrays, so the GPU/wasm work has
      // finished by then and the figure is what a frame really costs.
      const startedMs = performance.now();
      const wantMask = segments && request.mask === true;
      if (segments) setSegmentation(model, wantMask);
      lastMask = null;
      // pose-detection's input type names DOM elements; the three kinds passed here are among them.
      const poses = await model.estimatePoses(
        input as poseDetection.PoseDetectorInput,
        { maxPoses: 1, flipHorizontal: opts.flipHorizontal },
        timestampMs,
      );
      const pose = poses[0];
      // The mask is not mirrored with flipHorizontal: only unmirrored landmarks match it.
      if (pose?.segmentation) {
        const mask = wantMask && !opts.flipHorizontal ? await readMask(pose.segmentation.mask) : null;
        if (mask === null) ((await pose.segmentation.mask.toTensor()) as tf.Tensor).dispose();
        lastMask = mask;
      }
      const inferenceMs = performance.now() - startedMs;
      if (pose && spec.smoothedZScaledByWidth && opts.enableSmoothing) {
        for (const keypoint of pose.keypoints) if (keypoint.z !== undefined) keypoint.z /= image.width;
      }
      return toPoseFrame({ pose, image, timestampMs, inferenceMs, keypointSet: spec.keypointSet });
    },
    takeMask() {
      const mask = lastMask;
      lastMask = null;
      return mask;
    },
    reset() {
      model.reset();
      lastTimestampMs = Number.NEGATIVE_INFINITY;
    },
    dispose() {
      model.dispose();
    },
  };
}
