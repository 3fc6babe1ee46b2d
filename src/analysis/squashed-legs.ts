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

/**
 * ref: in every kickback set-up (standing, bent over, on all fours) the supporting leg points
 * down from the hip, and its thigh alone is ~0.82 of the trunk (Drillis & Contini 1966: 0.245
 * vs 0.30 of stature): with less picture than that below the hips, the supporting knee is
 * below the picture whatever the detector reports. Measured, picture height below the hips
 * over the trunk (tests/fixtures/variants, BlazePose full, per frame): the kickback clips'
 * base, darkened, w320 and far variants read 1.67 or more (1st percentile; dosipov base lowest
 * at 1.67), their cut-lower variants 0.12–1.05 (dosipov 0.43–0.69 throughout; curvelog median
 * 0.42; donkey_kick_cgi_kinkatsu median 1.05, cut closer to its knees). 0.75 leaves a margin
 * under the thigh's length and far under every whole picture.
 */
export const MIN_ROOM_BELOW_HIPS_OF_TRUNK = 0.75;

const dist = (a: Point2 | null, b: Point2 | null): number | null => (a === null || b === null ? null : Math.hypot(a.x - b.x, a.y - b.y));

/**
 * Marks (in place) as out of the picture the legs the detector invented inside it: a leg far
 * shorter than the trunk, and both legs when the picture ends too close below the hips for the
 * supporting leg to fit (`imageHeight` in pixels).
 */
export function markSquashedLegs(all: AllJoints, imageHeight: number): void {
  const px = all.pixel;
  const hips = pairMid2(px.leftHip, px.rightHip);
  const trunk = dist(pairMid2(px.leftShoulder, px.rightShoulder), hips);
  if (trunk === null || hips === null || !(trunk > 0)) return;
  const noRoom = imageHeight - hips.y < MIN_ROOM_BELOW_HIPS_OF_TRUNK * trunk;
  for (const side of ['left', 'right'] as const) {
    if (noRoom) {
      markOut(all, side);
      continue;
    }
    const thigh = dist(px[`${side}Hip`], px[`${side}Knee`]);
    const shank = dist(px[`${side}Knee`], px[`${side}Ankle`]);
    if (thigh === null || shank === null || thigh + shank >= MIN_LEG_OF_TRUNK * trunk) continue;
    markOut(all, side);
  }
}

function markOut(all: AllJoints, side: 'left' | 'right'): void {
  for (const joint of [`${side}Knee`, `${side}Ankle`] as const) {
    all.pixel[joint] = null;
    all.world[joint] = null;
    all.status[joint] = 'out-of-frame';
  }
}
