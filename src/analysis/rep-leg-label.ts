/**
 * Which leg the detector itself names on a rep's trace. Leg identity follows continuity
 * (leg-identity-tracker.ts), which keeps a kicking leg's trace whole, but in a side view the legs
 * overlap at rest, so as they part for the next kick nothing tells continuity which is which: it
 * keeps whatever the detector's labels said on the first frames apart. On a poor picture those
 * labels flicker exactly there (cable_kickback_real_side_curvelog webcam15, 3.1–3.2 s: the
 * kicking knee labelled left for two frames, right for the rest of the kick), and the working
 * leg's rep lands on the other trace, where it reads as a leg switch and makes the next rep on the
 * working leg look like a switch back. Over the whole rep the detector's own label says which leg
 * it was.
 */
import type { LegFrameSample } from './leg-frame-sample';
import type { RepEvent } from './rep-phase-machine';
import type { Side } from './types';

/**
 * ref: a majority of the rep's frames with the knees apart (clean-leg-joints.ts: overlapping
 * knees carry no label). Measured on the variant fixtures (npm run eval -- --variants, 54 reps
 * by the trace that is not the working leg): where the trace is the leg the detector names, the
 * other label reads on 0–3 of its labelled frames (at most 3 of 12, 2 of 5, 1 of 2); where the
 * detector names the working leg, on 0.8–1 of them (webcam15 3.7 s: 11 of 13; dosipov cut-head
 * 4 of 5; the others 7–29 of 7–29). Half sits between the two.
 */
export const LABEL_MAJORITY_FRAC = 0.5;

/** The side the detector labels this trace's knee on most frames of the rep, or null (no majority, no labels). */
export function detectorLegOfRep(samples: readonly LegFrameSample[], rep: Pick<RepEvent, 'startMs' | 'endMs'>): Side | null {
  let left = 0;
  let right = 0;
  for (const s of samples) {
    if (s.t < rep.startMs - 1e-6 || s.t > rep.endMs + 1e-6) continue;
    if (s.kneeLabel === 'left') left += 1;
    else if (s.kneeLabel === 'right') right += 1;
  }
  const n = left + right;
  if (left > LABEL_MAJORITY_FRAC * n) return 'left';
  if (right > LABEL_MAJORITY_FRAC * n) return 'right';
  return null;
}
