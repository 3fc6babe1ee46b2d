/**
 * The analyser's per-clip result in the shape docs/design.md#command-line-analyser gives for `--json`, built from what the
 * core returned. Pure: no models, no files; the CLI and its tests share it.
 */
import type { DetectorId } from '../pose/types';
import type { FrameAnalysis, FramingRange, FramingReason, RejectReason, RejectedRep, RepMetrics, Side, ViewKind } from '../analysis/types';
import type { RepVerdict } from '../feedback';

/** analysis-failed: an unexpected error while analysing (a bug or a crashed model), not the file's fault. */
export type ClipErrorCode = 'unreadable-file' | 'no-person' | 'unusable-view' | 'analysis-failed';

/**
 * The decode stopped short of the clip's length (a truncated download, a corrupt tail, a
 * decoder that was killed): the report covers only what was read.
 */
export interface ClipPartialReport {
  framesRead: number;
  framesExpected: number;
  secondsRead: number;
  secondsExpected: number;
  message: string;
}

export interface ClipRepReport {
  index: number;
  startS: number;
  peakS: number;
  endS: number;
  peakHipExtensionDeg: number | null;
  romDeg: number;
  kneeFlexionAtPeakDeg: number | null;
  torsoLeanMeanDeg: number | null;
  lumbarArchPeakDeg: number | null;
  concentricS: number;
  eccentricS: number;
  holdS: number;
  /** Rules that fired clearly (faults). */
  flags: string[];
  /** Rules whose reading was within its measurement noise of the threshold (close to the limit; not faults). */
  borderline: string[];
  /** Extra (allowed by the issue): which leg, and how much of the rep was visible. */
  leg: Side;
  confidence: number;
}

/** A framing problem over a stretch of the clip (analyzer.framing), seconds. */
export interface ClipFramingReport {
  startS: number;
  endS: number;
  reason: FramingReason;
  message: string;
}

/** A rep-shaped movement that was not counted because it was not clearly seen (analyzer.rejected). */
export interface ClipRejectedReport {
  startS: number;
  peakS: number;
  endS: number;
  leg: Side;
  reason: RejectReason;
  message: string;
  /** Share (0..1) of the movement's frames with the legs and trunk clearly seen. */
  evidence: number;
}

export interface ClipReport {
  source: string;
  durationS: number;
  framesAnalysed: number;
  detector: DetectorId;
  backend: string;
  workingLeg: Side | null;
  facing: Side | null;
  view: ViewKind | null;
  reps: ClipRepReport[];
  /** Framing problems over time, merged per reason (docs/trust.md#framing-all-through-the-set); empty when the picture was fine. */
  framing: ClipFramingReport[];
  /** Movements not counted because they were not clearly seen; never part of repCount. */
  rejected: ClipRejectedReport[];
  summary: {
    repCount: number;
    /** The feedback layer's set score (0–100, see SCORE_FORMULA); null when no rep was judged. */
    score: number | null;
    flagCounts: Record<string, number>;
  };
  /** Present only when the clip could not be analysed; repCount is then 0. */
  error?: { code: ClipErrorCode; message: string };
  /** Extra: frames analysed per second of video (every frame: the clip's fps; 0 for a still image). */
  analysisFps?: number;
  /** Present only when the decode stopped short: reps, framing and the rest cover only what was read. */
  partial?: ClipPartialReport;
  /** Extra: frames with a person, and mean detector time per frame. */
  framesWithPerson: number;
  meanInferenceMs: number;
}

export interface ClipRunInput {
  source: string;
  durationS: number;
  detector: DetectorId;
  backend: string;
  analyses: readonly FrameAnalysis[];
  reps: readonly RepMetrics[];
  /** One per rep, same order (from judgeSet). */
  verdicts: readonly RepVerdict[];
  /** The set summary's score. */
  setScore: number | null;
  /** analyzer.framing after finish() (absent: none reported). */
  framing?: readonly FramingRange[];
  /** analyzer.rejected (absent: none reported). */
  rejected?: readonly RejectedRep[];
  inferenceMsTotal: number;
  /** The decode stopped short (absent: the whole clip was read). */
  partial?: ClipPartialReport;
  /** Frames analysed per second of video (absent: not known, e.g. a landmark fixture). */
  analysisFps?: number;
}

const round = (value: number, decimals: number): number => Number(value.toFixed(decimals));
const roundOrNull = (value: number | null, decimals: number): number | null => (value === null ? null : round(value, decimals));

/** Most frequent non-null value; ties go to the one seen first. */
export function mostCommon<T>(values: readonly (T | null)[]): T | null {
  const counts = new Map<T, number>();
  for (const value of values) if (value !== null) counts.set(value, (counts.get(value) ?? 0) + 1);
  let best: T | null = null;
  let bestCount = 0;
  // A Map iterates in first-insertion order, so a strict > keeps the first-seen value on a tie.
  for (const [value, count] of counts) {
    if (count > bestCount) {
      best = value;
      bestCount = count;
    }
  }
  return best;
}

