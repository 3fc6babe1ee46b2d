/**
 * A recorded frame in the shapes the live drawing code takes (draw-skeleton, draw-angles), so
 * the replay draws the skeleton and its angle arcs exactly as the live screen did.
 */
import type { FrameAnalysis } from '../../analysis/types';
import type { PoseFrame } from '../../pose/types';
import { unpackLandmarks, type ReplayFrame } from '../../state/set-series';

export function replayPose(frame: ReplayFrame): PoseFrame {
  return {
    timestampMs: frame.tMs,
    imageWidth: frame.imageWidth,
    imageHeight: frame.imageHeight,
    keypointSet: frame.keypointSet,
    landmarks: unpackLandmarks(frame.xyv),
    score: 1,
    inferenceMs: 0,
  };
}

/**
 * The analysis fields the arcs read (working leg, angles, phase); the rest is what a usable side
 * view reports, since only frames of the set itself are replayed.
 */
export function replayAnalysis(frame: ReplayFrame): FrameAnalysis {
  const a = frame.angles;
  return {
    timestampMs: frame.tMs,
    angles: {
      hipExtensionDeg: a.hipExtensionDeg,
      kneeFlexionDeg: a.kneeFlexionDeg,
      torsoLeanDeg: a.torsoLeanDeg,
      lumbarArchDeg: a.lumbarArchDeg,
      thighElevationDeg: null,
      pelvisTiltDeg: null,
    },
    anglePath: '2d',
    lumbarArchSource: null,
    workingLeg: frame.workingLeg,
    facing: null,
    view: { kind: 'side', personFound: true, inFrame: true, usable: true, reason: null, missingJoints: [] },
    phase: frame.phase ?? 'setup',
    repCount: 0,
    completedRep: null,
    framing: [],
    rejectedRep: null,
    rejectedCount: 0,
    otherPeople: 0,
  };
}
