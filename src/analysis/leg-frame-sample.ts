import type { AnglePath } from './types';

/** What the analyser remembers of each processed frame for one leg (input to rep metrics). */
export interface LegFrameSample {
  t: number;
  thighDeg: number | null;
  hipExtensionDeg: number | null;
  kneeFlexionDeg: number | null;
  torsoLeanDeg: number | null;
  lumbarArchDeg: number | null;
  pelvisTiltDeg: number | null;
  /** The other leg's thigh elevation, for the bilateral check. */
  otherThighDeg: number | null;
  path: AnglePath;
}
