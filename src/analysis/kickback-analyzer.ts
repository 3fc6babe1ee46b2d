/**
 * Facade of the analysis core: PoseFrames in (timestamp order), per-frame analysis and completed
 * reps out. Pure: no clock, no DOM; the frame's timestampMs is the only time source.
 */
import type { PoseFrame } from '../pose/types';
import { DEFAULT_ANALYZER_OPTIONS } from './default-options';
import type { AnalyzerOptions, FrameAnalysis, RepMetrics } from './types';

export interface KickbackAnalyzer {
  /** Call once per processed frame, in timestamp order. */
  push(frame: PoseFrame): FrameAnalysis;
  /** Completed reps so far (never lost, in completion order). */
  readonly reps: readonly RepMetrics[];
  reset(): void;
}

export function createKickbackAnalyzer(options: Partial<AnalyzerOptions> = {}): KickbackAnalyzer {
  const opts: AnalyzerOptions = { ...DEFAULT_ANALYZER_OPTIONS, ...options };
  const reps: RepMetrics[] = [];
  void opts;
  return {
    push(frame: PoseFrame): FrameAnalysis {
      return {
        timestampMs: frame.timestampMs,
        angles: {
          torsoLeanDeg: null,
          hipExtensionDeg: null,
          thighElevationDeg: null,
          kneeFlexionDeg: null,
          lumbarArchDeg: null,
          pelvisTiltDeg: null,
        },
        anglePath: '2d',
        lumbarArchSource: null,
        workingLeg: null,
        facing: null,
        view: {
          kind: 'unusable',
          personFound: frame.landmarks.length > 0,
          inFrame: false,
          usable: false,
          reason: 'No person in view',
          missingJoints: [],
        },
        phase: 'setup',
        repCount: reps.length,
        completedRep: null,
      };
    },
    get reps() {
      return reps;
    },
    reset() {
      reps.length = 0;
    },
  };
}
