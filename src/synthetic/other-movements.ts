/**
 * Look-alike movements that must NOT count as kickback reps (docs/design.md#reps-and-phases, docs/design.md#hard-variants "hard
 * negatives": other movements that move the legs): squats and good mornings (both thighs move
 * together, or the trunk moves instead of the thigh), the single-leg deadlift (the leg rides up
 * with a hip hinge, hip extension stays put), a lunge (the rear thigh goes behind the body, the
 * front one forward), a high-knee march (alternate legs forward), a forward leg swing, a
 * standing hip abduction (side kick), a fire hydrant on all fours (abduction with a bent knee)
 * and a standing leg curl (the knee bends, the thigh stays).
 */
import type { BodyPose } from './body-pose';
import { renderSequence, type RenderOptions } from './render-sequence';
import { repTimeline, type TimelineOptions } from './rep-timeline';
import type { PoseFrame } from '../pose/types';

export const LOOKALIKE_MOVEMENTS = [
  'squat',
  'good-morning',
  'single-leg-deadlift',
  'lunge',
  'high-knee-march',
  'front-leg-swing',
  'hip-abduction',
  'fire-hydrant',
  'standing-leg-curl',
] as const;

export type LookAlikeMovement = (typeof LOOKALIKE_MOVEMENTS)[number];

export const DEFAULT_LOOKALIKE_TIMELINE: Readonly<TimelineOptions> = Object.freeze({
  reps: 4,
  leadInS: 1.5,
  concentricS: 1.2,
  holdS: 0.2,
  eccentricS: 1.2,
  restS: 0.8,
  leadOutS: 1.5,
});

/** `s` is the rep's shape (0 rest → 1 peak); `repIndex` alternates legs where a movement does. */
function poseFor(kind: LookAlikeMovement, s: number, repIndex: number): BodyPose {
  const still = { thighDeg: 0, kneeDeg: 5 };
  switch (kind) {
    case 'squat': {
      // Thighs swing forward to ~horizontal, knees fold ~110°, trunk leans ~40°.
      const leg = { thighDeg: -95 * s, kneeDeg: 5 + 110 * s };
      return { torsoLeanDeg: 10 + 35 * s, left: leg, right: { ...leg } };
    }
    case 'good-morning': {
      const leg = { thighDeg: 8 * s, kneeDeg: 10 + 5 * s };
      return { torsoLeanDeg: 5 + 75 * s, left: leg, right: { ...leg } };
    }
    case 'single-leg-deadlift':
      return {
        torsoLeanDeg: 5 + 75 * s,
        left: { thighDeg: -3 + 8 * s, kneeDeg: 10 + 10 * s },
        right: { thighDeg: 5 + 70 * s, kneeDeg: 5 },
      };
    case 'lunge':
      // Static split stance lowering: the front thigh to near horizontal, the rear thigh ~25°
      // behind the body with the knee folding towards the floor; the trunk stays upright.
      return {
        torsoLeanDeg: 5 + 5 * s,
        left: { thighDeg: -20 - 65 * s, kneeDeg: 5 + 85 * s },
        right: { thighDeg: 15 + 10 * s, kneeDeg: 5 + 90 * s },
      };
    case 'high-knee-march': {
      const lifted = { thighDeg: -85 * s, kneeDeg: 5 + 85 * s };
      return repIndex % 2 === 0 ? { torsoLeanDeg: 3, left: still, right: lifted } : { torsoLeanDeg: 3, left: lifted, right: still };
    }
    case 'front-leg-swing':
      // A straight leg swung forward to ~70° and back to standing.
      return { torsoLeanDeg: 5, left: still, right: { thighDeg: -70 * s, kneeDeg: 5 } };
    case 'hip-abduction':
      return { torsoLeanDeg: 8, left: still, right: { thighDeg: 0, kneeDeg: 5, abductionDeg: 40 * s } };
    case 'fire-hydrant': {
      // On all fours: trunk horizontal, thighs hanging straight down, shins on the floor.
      const kneel = { thighDeg: 0, kneeDeg: 90 };
      return { torsoLeanDeg: 85, left: kneel, right: { ...kneel, abductionDeg: 55 * s } };
    }
    case 'standing-leg-curl':
      return { torsoLeanDeg: 10, left: still, right: { thighDeg: 3 * s, kneeDeg: 5 + 100 * s } };
  }
}

export function generateLookAlikeSet(
  kind: LookAlikeMovement,
  options: Partial<RenderOptions & TimelineOptions> = {},
): { frames: PoseFrame[]; reps: number } {
  const tl = repTimeline({ ...DEFAULT_LOOKALIKE_TIMELINE, ...options });
  const repIndexAt = (t: number): number => Math.max(0, tl.reps.findIndex((r) => t < r.endS));
  const frames = renderSequence(tl.durationS, (t) => poseFor(kind, tl.shapeAt(t), repIndexAt(t)), options).map((r) => r.frame);
  return { frames, reps: tl.reps.length };
}
