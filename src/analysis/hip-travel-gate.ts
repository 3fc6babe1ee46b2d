/** Hips that travel up and down (a squat) mean the movement is not a kickback. */
import { median, quantile } from '../signal/robust-stats';
import type { LegFrameSample } from './leg-frame-sample';

// ref: guide, the kickback isolates hip extension with the body weight resting on the standing
// leg: the hips stay put. A squat lowers them by about a thigh length (and BlazePose often hides
// the far leg in a side view, squat_side_aitrainer, so the bilateral check cannot always see
// it); more than a third of a thigh of vertical hip travel is not a kickback.
export const HIP_TRAVEL_MAX_FRAC = 0.35;

export function passesHipTravelGate(inRep: readonly LegFrameSample[]): boolean {
  const lo = quantile(inRep.map((s) => s.hipHeightPx), 0.05);
  const hi = quantile(inRep.map((s) => s.hipHeightPx), 0.95);
  const thighPx = median(inRep.map((s) => s.thighLengthPx));
  return lo === null || hi === null || thighPx === null || hi - lo < HIP_TRAVEL_MAX_FRAC * thighPx;
}
