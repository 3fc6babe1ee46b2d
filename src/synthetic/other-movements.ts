/**
 * Look-alike movements that must NOT count as kickback reps (DESIGN.md §3): squats and good
 * mornings (both thighs move together, or the trunk moves instead of the thigh) and the
 * single-leg deadlift (the leg rides up with a hip hinge, hip extension stays put).
 */
import type { BodyPose } from './body-pose';
import { renderSequence, type RenderOptions } from './render-sequence';
import { repTimeline, type TimelineOptions } from './rep-timeline';
import type { PoseFrame } from '../pose/types';

export type LookAlikeMovement = 'squat' | 'good-morning' | 'single-leg-deadlift';

export const DEFAULT_LOOKALIKE_TIMELINE: Readonly<TimelineOptions> = Object.freeze({
  reps: 4,
  leadInS: 1.5,
  concentricS: 1.2,
  holdS: 0.2,
  eccentricS: 1.2,
  restS: 0.8,
  leadOutS: 1.5,
});

function poseFor(kind: LookAlikeMovement, s: number): BodyPose {
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
  }
}

export function generateLookAlikeSet(
  kind: LookAlikeMovement,
  options: Partial<RenderOptions & TimelineOptions> = {},
): { frames: PoseFrame[]; reps: number } {
  const tl = repTimeline({ ...DEFAULT_LOOKALIKE_TIMELINE, ...options });
  const frames = renderSequence(tl.durationS, (t) => poseFor(kind, tl.shapeAt(t)), options).map((r) => r.frame);
  return { frames, reps: tl.reps.length };
}
