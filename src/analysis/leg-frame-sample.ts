import type { AnglePath, Side } from './types';

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
  /** Mid-hip height in the image (−y, pixels), for the hips-stay-put check. */
  hipHeightPx: number | null;
  /** This leg's thigh length in the image, pixels (the scale for hip travel). */
  thighLengthPx: number | null;
  path: AnglePath;
  /** Evidence (rep-evidence-gate.ts): this leg's hip, knee and ankle seen in a usable view. */
  legSeen: boolean;
  /** A shoulder and a hip seen in a usable view. */
  trunkSeen: boolean;
  /** Several people in view and the lifter not told apart. */
  ambiguous: boolean;
  /**
   * The detector's own label on this (tracked) leg's knee: the other side when continuity moved
   * it here, null when no knee was read. Absent in samples made before it existed.
   */
  kneeLabel?: Side | null;
}
