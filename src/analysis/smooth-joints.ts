/**
 * One Euro smoothing of the gated joints, pixels and world points apart (docs/design.md#angles). Eyes,
 * elbows and wrists feed no angle: they are smoothed only when the landmarks are drawn.
 */
import { JOINT_NAMES, jointRecord, type JointName } from '../pose/keypoint-tables';
import type { AllJoints, Point2, Point3 } from '../pose/read-joint';
import { LandmarkSmoother } from '../signal/landmark-smoother';
import type { OneEuroOptions } from '../signal/one-euro-filter';

export type JointMap<P> = Record<JointName, P | null>;

const ANALYSED_JOINTS: ReadonlySet<JointName> = new Set<JointName>(JOINT_NAMES.filter((n) => !/Eye|Elbow|Wrist/.test(n)));

export interface SmoothedJoints {
  pixel: JointMap<Point2>;
  world: JointMap<Point3>;
}

export class JointSmoothing {
  private pixel: LandmarkSmoother;
  private world: LandmarkSmoother;

  constructor(
    private readonly filterOptions: Partial<OneEuroOptions>,
    private readonly enabled: boolean,
    private readonly keepDrawnJoints: boolean,
  ) {
    this.pixel = new LandmarkSmoother(filterOptions);
    this.world = new LandmarkSmoother(filterOptions);
  }

  reset(): void {
    this.pixel = new LandmarkSmoother(this.filterOptions);
    this.world = new LandmarkSmoother(this.filterOptions);
  }

  apply(joints: AllJoints, timestampMs: number, imageHeight: number): SmoothedJoints {
    const list2d = JOINT_NAMES.map((n) => (this.keepDrawnJoints || ANALYSED_JOINTS.has(n) ? joints.pixel[n] : null));
    const list3d = JOINT_NAMES.map((n) => (ANALYSED_JOINTS.has(n) ? joints.world[n] : null));
    const sm2d = this.enabled ? this.pixel.apply(list2d, timestampMs, imageHeight) : list2d;
    const sm3d = this.enabled ? this.world.apply(list3d, timestampMs, 1) : list3d;
    const pixel = jointRecord<Point2 | null>(null);
    const world = jointRecord<Point3 | null>(null);
    JOINT_NAMES.forEach((n, i) => {
      pixel[n] = sm2d[i] ?? null;
      world[n] = sm3d[i] ?? null;
    });
    return { pixel, world };
  }
}
