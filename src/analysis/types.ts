/**
 * Public types of the analysis core (docs/design.md#angles and docs/design.md#reps-and-phases). Everything here is plain, serialisable
 * data so it can cross a Comlink boundary, be stored in IndexedDB and be printed as JSON.
 * Unknown values are `null`, never NaN.
 */
import type { Landmark, Side } from '../pose/types';

/** Defined with the pose types (geometry needs it too, and must not import analysis). */
export type { Side };

/** Which geometry produced an angle: image-plane pixels or BlazePose world landmarks. */
export type AnglePath = '2d' | '3d';

/** `auto` picks 2D in a clean side view and 3D (when world landmarks exist) when oblique. */
export type AnglePathPreference = 'auto' | AnglePath;

export type ViewKind = 'side' | 'oblique' | 'front' | 'unusable';

export type Phase = 'setup' | 'lifting' | 'peak' | 'lowering' | 'bottom';

/** Where the lumbar-arch number came from (docs/design.md#angles, lumbar arch proxies). */
export type LumbarArchSource = 'trunk-lean' | 'contour';

/** The angles of docs/design.md#angles, degrees. `null` = not measurable in this frame. */
export interface Angles {
  /** Trunk (mid-hip → mid-shoulder) against vertical up; 0 upright, 90 horizontal. */
  torsoLeanDeg: number | null;
  /** Working thigh against the trunk line continued below the hip; + behind, − flexed. */
  hipExtensionDeg: number | null;
  /** Working thigh against vertical down; + behind the body. */
  thighElevationDeg: number | null;
  /** 180 − interior hip–knee–ankle angle of the working leg; 0 = straight. */
  kneeFlexionDeg: number | null;
  /**
   * + = back more arched than at rest before this rep (mean torso lean over the last half second
   * at rest minus now), or, with PoseFrame.backContour, the contour's arc angle minus its arc at
   * rest. Null until a rest reference exists.
   */
  lumbarArchDeg: number | null;
  /** Hip line against horizontal; front/oblique views only (null in a pure side view). */
  pelvisTiltDeg: number | null;
}

export interface ViewAssessment {
  kind: ViewKind;
  /** A person was detected at all. */
  personFound: boolean;
  /** Every joint the analysis needs is visible and inside the image. */
  inFrame: boolean;
  /** True when angles and reps can be trusted (side or oblique view, body in frame). */
  usable: boolean;
  /** User-facing instruction, e.g. "Step back: feet out of frame"; null when all is well. */
  reason: string | null;
  /** Names of the needed joints that are missing, below the visibility gate or out of frame. */
  missingJoints: string[];
}

/** One sample of the compact per-rep angle series (for plots and the rules layer). */
export interface RepSample {
  tMs: number;
  hipExtensionDeg: number | null;
  thighElevationDeg: number | null;
  lumbarArchDeg: number | null;
  kneeFlexionDeg: number | null;
  torsoLeanDeg: number | null;
}

export interface RepMetrics {
  /** 1-based, in completion order over the analyser's life (reset() restarts it). */
  index: number;
  leg: Side;
  /**
   * When the thigh last rose through the rep's start level (rest + 10 % of the range, at least
   * 3°) before the peak, interpolated between frames.
   */
  startMs: number;
  /** Time of the highest thigh position (the middle of a held top, within 5 % of range). */
  peakMs: number;
  /** When the thigh came back down through the same level (or settled, for a short return). */
  endMs: number;
  /** Highest hip extension in the rep (thigh against the trunk line). */
  peakHipExtensionDeg: number | null;
  /** Thigh-elevation range of the rep (peak − rest at the start). */
  romDeg: number;
  /**
   * Start → arrival at the top (within 5 % of the range of the highest point), seconds. Threshold
   * timing leaves out the slow first and last few degrees of a smooth rep: a (1 − cos) lift of
   * 1 s reads about 0.65–0.8 s.
   */
  concentricS: number;
  /** Leaving the top → end, seconds (same caveat). */
  eccentricS: number;
  /** Time within `holdBandDeg` (5°) of the rep's peak thigh elevation, seconds. */
  holdS: number;
  /** Largest thigh angular speed in the rep over spans of ≥ 100 ms (median-filtered), °/s. */
  peakAngularVelocityDegS: number | null;
  /** Knee flexion around the peak: median of the frames within ±300 ms, after a ±2-frame median. */
  kneeFlexionAtPeakDeg: number | null;
  /** Robust max − min of knee flexion over the rep. */
  kneeFlexionRangeDeg: number | null;
  /**
   * How much MORE the knee bends during the lifting phase: highest (median-filtered) knee flexion
   * between start and peak minus the knee flexion at the start, floored at 0. The hamstring-curl
   * cheat signal; a knee that straightens on the way up reads 0.
   */
  kneeFlexionRiseLiftingDeg: number | null;
  torsoLeanMeanDeg: number | null;
  /** Torso sway: 5–95 % range of the ±2-frame median torso lean over the rep. */
  torsoLeanRangeDeg: number | null;
  /** Highest lumbar-arch reading in the rep (see Angles.lumbarArchDeg). */
  lumbarArchPeakDeg: number | null;
  /** Null when the view does not allow (pure side view). */
  pelvisTiltMaxDeg: number | null;
  /**
   * How far the hip line tilted beyond its tilt at the start of the rep (the rep's own level
   * reference, read just before the lift). Null when the start's tilt was not seen: a view that
   * shows the hip line only mid-rep (a side view read as oblique while the thigh is high) gives
   * no reference, so no judgement. Optional: sets stored before it existed lack it.
   */
  pelvisTiltRiseDeg?: number | null;
  /** The path that produced most of the rep's frames. */
  anglePath: AnglePath;
  /** Share (0..1) of the rep's frames in which the needed joints were visible and in frame. */
  confidence: number;
  /** Compact per-frame angle series of the rep, start → end. */
  series: RepSample[];
}

