/**
 * How big the lifter is in the picture: trunk + thigh + shin in pixels (the longer leg), over
 * the picture's longer side, because the detectors letterbox the picture into a square input.
 */
import { pairMid2 } from '../geometry/plane-body';
import type { Point2 } from '../pose/read-joint';
import type { JointMap } from './smooth-joints';

const dist = (a: Point2 | null, b: Point2 | null): number | null => (a === null || b === null ? null : Math.hypot(a.x - b.x, a.y - b.y));

export function bodyLengthFrac(joints: JointMap<Point2>, imageWidth: number, imageHeight: number): number | null {
  const trunk = dist(pairMid2(joints.leftShoulder, joints.rightShoulder), pairMid2(joints.leftHip, joints.rightHip));
  const leg = (s: 'left' | 'right'): number | null => {
    const thigh = dist(joints[`${s}Hip`], joints[`${s}Knee`]);
    const shin = dist(joints[`${s}Knee`], joints[`${s}Ankle`]);
    return thigh === null || shin === null ? null : thigh + shin;
  };
  const l = leg('left');
  const r = leg('right');
  const legs = l === null ? r : r === null ? l : Math.max(l, r);
  const side = Math.max(imageWidth, imageHeight);
  if (trunk === null || legs === null || !(side > 0)) return null;
  return (trunk + legs) / side;
}
