/**
 * Legs the detector invented inside the picture. With the lower body cut off, BlazePose does
 * not put the knees and ankles below the image (where the in-frame check would catch them) but
 * squeezes them into its bottom strip, with visibility 0.6–1.0: a leg far shorter than the trunk.
 * Such a leg is out of the picture in truth, and is marked so (in place), so it feeds no angle,
 * no evidence, and the lifter is told to step back.
 */
import { pairMid2 } from '../geometry/plane-body';
import type { AllJoints, Point2 } from '../pose/read-joint';

/**
 * ref: thigh + shank against hip-to-shoulder length, both in the image. Drillis & Contini 1966:
 * (0.245 + 0.246) / 0.30 ≈ 1.6 of the trunk. Measured per frame (tests/fixtures/variants,
 * BlazePose full): the base, darkened, far and w320 variants of the kickback clips read
 * 1.09–1.98 (1st–95th percentile; cable_kickback_real_side_curvelog base lowest at 1.09),
 * while the cut-lower variants squeeze the legs to 0.25–0.66 (5th percentile 0.45–0.66, medians
 * 0.85–1.05). Under one trunk length the leg is not real.
 */
export const MIN_LEG_OF_TRUNK = 1;

const dist = (a: Point2 | null, b: Point2 | null): number | null => (a === null || b === null ? null : Math.hypot(a.x - b.x, a.y - b.y));

export function markSquashedLegs(all: AllJoints): void {
  const px = all.pixel;
  const trunk = dist(pairMid2(px.leftShoulder, px.rightShoulder), pairMid2(px.leftHip, px.rightHip));
  if (trunk === null || !(trunk > 0)) return;
  for (const side of ['left', 'right'] as const) {
    const thigh = dist(px[`${side}Hip`], px[`${side}Knee`]);
    const shank = dist(px[`${side}Knee`], px[`${side}Ankle`]);
    if (thigh === null || shank === null || thigh + shank >= MIN_LEG_OF_TRUNK * trunk) continue;
    for (const joint of [`${side}Knee`, `${side}Ankle`] as const) {
      px[joint] = null;
      all.world[joint] = null;
      all.status[joint] = 'out-of-frame';
    }
  }
}
