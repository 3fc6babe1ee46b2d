/** FrameAnalysis fixtures for the live-hint tests: a usable side view at rest by default. */
import type { FrameAnalysis, Phase, ViewAssessment } from '../../src/analysis/types';

export function makeFrame(
  timestampMs: number,
  opts: { torsoLeanDeg?: number | null; phase?: Phase; view?: Partial<ViewAssessment> } = {},
): FrameAnalysis {
  return {
    timestampMs,
    angles: {
      torsoLeanDeg: opts.torsoLeanDeg === undefined ? 45 : opts.torsoLeanDeg,
      hipExtensionDeg: -20,
      thighElevationDeg: 25,
      kneeFlexionDeg: 15,
      lumbarArchDeg: 0,
      pelvisTiltDeg: null,
    },
    anglePath: '2d',
    lumbarArchSource: 'trunk-lean',
    workingLeg: 'right',
    facing: 'left',
    view: { kind: 'side', personFound: true, inFrame: true, usable: true, reason: null, missingJoints: [], ...opts.view },
    phase: opts.phase ?? 'setup',
    repCount: 0,
    completedRep: null,
    framing: [],
    rejectedRep: null,
    rejectedCount: 0,
    otherPeople: 0,
  };
}

/** Frames every `stepMs` from `fromMs` for `durationMs` (inclusive of the start). */
export function times(fromMs: number, durationMs: number, stepMs: number): number[] {
  const out: number[] = [];
  for (let t = fromMs; t <= fromMs + durationMs; t += stepMs) out.push(t);
  return out;
}
