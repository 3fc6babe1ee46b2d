/**
 * The lifter's lane: the widest picture region around the lifter that holds nobody else.
 * A box margin sized from the lifter at one moment cannot know how far their kick will reach: a
 * bent-over lifter's box is short (the trunk is near horizontal), yet the kicking foot swings a
 * whole leg behind the hip, past any margin taken from that box (the kicking foot of
 * cable_kickback_real_side_curvelog beside its mirror fell outside such a crop at every peak).
 * So the crop reaches sideways up to the next person, or the picture's edge, over the full
 * height, and the other people stay outside it. Pure (no DOM, no tfjs).
 */
import { boxCentre } from './pixel-box';
import type { PixelBox } from './types';

/**
 * `lifter`'s lane in an `imageWidth` × `imageHeight` picture, given the other people's boxes:
 * from the nearest other person on the left (their right edge) to the nearest on the right
 * (their left edge), full height, in whole pixels. A person who overlaps the lifter sideways
 * limits nothing (telling overlapping people apart is the ambiguity check's business).
 */
export function lifterLane(lifter: PixelBox, others: readonly PixelBox[], imageWidth: number, imageHeight: number): PixelBox {
  if (!(imageWidth > 0 && imageHeight > 0)) throw new RangeError(`expected a positive image size, got ${imageWidth}x${imageHeight}`);
  const centre = boxCentre(lifter).x;
  const lifterLeft = lifter.x;
  const lifterRight = lifter.x + lifter.width;
  let left = 0;
  let right = imageWidth;
  for (const other of others) {
    const otherLeft = other.x;
    const otherRight = other.x + other.width;
    if (otherRight <= lifterLeft && boxCentre(other).x < centre) left = Math.max(left, otherRight);
    else if (otherLeft >= lifterRight && boxCentre(other).x > centre) right = Math.min(right, otherLeft);
  }
  const x0 = Math.max(0, Math.ceil(left));
  const x1 = Math.min(imageWidth, Math.floor(right));
  return { x: x0, y: 0, width: Math.max(1, x1 - x0), height: imageHeight };
}
