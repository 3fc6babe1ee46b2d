/** The leg riding along with a hip hinge (single-leg deadlift) is not a kickback rep. */
import { quantile } from '../signal/robust-stats';
import type { LegFrameSample } from './leg-frame-sample';

// ref: guide, "a targeted isolation movement" with the torso braced: when the trunk turns by
// more than 60 % of the thigh's range, the leg rides along with a hip hinge (single-leg
// deadlift), which is not a kickback. Torso sway in a swung kickback stays far below that.
export const HINGE_MAX_FRAC = 0.6;

export function passesHingeGate(inRep: readonly LegFrameSample[], romDeg: number): boolean {
  const lo = quantile(inRep.map((s) => s.torsoLeanDeg), 0.05);
  const hi = quantile(inRep.map((s) => s.torsoLeanDeg), 0.95);
  return lo === null || hi === null || hi - lo < HINGE_MAX_FRAC * romDeg;
}
