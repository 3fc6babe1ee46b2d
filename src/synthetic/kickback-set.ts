/**
 * Synthetic truth generator: a cable-kickback set with chosen set-up, tempo, faults and camera,
 * as PoseFrames plus the exact angles and rep times they were built from (DESIGN.md §7).
 */
import type { Side } from '../analysis/types';
import type { PoseFrame } from '../pose/types';
import type { BodyPose } from './body-pose';
import { renderSequence, type RenderOptions } from './render-sequence';
import { repTimeline, type TimelineOptions, type TimelineRep } from './rep-timeline';

export interface KickbackSetOptions extends RenderOptions, TimelineOptions {
  /** Working (kicking) leg. */
  leg: Side;
  /** Trunk lean at rest, degrees from vertical. */
  torsoLeanDeg: number;
  /** Thigh elevation at rest: ~+22 bent over, ~−40 upright with a knee drive (DESIGN.md §3). */
  restThighDeg: number;
  /** Thigh-elevation range of each rep. */
  romDeg: number;
  /** Working knee flexion at rest. */
  kneeFlexionDeg: number;
  /** Extra knee flexion at the top (the hamstring-curl cheat). */
  kneeCurlDeg: number;
  /** Trunk rises by this much at the top (lumbar-arch proxy). */
  archDeg: number;
  /** Standing-leg knee flexion. */
  standingKneeDeg: number;
}

export const DEFAULT_KICKBACK_SET: Readonly<Omit<KickbackSetOptions, keyof RenderOptions>> = Object.freeze({
  reps: 5,
  leadInS: 1.5,
  concentricS: 1,
  holdS: 0.4,
  eccentricS: 1.2,
  restS: 0.6,
  leadOutS: 1.5,
  leg: 'right',
  // ref: guide, "A slight forward lean in the torso, approximately 45 degrees".
  torsoLeanDeg: 45,
  // ref: DESIGN.md §3, bent-over cable kickback rests at about +22°.
  restThighDeg: 22,
  romDeg: 40,
  // ref: guide, "Maintaining a soft bend in the knee of the working leg".
  kneeFlexionDeg: 20,
  kneeCurlDeg: 0,
  archDeg: 0,
  standingKneeDeg: 10,
});

export interface TruthFrame {
  timestampMs: number;
  torsoLeanDeg: number;
  thighElevationDeg: number;
  hipExtensionDeg: number;
  kneeFlexionDeg: number;
  lumbarArchDeg: number;
  /** 0 at rest, 1 at the top. */
  shape: number;
}

export interface SyntheticSet {
  frames: PoseFrame[];
  truth: TruthFrame[];
  reps: { startMs: number; peakMs: number; endMs: number; romDeg: number }[];
}

export function generateKickbackSet(options: Partial<KickbackSetOptions> = {}): SyntheticSet {
  const o = { ...DEFAULT_KICKBACK_SET, ...options };
  const tl = repTimeline(o);
  const other: Side = o.leg === 'left' ? 'right' : 'left';
  const poseAt = (tS: number): BodyPose => {
    const s = tl.shapeAt(tS);
    const standing = { thighDeg: -o.standingKneeDeg / 2, kneeDeg: o.standingKneeDeg };
    const working = { thighDeg: o.restThighDeg + o.romDeg * s, kneeDeg: o.kneeFlexionDeg + o.kneeCurlDeg * s };
    const pose = { torsoLeanDeg: o.torsoLeanDeg - o.archDeg * s, left: standing, right: standing };
    pose[o.leg] = working;
    pose[other] = standing;
    return pose;
  };
  const rendered = renderSequence(tl.durationS, poseAt, options);
  const startMs = options.startMs ?? 0;
  return {
    frames: rendered.map((r) => r.frame),
    truth: rendered.map((r) => {
      const w = r.pose[o.leg];
      return {
        timestampMs: r.frame.timestampMs,
        torsoLeanDeg: r.pose.torsoLeanDeg,
        thighElevationDeg: w.thighDeg,
        hipExtensionDeg: w.thighDeg - r.pose.torsoLeanDeg,
        kneeFlexionDeg: w.kneeDeg,
        lumbarArchDeg: o.torsoLeanDeg - r.pose.torsoLeanDeg,
        shape: tl.shapeAt(r.tS),
      };
    }),
    reps: tl.reps.map((r: TimelineRep) => ({
      startMs: startMs + r.startS * 1000,
      peakMs: startMs + r.peakS * 1000,
      endMs: startMs + r.endS * 1000,
      romDeg: o.romDeg,
    })),
  };
}