export interface FrameAnalysis {
  timestampMs: number;
  angles: Angles;
  anglePath: AnglePath;
  lumbarArchSource: LumbarArchSource | null;
  /** Null until one leg has clearly moved more than the other. */
  workingLeg: Side | null;
  /** Which way the person faces in the image. */
  facing: Side | null;
  view: ViewAssessment;
  phase: Phase;
  repCount: number;
  /** Set on the frame where a rep completes, otherwise null. */
  completedRep: RepMetrics | null;
  /**
   * Framing problems of this frame, most important first (blocking ones before words only);
   * empty when the picture is fine.
   */
  framing: FramingIssue[];
  /** Set on the frame where a rep-shaped movement was NOT counted (not clearly seen), else null. */
  rejectedRep: RejectedRep | null;
  /** Movements not counted so far (the analyser's `rejected` list length). */
  rejectedCount: number;
  /** People in view besides the lifter (PoseFrame.personCount − 1; 0 when alone or unchecked). */
  otherPeople: number;
  /** Smoothed pixel landmarks (same index table as the input), when `includeLandmarks`. */
  smoothedLandmarks?: Landmark[];
  /** Both legs' angles and rep phases, when `includeLegDetail` (debugging, plots of both legs). */
  legs?: Record<Side, LegDetail>;
}

export interface LegDetail {
  thighElevationDeg: number | null;
  hipExtensionDeg: number | null;
  kneeFlexionDeg: number | null;
  phase: Phase;
  /** The rep machine's current rest level (thigh elevation), null before it has one. */
  restDeg: number | null;
}

export interface AnalyzerOptions {
  /**
   * Joints below this visibility are unknown (docs/design.md#visibility-gate). Null picks the
   * detector's own default (DEFAULT_MIN_VISIBILITY: BlazePose 0.5, MoveNet 0.3).
   */
  minVisibility: number | null;
  /** A joint closer than this fraction of the image size to the border is "out of frame". */
  edgeMarginFrac: number;
  anglePath: AnglePathPreference;
  /** One Euro filter parameters for landmark smoothing (Casiez et al. 2012). */
  smoothingMinCutoffHz: number;
  smoothingBeta: number;
  smoothingDerivateCutoffHz: number;
  /** A gap longer than this resets filters and aborts an unfinished rep. */
  maxGapMs: number;
  /** Window over which the working leg's thigh range is compared. */
  legWindowMs: number;
  /** The other leg must move this many times more before the working leg switches. */
  legSwitchRatio: number;
  /** Reps with a smaller thigh-elevation range are ignored. */
  minRomDeg: number;
  /** Reps shorter than this (start → end) are ignored. */
  minRepDurationMs: number;
  /** "Near the peak" band for hold time. */
  holdBandDeg: number;
  /** One Euro smoothing of landmarks before the geometry (off only for tests and tools). */
  smoothLandmarks: boolean;
  /** Copy the smoothed landmarks into every FrameAnalysis (for drawing). */
  includeLandmarks: boolean;
  /** Add both legs' angles and rep phases to every FrameAnalysis. */
  includeLegDetail: boolean;
}

/**
 * Why the picture does not (fully) allow counting and judging (docs/trust.md#framing-all-through-the-set).
 * `other-people` is informational: the lifter is locked and coached; `lifter-ambiguous` is not
 * (the lifter cannot be told apart from someone overlapping them).
 */
export type FramingReason =
  | 'no-person'
  | 'feet-out-of-frame'
  | 'head-out-of-frame'
  | 'person-too-small'
  | 'front-on'
  | 'low-confidence'
  | 'other-people'
  | 'lifter-ambiguous';

/** One framing problem seen in one frame, with the words the lifter is shown. */
export interface FramingIssue {
  reason: FramingReason;
  message: string;
}

/** A framing problem over a stretch of time (merged from consecutive frames). */
export interface FramingRange extends FramingIssue {
  startMs: number;
  endMs: number;
}

/** Why a movement that looked like a rep was not counted (docs/design.md#trust-rules). */
export type RejectReason =
  | 'legs-not-visible'
  | 'trunk-not-visible'
  | 'not-seen-at-start'
  | 'not-seen-at-peak'
  | 'lifter-ambiguous';

/** A rep-shaped movement that failed the evidence gate: reported, never counted. */
export interface RejectedRep {
  leg: Side;
  startMs: number;
  peakMs: number;
  endMs: number;
  reason: RejectReason;
  /** Lifter-facing words, e.g. "legs not clearly visible". */
  message: string;
  /** Share (0..1) of the rep's frames with the evidence the gate asks for. */
  evidence: number;
}
