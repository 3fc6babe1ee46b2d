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
// Foreshortening (leg pointing partly at the camera in an oblique view) shortens a segment to
// cos(66°) = 0.4 before the view check rejects the view; people's proportions vary by ±20 %,
// and a swapped knee sits 1.5–2 segments away.
const MIN_FRAC = 0.4;
const MAX_FRAC = 1.5;

function dist(a: Point2, b: Point2): number {
  return Math.hypot(a.x - b.x, a.y - b.y);
}

export interface LegCheck {
  /** The knee is implausible for this leg: treat as unknown. */
  dropKnee: boolean;
  /** The ankle is implausible for this leg's knee: treat as unknown. */
  dropAnkle: boolean;
}

// A knee within this share of a segment of the other leg's knee is a duplicate of it.
const DUPLICATE_FRAC = 0.25;

/**
 * Checks one leg: a knee a wrong thigh-length from the hip is dropped; a knee a wrong
 * shank-length from the ankle drops the knee when it duplicates the other leg's knee (the
 * detector put both knees on one leg), and the ankle otherwise (the ankle is the stray one).
 * Unknown inputs pass.
 */
export function checkLegSegments(
  hip: Point2 | null,
  knee: Point2 | null,
  ankle: Point2 | null,
  otherKnee: Point2 | null,
  trunkLengthPx: number | null,
): LegCheck {
  const none = { dropKnee: false, dropAnkle: false };
  if (knee === null || trunkLengthPx === null || !(trunkLengthPx > 0)) return none;
  const expected = SEGMENT_OF_TRUNK * trunkLengthPx;
  const ok = (d: number): boolean => d >= MIN_FRAC * expected && d <= MAX_FRAC * expected;
  if (hip !== null && !ok(dist(hip, knee))) return { dropKnee: true, dropAnkle: false };
  if (ankle !== null && !ok(dist(knee, ankle))) {
    const duplicate = otherKnee !== null && dist(knee, otherKnee) < DUPLICATE_FRAC * expected;
    return duplicate ? { dropKnee: true, dropAnkle: true } : { dropKnee: false, dropAnkle: true };
  }
  return none;
}
