/**
 * What a finished set keeps besides its reps (docs/design.md#after-the-set, plots and replay): a downsampled angle series
 * for the summary plots, and the smoothed landmarks (never video) for the replay. Both stay in
 * this browser's IndexedDB; only the angle series goes into the full JSON export.
 *
 * Columnar (one array per channel, all as long as `tMs`): a set of a few minutes at 15 Hz is a
 * few thousand numbers per channel, which IndexedDB stores and structured-clones cheaply.
 */
import type { Side } from '../analysis/types';

export const SET_SERIES_VERSION = 1;
export const SET_LANDMARKS_VERSION = 1;

/** Angle channels a set series may hold (names as in analysis `Angles`). */
export const SERIES_ANGLES = ['hipExtensionDeg', 'thighElevationDeg', 'kneeFlexionDeg', 'torsoLeanDeg', 'lumbarArchDeg'] as const;
export type SeriesAngle = (typeof SERIES_ANGLES)[number];

// ref: docs/storage.md "Sizes": 15 Hz over a 20-minute set; a longer series is downsampled by the
// writer, and a file or call with more is refused rather than stored.
export const SERIES_MAX_SAMPLES = 18_000;
// ref: docs/storage.md "Sizes": BlazePose has 33 landmarks, the most of any detector here.
export const LANDMARKS_MAX_POINTS = 33;
// ref: as SERIES_MAX_SAMPLES.
export const LANDMARKS_MAX_FRAMES = 18_000;
// ref: docs/storage.md "Sizes": at most one cue a second over the same 20 minutes.
export const CUES_MAX = 1_200;

/** The set's angles over time, downsampled (plots). */
export interface SetSeries {
  version: typeof SET_SERIES_VERSION;
  /** Frame time of each sample, ms, ascending (the clock of RepMetrics.startMs). */
  tMs: number[];
  /** One array per angle the writer kept, each as long as `tMs`; null where not measurable. */
  angles: Partial<Record<SeriesAngle, (number | null)[]>>;
  /** The working leg at each sample (null before one is known); optional, as long as `tMs`. */
  leg?: (Side | null)[];
}

/** One replay frame: the smoothed landmarks, flat [x, y, visibility] per landmark, image pixels. */
export interface LandmarkFrame {
  tMs: number;
  points: number[];
}

/** A cue as it was shown during the set. */
export interface ShownCue {
  tMs: number;
  text: string;
  /** RuleId, or 'positive'. */
  ruleId: string;
}

/** The set's smoothed landmarks and shown cues (replay). Never exported: landmarks stay on the device. */
export interface SetLandmarks {
  version: typeof SET_LANDMARKS_VERSION;
  /** 'blazepose' | 'movenet' (pose KeypointSet): which skeleton edges to draw. */
  keypointSet: string;
  imageWidth: number;
  imageHeight: number;
  /** Whether the picture was mirrored on screen when recorded. */
  mirrored?: boolean;
  frames: LandmarkFrame[];
  cues: ShownCue[];
}

/** Throws a RangeError naming the first problem (a writer bug, caught before it is stored). */
export function checkSetSeries(series: SetSeries): void {
  const n = series.tMs.length;
  if (n > SERIES_MAX_SAMPLES) throw new RangeError(`series: expected at most ${SERIES_MAX_SAMPLES} samples, got ${n}`);
  for (const [name, column] of Object.entries(series.angles)) {
    if (!(SERIES_ANGLES as readonly string[]).includes(name)) throw new RangeError(`series: unknown angle "${name}"`);
    if (column.length !== n) throw new RangeError(`series.angles.${name}: expected ${n} values (one per tMs), got ${column.length}`);
  }
  if (series.leg && series.leg.length !== n) throw new RangeError(`series.leg: expected ${n} values, got ${series.leg.length}`);
  for (let i = 1; i < n; i += 1) {
    if (!(series.tMs[i]! >= series.tMs[i - 1]!)) throw new RangeError(`series.tMs: expected ascending times, got ${series.tMs[i - 1]} then ${series.tMs[i]} at ${i}`);
  }
}

export function checkSetLandmarks(landmarks: SetLandmarks): void {
  if (landmarks.frames.length > LANDMARKS_MAX_FRAMES) throw new RangeError(`landmarks: expected at most ${LANDMARKS_MAX_FRAMES} frames, got ${landmarks.frames.length}`);
  if (landmarks.cues.length > CUES_MAX) throw new RangeError(`landmarks.cues: expected at most ${CUES_MAX}, got ${landmarks.cues.length}`);
  for (const [i, f] of landmarks.frames.entries()) {
    if (f.points.length % 3 !== 0 || f.points.length > LANDMARKS_MAX_POINTS * 3) {
      throw new RangeError(`landmarks.frames[${i}].points: expected x, y, visibility triplets for at most ${LANDMARKS_MAX_POINTS} landmarks, got ${f.points.length} numbers`);
    }
  }
}
