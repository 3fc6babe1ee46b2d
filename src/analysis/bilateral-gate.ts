/**
 * Both thighs moving together (squat, good morning) is not a kickback rep (docs/design.md#reps-and-phases).
 */
import { quantile } from '../signal/robust-stats';
import type { LegFrameSample } from './leg-frame-sample';

// ref: docs/design.md#reps-and-phases "bilateral movements (squat, good morning: both thighs move together) are
// not kickback reps": in a kickback the standing thigh stays still (a few degrees of sway), so
// half the working leg's range on the other thigh means both legs are moving.
export const BILATERAL_MAX_FRAC = 0.5;
// ref: docs/trust.md "A rep counts only on evidence": the other thigh's spread is read between
// its 10th and 90th percentiles over the rep. A rep is 10–30 frames at the live 8–10 fps, so a
// one- or two-frame misread of the standing thigh (donkey_kick_cgi_kinkatsu webcam15, 3.9–4.0 s:
// 0° and 3° amid −6…−21°) falls outside them; in a squat the other thigh moves all through the rep.
const SPREAD_QUANTILE = 0.1;
// ref: docs/design.md#facing-and-working-leg working leg "switchable mid-session when the user changes legs":
// a rep on the other leg switches the working leg only if the old one stayed within a quarter of
// the rep's range (stricter than the bilateral check: a switch must be unambiguous).
export const SWITCH_MAX_OTHER_FRAC = 0.25;

/**
 * True when the other thigh stayed still enough during the rep. A rep by the leg that is not
 * (yet) the working one must show the other leg clearly still: the lifter changed legs.
 */
export function passesBilateralGate(inRep: readonly LegFrameSample[], romDeg: number, onWorkingLeg: boolean): boolean {
  const lo = quantile(inRep.map((s) => s.otherThighDeg), SPREAD_QUANTILE);
  const hi = quantile(inRep.map((s) => s.otherThighDeg), 1 - SPREAD_QUANTILE);
  if (lo === null || hi === null) return onWorkingLeg;
  return hi - lo < (onWorkingLeg ? BILATERAL_MAX_FRAC : SWITCH_MAX_OTHER_FRAC) * romDeg;
}
