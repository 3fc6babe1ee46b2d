import { isFinitePlanePoint, length, sub, type PlanePoint } from './plane-point';

/**
 * Lumbar-arch proxy (b) of docs/design.md#angles: rise in trunk extension since the reference (torso
 * lean at the start of the rep, or at setup before the first rep). + = more arched.
 * Measured at only 3–7° on real reps (docs/design.md#angles), so callers feed smoothed lean.
 */
export function trunkLeanArchDeg(referenceLeanDeg: number | null, leanDeg: number | null): number | null {
  if (referenceLeanDeg === null || leanDeg === null) return null;
  if (!Number.isFinite(referenceLeanDeg) || !Number.isFinite(leanDeg)) return null;
  return referenceLeanDeg - leanDeg;
}

const RAD_TO_DEG = 180 / Math.PI;

/**
 * Lumbar-arch measure (c) of docs/design.md#angles, the slot for a person-mask back contour: the central
 * angle of the circular arc through the contour's ends and its point farthest from the chord,
 * 4·atan(2·sagitta / chord). + when the contour bows anterior (towards the belly), which is how a
 * lordotic lower back looks from the side. Points run shoulder → hip; `anterior` is the unit
 * direction the belly faces (trunk direction rotated 90° towards the front).
 */
export function contourArcDeg(points: readonly PlanePoint[], anterior: PlanePoint): number | null {
  if (points.length < 3 || !isFinitePlanePoint(anterior) || !(length(anterior) > 0)) return null;
  const first = points[0];
  const last = points[points.length - 1];
  if (!isFinitePlanePoint(first) || !isFinitePlanePoint(last)) return null;
  const chord = sub(last, first);
  const c = length(chord);
  if (!(c > 1e-9)) return null;
  // Unit normal of the chord, oriented anterior.
  let n: PlanePoint = { f: -chord.u / c, u: chord.f / c };
  if (n.f * anterior.f + n.u * anterior.u < 0) n = { f: -n.f, u: -n.u };
  let sagitta = 0;
  for (const p of points) {
    if (!isFinitePlanePoint(p)) return null;
    const d = (p.f - first.f) * n.f + (p.u - first.u) * n.u;
    if (Math.abs(d) > Math.abs(sagitta)) sagitta = d;
  }
  return 4 * Math.atan((2 * sagitta) / c) * RAD_TO_DEG;
}
