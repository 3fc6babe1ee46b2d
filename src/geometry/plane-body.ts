/**
 * The sagittal-plane body every angle is measured on (docs/design.md#angles), built one way for the
 * analyser and for the angle evaluation (src/node/frame-angles.ts), so the evaluated errors are
 * those of the numbers the app uses.
 *
 * Trunk ends are the middle of the left/right pair, or the one joint seen when the other is not:
 * in a side view the far shoulder or hip is often hidden behind the body, and it projects almost
 * onto the near one (the pair is the plane's normal), so the seen joint is the better reading
 * than no trunk at all.
 */
import type { Side } from '../pose/types';
import type { JointName } from '../pose/keypoint-tables';
import type { Point2, Point3 } from '../pose/read-joint';
import { imageToPlane } from './image-to-plane';
import type { PlanePoint } from './plane-point';
import type { PlaneBody, PlaneLeg } from './sagittal-angles';
import { worldToPlane, type SagittalBasis } from './world-to-plane';

export type JointPoints<P> = Readonly<Record<JointName, P | null>>;

/** Middle of a left/right pair of plane points, or the one that is known. */
export function pairMid(a: PlanePoint | null, b: PlanePoint | null): PlanePoint | null {
  const okA = a !== null && Number.isFinite(a.f) && Number.isFinite(a.u);
  const okB = b !== null && Number.isFinite(b.f) && Number.isFinite(b.u);
  if (okA && okB) return { f: (a.f + b.f) / 2, u: (a.u + b.u) / 2 };
  if (okA) return a;
  return okB ? b : null;
}

/** Middle of a left/right pair of pixel points, or the one that is known. */
export function pairMid2(a: Point2 | null, b: Point2 | null): Point2 | null {
  if (a !== null && b !== null) return { x: (a.x + b.x) / 2, y: (a.y + b.y) / 2 };
  return a ?? b;
}

function bodyFrom(p: (name: JointName) => PlanePoint | null, withLegs: boolean): PlaneBody {
  const leg = (s: Side): PlaneLeg =>
    withLegs ? { hip: p(`${s}Hip`), knee: p(`${s}Knee`), ankle: p(`${s}Ankle`) } : { hip: null, knee: null, ankle: null };
  return {
    shoulderMid: pairMid(p('leftShoulder'), p('rightShoulder')),
    hipMid: pairMid(p('leftHip'), p('rightHip')),
    left: leg('left'),
    right: leg('right'),
  };
}

/**
 * 2D path: pixel joints into the plane. Torso lean is unsigned, so the trunk needs no facing;
 * the legs' angles do, so with `facing` null the legs are left unknown.
 */
export function imagePlaneBody(joints: JointPoints<Point2>, facing: Side | null): PlaneBody {
  const f: Side = facing ?? 'right';
  return bodyFrom((n) => imageToPlane(joints[n], f), facing !== null);
}

/** 3D path: world joints projected onto the sagittal plane given by `basis`. */
export function worldPlaneBody(joints: JointPoints<Point3>, basis: SagittalBasis): PlaneBody {
  return bodyFrom((n) => worldToPlane(joints[n], basis), true);
}
