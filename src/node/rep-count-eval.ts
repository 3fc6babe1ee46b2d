/** Compares an analyser report with a clip's labels (docs/design.md#command-line-analyser, the eval table). Pure. */
import type { ClipReport } from './clip-report';

export interface ClipLabel {
  exercise?: string;
  view?: string;
  facing?: 'left' | 'right' | null;
  repCount?: number | null;
  repPeaksS?: number[];
  /**
   * The project's own labels (tests/fixtures/labels.project.json) say outright what a kickback
   * counter must report, e.g. 0 for a kickback filmed front-on, where the app must refuse.
   */
  expectedKickbackReps?: number;
  /**
   * Every count that is right for a clip whose last rep is cut off (e.g. [3, 4]: 3 complete
   * reps, a 4th whose return is lost in a crossfade). repCount is the complete ones.
   */
  repCountAny?: number[];
  /** The lifter's working leg (anatomical), where labelled. */
  workingLeg?: 'left' | 'right' | null;
  /**
   * Variants (src/node/clip-variants.ts) on which the analyser does not yet give an exact
   * count, with what was observed. The exact count and the framing warning are waived there;
   * an invented rep never is.
   */
  variantGaps?: Record<string, { reason: string }>;
  /**
   * Detector landmark fixtures (tests/fixtures/landmarks) the analyser does not yet count
   * exactly, by detector id: the count may be off by at most maxCountError there.
   */
  knownGaps?: Record<string, { maxCountError: number; reason: string }>;
}

export interface RepEvalRow {
  clip: string;
  exercise: string | null;
  /** Kickback reps the analyser should find: the labelled count for a kickback clip, 0 for any other exercise. */
  labelledReps: number | null;
  foundReps: number;
  /** found − labelled; null when unlabelled. */
  countError: number | null;
  workingLeg: string | null;
  /** The labelled working leg, where labelled. */
  labelledWorkingLeg: string | null;
  facing: string | null;
  labelledFacing: string | null;
  facingCorrect: boolean | null;
  view: string | null;
  /** Mean |found peak − labelled peak| over labelled peaks, each matched to the nearest found one; null if either side has none. */
  peakErrorS: number | null;
  flags: string[];
  error: string | null;
  /** How long the analysis took (video runs only). */
  speed?: RepEvalSpeed;
  /** The same clip over every frame (the committed landmark fixture), where there is one. */
  allFrames?: Pick<RepEvalRow, 'foundReps' | 'countError' | 'facing' | 'peakErrorS' | 'flags'> | null;
}

export interface RepEvalSpeed {
  /** Seconds of video. */
  videoS: number;
  /** Frames analysed per second of video. */
  analysisFps: number;
  /** Wall-clock seconds the analysis took (decode + model + core; the model load is not included). */
  secondsTaken: number;
  /** CPU seconds of this process over the same span (ffmpeg, a separate process, not included). */
  cpuSecondsTaken: number;
  /** videoS / secondsTaken: 1 = as fast as the video plays. */
  xRealTime: number;
  /** videoS / cpuSecondsTaken: what xRealTime would be with this process alone on one core. */
  xRealTimeCpu: number;
}

export function repEvalSpeed(videoS: number, analysisFps: number, secondsTaken: number, cpuSecondsTaken: number): RepEvalSpeed {
  const ratio = (seconds: number): number => (seconds > 0 ? Number((videoS / seconds).toFixed(2)) : 0);
  return {
    videoS,
    analysisFps,
    secondsTaken: Number(secondsTaken.toFixed(2)),
    cpuSecondsTaken: Number(cpuSecondsTaken.toFixed(2)),
    xRealTime: ratio(secondsTaken),
    xRealTimeCpu: ratio(cpuSecondsTaken),
  };
}

export interface RepEvalTotals {
  labelledClips: number;
  exactCountRate: number | null;
  offByOneRate: number | null;
  meanAbsCountError: number | null;
  facingAccuracy: number | null;
}

/** Exercises that are kickbacks (hip extension with the leg going back from a hinge or all fours). */
const KICKBACK_EXERCISE = /kickback|donkey kick|hip extension/i;

