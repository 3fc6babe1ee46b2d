/**
 * Anatomical plausibility: a knee must sit about a shank from its own ankle and a thigh from its
 * own hip. MoveNet sometimes labels both knees on the kicking leg (cable_kickback_cgi_kinkatsu,
 * cable_kickback_cgi_dosipov): the standing leg's "knee" then floats a leg-length from its
 * ankle, and it is better unknown than wrong. Segment lengths scale with trunk length, which
 * a side view shows at full length.
 */
import type { Point2 } from '../pose/read-joint';

// ref: Drillis & Contini 1966 segment proportions (of body height): trunk (hip to shoulder)
// ~0.30, thigh ~0.245, shank ~0.246, so thigh ≈ shank ≈ 0.8 trunk.
const SEGMENT_OF_TRUNK = 0.8;
// ref: docs/design.md#visibility-gate "over 10° off-axis" views are accepted up to ~55° (view-classifier.ts).
// Against the trunk only gross errors count: a bent-over trunk seen obliquely shrinks to about
// half in the image (cos 55° × the lean's projection) while a hanging thigh keeps its length.
const MIN_OF_TRUNK_FRAC = 0.25;
const MAX_OF_TRUNK_FRAC = 2.5;
// ref: Drillis & Contini 1966 (thigh ≈ shank): thigh and shank lie in the same (sagittal) plane and foreshorten alike, so their ratio is a
// tight check: ~1 ± proportions (±20 %) ± a leg pointing partly at the camera.
const MIN_SHANK_OF_THIGH = 0.45;
const MAX_SHANK_OF_THIGH = 2.2;

function dist(a: Point2, b: Point2): number {
  return Math.hypot(a.x - b.x, a.y - b.y);
}

export interface LegCheck {
  /** The knee is implausible for this leg: treat as unknown. */
  dropKnee: boolean;
  /** The ankle is implausible for this leg's knee: treat as unknown. */
  dropAnkle: boolean;
}

// ref: leg-identity-tracker.ts COLLAPSE_FRAC: a knee within this share of a thigh of the other
// leg's knee is a duplicate of it.
const DUPLICATE_FRAC = 0.25;

/**
 * Checks one leg: a knee grossly the wrong distance from the hip (for the trunk's size) is
 * dropped; a shank out of proportion with the thigh drops the knee when it duplicates the other
 * leg's knee (the detector put both knees on one leg), and the ankle otherwise (the ankle is the
 * stray one). Unknown inputs pass.
 */
export function checkLegSegments(
  hip: Point2 | null,
  knee: Point2 | null,
  ankle: Point2 | null,
  otherKnee: Point2 | null,
  trunkLengthPx: number | null,
): LegCheck {
  const none = { dropKnee: false, dropAnkle: false };
  if (knee === null) return none;
  const expected = trunkLengthPx !== null && trunkLengthPx > 0 ? SEGMENT_OF_TRUNK * trunkLengthPx : null;
  const thigh = hip === null ? null : dist(hip, knee);
  if (thigh !== null && expected !== null && (thigh < MIN_OF_TRUNK_FRAC * expected || thigh > MAX_OF_TRUNK_FRAC * expected)) {
    return { dropKnee: true, dropAnkle: false };
  }
  if (ankle === null || thigh === null || !(thigh > 0)) return none;
  const ratio = dist(knee, ankle) / thigh;
  if (ratio >= MIN_SHANK_OF_THIGH && ratio <= MAX_SHANK_OF_THIGH) return none;
  const duplicate = otherKnee !== null && dist(knee, otherKnee) < DUPLICATE_FRAC * thigh;
  return duplicate ? { dropKnee: true, dropAnkle: true } : { dropKnee: false, dropAnkle: true };
}
