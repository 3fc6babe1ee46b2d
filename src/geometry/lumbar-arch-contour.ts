/**
 * Lumbar arch from the back's edge (docs/angles.md#lumbar-arch): the angle between
 * the thoracic half and the lumbar half of the traced dorsal edge.
 *
 * The edge runs shoulder → hip. A least-squares line is fitted to each half (split at the middle
 * of the edge's end-to-end chord; the middle point belongs to both). The arch is the angle the
 * lumbar line turns away from the thoracic line, + when it turns towards the back (the edge is
 * concave: the lower back sags towards the belly and the buttock rises behind it, i.e. lordosis),
 * − when it turns towards the belly (a rounded back). A straight back reads 0. The value depends
 * only on the shape of the edge, so a mirrored picture with the facing swapped reads the same.
 */
import type { Point2 } from '../pose/read-joint';
import type { Side } from '../pose/types';

const RAD_TO_DEG = 180 / Math.PI;

// ref: two points fix a line; fewer than two per half and the half has no direction.
const MIN_POINTS_PER_HALF = 2;

/** Principal direction of `points` (total least squares), oriented along `along`; null when degenerate. */
function lineDirection(points: readonly Point2[], along: Point2): Point2 | null {
  const n = points.length;
  if (n < MIN_POINTS_PER_HALF) return null;
  let mx = 0;
  let my = 0;
  for (const p of points) {
    mx += p.x;
    my += p.y;
  }
  mx /= n;
  my /= n;
  let sxx = 0;
  let sxy = 0;
  let syy = 0;
  for (const p of points) {
    const dx = p.x - mx;
    const dy = p.y - my;
    sxx += dx * dx;
    sxy += dx * dy;
    syy += dy * dy;
  }
  if (!(sxx + syy > 1e-12)) return null;
  const theta = 0.5 * Math.atan2(2 * sxy, sxx - syy);
  let d: Point2 = { x: Math.cos(theta), y: Math.sin(theta) };
  if (d.x * along.x + d.y * along.y < 0) d = { x: -d.x, y: -d.y };
  return d;
}

/**
 * The two halves of `points` (shoulder → hip), split where their projection on the end-to-end
 * chord passes its middle; exported for the docs' diagram test and the synthetic check.
 */
export function contourHalves(points: readonly Point2[]): { thoracic: Point2[]; lumbar: Point2[]; chord: Point2 } | null {
  const first = points[0];
  const last = points[points.length - 1];
  if (first === undefined || last === undefined) return null;
  const chord = { x: last.x - first.x, y: last.y - first.y };
  const c2 = chord.x * chord.x + chord.y * chord.y;
  if (!(c2 > 1e-12)) return null;
  const thoracic: Point2[] = [];
  const lumbar: Point2[] = [];
  for (const p of points) {
    const s = ((p.x - first.x) * chord.x + (p.y - first.y) * chord.y) / c2;
    if (s <= 0.5) thoracic.push(p);
    if (s >= 0.5 - 1e-9) lumbar.push(p);
  }
  return { thoracic, lumbar, chord };
}

/**
 * Angle in degrees between the thoracic and lumbar halves of a back edge traced shoulder → hip
 * (image pixels) of a person facing `facing`; + = arched (concave back). Null with fewer than
 * two points in either half or a non-finite point.
 */
export function contourTurnDeg(points: readonly Point2[], facing: Side): number | null {
  if (points.length < 3) return null;
  for (const p of points) if (!Number.isFinite(p.x) || !Number.isFinite(p.y)) return null;
  const halves = contourHalves(points);
  if (halves === null) return null;
  const { thoracic, lumbar, chord } = halves;
  const upper = lineDirection(thoracic, chord);
  const lower = lineDirection(lumbar, chord);
  if (upper === null || lower === null) return null;
  const cross = upper.x * lower.y - upper.y * lower.x;
  const dot = upper.x * lower.x + upper.y * lower.y;
  const turn = Math.atan2(cross, dot) * RAD_TO_DEG;
  // Which way is "towards the back": the chord turned 90° away from the belly (back-contour.ts's
  // posteriorDirection). A turn from `upper` towards it has the sign of cross(upper, back).
  const s = facing === 'right' ? 1 : -1;
  const back = { x: -s * chord.y, y: s * chord.x };
  const towardsBack = upper.x * back.y - upper.y * back.x;
  return towardsBack >= 0 ? turn : -turn;
}