/**
 * What a kickback counter should report for a clip. labels.json counts each clip's own
 * exercise (squats in a squat clip); the analyser must count none of those, so any labelled
 * non-kickback clip expects 0, labelled or not.
 */
export function expectedKickbackReps(label: ClipLabel): number | null {
  if (typeof label.expectedKickbackReps === 'number') return label.expectedKickbackReps;
  if (label.exercise !== undefined && !KICKBACK_EXERCISE.test(label.exercise)) return 0;
  return typeof label.repCount === 'number' ? label.repCount : null;
}

/**
 * Every count a kickback counter may report for the clip: repCountAny for a kickback clip that
 * lists it, else the single expected count; null when unlabelled.
 */
export function acceptedKickbackReps(label: ClipLabel): number[] | null {
  const expected = expectedKickbackReps(label);
  if (expected === null) return null;
  const usesRepCount = typeof label.expectedKickbackReps !== 'number' && expected === label.repCount;
  if (usesRepCount && Array.isArray(label.repCountAny) && label.repCountAny.length > 0) return [...label.repCountAny].sort((a, b) => a - b);
  return [expected];
}

/** found − the nearest accepted count (0 when accepted); null when unlabelled. */
export function countErrorOf(found: number, accepted: readonly number[] | null): number | null {
  if (accepted === null || accepted.length === 0) return null;
  return accepted.map((a) => found - a).reduce((best, e) => (Math.abs(e) < Math.abs(best) ? e : best));
}

export function evaluateClip(clip: string, report: ClipReport, label: ClipLabel): RepEvalRow {
  const labelled = expectedKickbackReps(label);
  const found = report.summary.repCount;
  const peaks = report.reps.map((r) => r.peakS);
  const labelledPeaks = label.repPeaksS ?? [];
  const peakErrorS =
    peaks.length > 0 && labelledPeaks.length > 0
      ? labelledPeaks.reduce((sum, t) => sum + Math.min(...peaks.map((p) => Math.abs(p - t))), 0) / labelledPeaks.length
      : null;
  const labelledFacing = label.facing ?? null;
  return {
    clip,
    exercise: label.exercise ?? null,
    labelledReps: labelled,
    foundReps: found,
    countError: countErrorOf(found, acceptedKickbackReps(label)),
    workingLeg: report.workingLeg,
    labelledWorkingLeg: label.workingLeg ?? null,
    facing: report.facing,
    labelledFacing,
    facingCorrect: labelledFacing === null ? null : report.facing === labelledFacing,
    view: report.view,
    peakErrorS: peakErrorS === null ? null : Number(peakErrorS.toFixed(2)),
    flags: Object.keys(report.summary.flagCounts).sort(),
    error: report.error?.code ?? null,
  };
}

const rate = (hits: number, total: number): number | null => (total === 0 ? null : Number((hits / total).toFixed(3)));

export function totals(rows: readonly RepEvalRow[]): RepEvalTotals {
  const counted = rows.filter((r) => r.countError !== null);
  const errors = counted.map((r) => Math.abs(r.countError as number));
  const facing = rows.filter((r) => r.facingCorrect !== null);
  return {
    labelledClips: counted.length,
    exactCountRate: rate(errors.filter((e) => e === 0).length, counted.length),
    offByOneRate: rate(errors.filter((e) => e === 1).length, counted.length),
    meanAbsCountError: counted.length === 0 ? null : Number((errors.reduce((a, b) => a + b, 0) / counted.length).toFixed(3)),
    facingAccuracy: rate(facing.filter((r) => r.facingCorrect).length, facing.length),
  };
}

/** Median and 90th percentile (nearest rank) of absolute errors. */
export function errorStats(values: readonly number[]): { n: number; median: number | null; p90: number | null } {
  if (values.length === 0) return { n: 0, median: null, p90: null };
  const sorted = [...values].sort((a, b) => a - b);
  const rank = (q: number) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))] as number;
  const mid = sorted.length / 2;
  const median = sorted.length % 2 === 1 ? (sorted[Math.floor(mid)] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
  return { n: sorted.length, median: Number(median.toFixed(1)), p90: Number(rank(0.9).toFixed(1)) };
}
