/**
 * The view (side / oblique / front, from how far the hip axis or the body widths are off a pure
 * side view) and which way the lifter faces, both smoothed over a second (docs/design.md#facing-and-working-leg).
 */
import { facingScore } from '../geometry/facing-score';
import { hipAxisOffSideDeg } from '../geometry/hip-axis-off-side';
import { pairMid2 } from '../geometry/plane-body';
import type { Point2 } from '../pose/read-joint';
import { bodyWidthRatio, offSideDegFromWidthRatio } from '../geometry/body-width-ratio';
import { FacingTracker } from './facing-tracker';
import type { SmoothedJoints } from './smooth-joints';
import type { Side, ViewKind } from './types';
import { ViewClassifier } from './view-classifier';

export interface ViewAndFacing {
  viewKind: ViewKind | null;
  facing: Side | null;
  shoulderMid2d: Point2 | null;
  hipMid2d: Point2 | null;
}

export class ViewAndFacingStep {
  private view = new ViewClassifier();
  private facing = new FacingTracker();

  get currentFacing(): Side | null {
    return this.facing.current;
  }

  reset(): void {
    this.view = new ViewClassifier();
    this.facing = new FacingTracker();
  }

  /** A frame without a person: both trackers age their readings. */
  nothingSeen(t: number): void {
    this.view.update(t, null);
    this.facing.update(t, null);
  }

  update(t: number, joints: SmoothedJoints): ViewAndFacing {
    const j2 = joints.pixel;
    const j3 = joints.world;
    const offSide =
      hipAxisOffSideDeg(j3.leftHip, j3.rightHip) ??
      offSideDegFromWidthRatio(bodyWidthRatio(j2.leftShoulder, j2.rightShoulder, j2.leftHip, j2.rightHip));
    const viewKind = this.view.update(t, offSide);
    const shoulderMid2d = pairMid2(j2.leftShoulder, j2.rightShoulder);
    const hipMid2d = pairMid2(j2.leftHip, j2.rightHip);
    const score = facingScore({
      nose: j2.nose,
      leftEar: j2.leftEar,
      rightEar: j2.rightEar,
      shoulderMid: shoulderMid2d,
      hipMid: hipMid2d,
      heels: [j2.leftHeel, j2.rightHeel],
      toes: [j2.leftFootIndex, j2.rightFootIndex],
    });
    return { viewKind, facing: this.facing.update(t, score), shoulderMid2d, hipMid2d };
  }
}