/** `flags`: the rule ids the rep's verdict raised, most severe first. */
export function toRepReport(rep: RepMetrics, verdict: RepVerdict | undefined): ClipRepReport {
  return {
    index: rep.index,
    startS: round(rep.startMs / 1000, 2),
    peakS: round(rep.peakMs / 1000, 2),
    endS: round(rep.endMs / 1000, 2),
    peakHipExtensionDeg: roundOrNull(rep.peakHipExtensionDeg, 1),
    romDeg: round(rep.romDeg, 1),
    kneeFlexionAtPeakDeg: roundOrNull(rep.kneeFlexionAtPeakDeg, 1),
    torsoLeanMeanDeg: roundOrNull(rep.torsoLeanMeanDeg, 1),
    lumbarArchPeakDeg: roundOrNull(rep.lumbarArchPeakDeg, 1),
    concentricS: round(rep.concentricS, 2),
    eccentricS: round(rep.eccentricS, 2),
    holdS: round(rep.holdS, 2),
    flags: verdict ? verdict.flags.filter((f) => !f.borderline).map((f) => f.ruleId) : [],
    borderline: verdict ? verdict.flags.filter((f) => f.borderline).map((f) => f.ruleId) : [],
    leg: rep.leg,
    confidence: round(rep.confidence, 2),
  };
}

export function toFramingReport(range: FramingRange): ClipFramingReport {
  return { startS: round(range.startMs / 1000, 2), endS: round(range.endMs / 1000, 2), reason: range.reason, message: range.message };
}

export function toRejectedReport(rep: RejectedRep): ClipRejectedReport {
  return {
    startS: round(rep.startMs / 1000, 2),
    peakS: round(rep.peakMs / 1000, 2),
    endS: round(rep.endMs / 1000, 2),
    leg: rep.leg,
    reason: rep.reason,
    message: rep.message,
    evidence: round(rep.evidence, 2),
  };
}

/** A report for a file that could not even be decoded (or, with another code, not analysed at all). */
export function unreadableReport(
  source: string,
  detector: DetectorId,
  backend: string,
  message: string,
  code: ClipErrorCode = 'unreadable-file',
): ClipReport {
  return {
    source, durationS: 0, framesAnalysed: 0, detector, backend,
    workingLeg: null, facing: null, view: null, reps: [], framing: [], rejected: [],
    summary: { repCount: 0, score: null, flagCounts: {} },
    error: { code, message },
    framesWithPerson: 0, meanInferenceMs: 0,
  };
}

/**
 * Summarises a run. No person in any frame → error no-person; a person but never a usable
 * view → error unusable-view with the core's most common reason. Either way repCount is 0.
 */
export function buildClipReport(input: ClipRunInput): ClipReport {
  const { analyses } = input;
  const withPerson = analyses.filter((a) => a.view.personFound);
  const usable = withPerson.filter((a) => a.view.usable);
  if (input.verdicts.length !== input.reps.length) {
    throw new Error(`expected one verdict per rep (${input.reps.length}), got ${input.verdicts.length}`);
  }
  const reps = input.reps.map((rep) => toRepReport(rep, input.verdicts.find((v) => v.repIndex === rep.index)));
  const flagCounts: Record<string, number> = {};
  for (const rep of reps) for (const flag of rep.flags) flagCounts[flag] = (flagCounts[flag] ?? 0) + 1;

  const report: ClipReport = {
    source: input.source,
    durationS: round(input.durationS, 2),
    framesAnalysed: analyses.length,
    detector: input.detector,
    backend: input.backend,
    workingLeg: mostCommon(usable.map((a) => a.workingLeg)),
    facing: mostCommon(withPerson.map((a) => a.facing)),
    view: mostCommon(withPerson.map((a) => a.view.kind)),
    reps,
    framing: (input.framing ?? []).map(toFramingReport),
    rejected: (input.rejected ?? []).map(toRejectedReport),
    summary: {
      repCount: reps.length,
      score: reps.length === 0 ? null : input.setScore,
      flagCounts,
    },
    framesWithPerson: withPerson.length,
    meanInferenceMs: round(input.inferenceMsTotal / Math.max(1, analyses.length), 1),
    ...(input.analysisFps !== undefined ? { analysisFps: input.analysisFps } : {}),
    ...(input.partial ? { partial: input.partial } : {}),
  };

  if (withPerson.length === 0) {
    return withError(report, 'no-person', `expected a person in the video, got none in ${analyses.length} frames`);
  }
  if (usable.length === 0) {
    const reason = mostCommon(withPerson.map((a) => a.view.reason)) ?? 'no side or oblique view with the whole body in frame';
    return withError(report, 'unusable-view', `expected a side or oblique view with the whole body in frame, got ${report.view ?? 'none'} (${reason})`);
  }
  return report;
}

function withError(report: ClipReport, code: ClipErrorCode, message: string): ClipReport {
  return { ...report, reps: [], summary: { repCount: 0, score: null, flagCounts: {} }, error: { code, message } };
}
