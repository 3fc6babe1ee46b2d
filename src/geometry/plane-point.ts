/**
 * A point in the body's sagittal plane: `f` forward (the way the person faces), `u` up.
 * Both angle paths (image pixels and world landmarks) map into this frame, so every angle is
 * computed once, and left- and right-facing lifters read the same.
 */
export interface PlanePoint {
  f: number;
  u: number;
}

/** ref: numerical only: below this length (in the points' own units) two points coincide. */
export const COINCIDENT_EPS = 1e-9;

export function isFinitePlanePoint(p: PlanePoint | null | undefined): p is PlanePoint {
  return p !== null && p !== undefined && Number.isFinite(p.f) && Number.isFinite(p.u);
}

export function sub(a: PlanePoint, b: PlanePoint): PlanePoint {
  return { f: a.f - b.f, u: a.u - b.u };
}

export function midpoint(a: PlanePoint | null, b: PlanePoint | null): PlanePoint | null {
  if (!isFinitePlanePoint(a) || !isFinitePlanePoint(b)) return null;
  return { f: (a.f + b.f) / 2, u: (a.u + b.u) / 2 };
}

export function length(v: PlanePoint): number {
  return Math.hypot(v.f, v.u);
}
