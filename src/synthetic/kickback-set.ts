/**
 * Synthetic truth generator: a cable-kickback set with chosen set-up, tempo, faults and camera,
 * as PoseFrames plus the exact angles and rep times they were built from (docs/design.md#test-data).
 */
import type { Side } from '../analysis/types';
import type { PoseFrame } from '../pose/types';
import type { BodyPose } from './body-pose';
import { DEFAULT_RENDER_OPTIONS, renderSequence, type RenderOptions } from './render-sequence';
import { repTimeline, type TimelineOptions, type TimelineRep } from './rep-timeline';

export interface KickbackSetOptions extends RenderOptions, TimelineOptions {
  /** Working (kicking) leg. */
  leg: Side;
  /** Trunk lean at rest, degrees from vertical. */
  torsoLeanDeg: number;
  /** Thigh elevation at rest: ~+22 bent over, ~−40 upright with a knee drive (docs/design.md#reps-and-phases). */
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
  // ref: docs/design.md#reps-and-phases, bent-over cable kickback rests at about +22°.
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

export interface LegSwitchSetOptions {
  /** Leg of the first half; the second half kicks with the other leg, facing the other way. */
  firstLeg: Side;
  /** Image direction the lifter faces in the first half. */
  firstFacing: Side;
  repsPerLeg: number;
  /**
   * How the lifter gets to the other leg: `walk-around` turns on the spot (stepping, through a
   * front view) over `changeS` seconds; `cut` is an edit, the second half starts on the next frame.
   */
  change: 'walk-around' | 'cut';
  changeS: number;
  /** Rest shown before the first rep of the second half (a cut can land just before a rep). */
  secondLeadInS: number;
  /** Seconds after the last rep of the second half; 0 ends the clip as the leg comes back. */
  leadOutS: number;
}

export const DEFAULT_LEG_SWITCH_SET: Readonly<LegSwitchSetOptions> = Object.freeze({
  firstLeg: 'right',
  firstFacing: 'right',
  repsPerLeg: 3,
  change: 'walk-around',
  // ref: docs/trust.md#leg-changes-and-clip-ends, "they walk around": a few seconds to move the cuff and turn.
  changeS: 4,
  secondLeadInS: 1,
  leadOutS: 1.5,
});

// ref: gait kinematics (Winter 1991): the thigh swings about 20° forward and 10° back per step,
// about one step per second when turning on the spot.
const STEP_FORWARD_DEG = 20;
const STEP_BACK_DEG = 10;
const STEP_S = 1;

/**
 * A set that changes working leg and facing mid-way (docs/trust.md#leg-changes-and-clip-ends): first leg, then a walk
 * around (turning through a front view, stepping) or a hard cut, then the other leg facing the
 * other way. Truth reps of both halves, in time order, with their leg.
 */
export function generateLegSwitchSet(
  options: Partial<LegSwitchSetOptions & Omit<KickbackSetOptions, 'leg' | 'reps' | 'facing' | 'leadOutS'>> = {},
): SyntheticSet & { repLegs: Side[] } {
  const o = { ...DEFAULT_KICKBACK_SET, ...DEFAULT_LEG_SWITCH_SET, ...options };
  const second: Side = o.firstLeg === 'left' ? 'right' : 'left';
  const secondFacing: Side = o.firstFacing === 'left' ? 'right' : 'left';
  const fps = o.fps ?? DEFAULT_RENDER_OPTIONS.fps;
  const frameMs = 1000 / fps;
  const startMs = o.startMs ?? 0;
  const a = generateKickbackSet({ ...options, leg: o.firstLeg, facing: o.firstFacing, reps: o.repsPerLeg, leadOutS: o.change === 'cut' ? 0.5 : 1, startMs });
  const aEndMs = a.frames.at(-1)?.timestampMs ?? startMs;
  const turn: PoseFrame[] = [];
  if (o.change === 'walk-around') {
    const n = Math.round(o.changeS * fps);
    const standing = { thighDeg: -o.standingKneeDeg / 2, kneeDeg: o.standingKneeDeg };
    for (let k = 1; k <= n; k += 1) {
      const tS = k / fps;
      const u = tS / o.changeS;
      // Upright while walking, bent over again at both ends; the turn goes through a front view.
      const lean = o.torsoLeanDeg * Math.abs(Math.cos(Math.PI * u));
      const swing = Math.sin((2 * Math.PI * tS) / STEP_S);
      const step = (s: number) => ({ thighDeg: s > 0 ? -STEP_FORWARD_DEG * s : -STEP_BACK_DEG * s, kneeDeg: o.standingKneeDeg + 30 * Math.max(0, s) });
      const pose: BodyPose = { torsoLeanDeg: lean, left: u > 0.05 && u < 0.95 ? step(swing) : standing, right: u > 0.05 && u < 0.95 ? step(-swing) : standing };
      const frame = renderSequence(0, () => pose, { ...options, facing: o.firstFacing, cameraYawDeg: (o.cameraYawDeg ?? 0) + 180 * u, startMs: aEndMs + k * frameMs, seed: (o.seed ?? 1) + k });
      const f = frame[0]?.frame;
      if (f !== undefined) turn.push(f);
    }
  }
  const bStartMs = (turn.at(-1)?.timestampMs ?? aEndMs) + frameMs;
  const b = generateKickbackSet({ ...options, leg: second, facing: secondFacing, reps: o.repsPerLeg, leadInS: o.secondLeadInS, leadOutS: o.leadOutS, startMs: bStartMs, seed: (o.seed ?? 1) + 7919 });
  return {
    frames: [...a.frames, ...turn, ...b.frames],
    truth: [...a.truth, ...b.truth],
    reps: [...a.reps, ...b.reps],
    repLegs: [...a.reps.map(() => o.firstLeg), ...b.reps.map(() => second)],
  };
}
