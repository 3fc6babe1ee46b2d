/**
 * The baseline the hard-variant table sets beside the analyser (docs/variants.md): a naive relative counter. Per leg, the thigh's angle (hip →
 * knee, image plane) away from that leg's rest direction (its median over the clip); the leg
 * that moves most is the working leg, and a rep is a rise past ENTER then a fall below EXIT.
 * No evidence gate, no view check, no smoothing: what a first attempt would do.
 */
import { BLAZEPOSE33_INDEX, MOVENET17_INDEX } from '../pose/keypoint-tables';
import type { PoseFrame } from '../pose/types';

/** ref: docs/design.md#visibility-gate, a rep must move the thigh well beyond twice the 4–8° angle error (minRomDeg 15°, with a margin). */
export const NAIVE_ENTER_DEG = 25;
/** ref: docs/design.md#reps-and-phases hysteresis: the leg must come back most of the way before the next rep. */
export const NAIVE_EXIT_DEG = 10;

function thighAngles(frames: readonly PoseFrame[], side: 'left' | 'right'): number[] {
  const out: number[] = [];
  for (const f of frames) {
    const table = f.keypointSet === 'blazepose33' ? BLAZEPOSE33_INDEX : MOVENET17_INDEX;
    const hip = f.landmarks[table[`${side}Hip`] ?? -1];
    const knee = f.landmarks[table[`${side}Knee`] ?? -1];
    if (hip && knee) out.push((Math.atan2(knee.x - hip.x, knee.y - hip.y) * 180) / Math.PI);
  }
  return out;
}

const median = (v: number[]): number => [...v].sort((a, b) => a - b)[Math.floor(v.length / 2)] ?? 0;
const wrap = (deg: number): number => Math.abs(((deg + 540) % 360) - 180);

export function naiveRepCount(frames: readonly PoseFrame[]): { reps: number; leg: 'left' | 'right' | null } {
  let best: { reps: number; leg: 'left' | 'right' | null; range: number } = { reps: 0, leg: null, range: 0 };
  for (const leg of ['left', 'right'] as const) {
    const angles = thighAngles(frames, leg);
    const rest = median(angles);
    const away = angles.map((a) => wrap(a - rest));
    let reps = 0;
    let up = false;
    for (const a of away) {
      if (!up && a > NAIVE_ENTER_DEG) up = true;
      else if (up && a < NAIVE_EXIT_DEG) {
        up = false;
        reps += 1;
      }
    }
    // The leg that moves most: 90th percentile of its excursion, so one glitched frame cannot pick it.
    const range = [...away].sort((a, b) => a - b)[Math.floor(0.9 * (away.length - 1))] ?? 0;
    if (range > best.range) best = { reps, leg, range };
  }
  return { reps: best.reps, leg: best.leg };
}
