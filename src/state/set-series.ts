/**
 * A set's time series, as plain data and pure functions (no runes, no DOM, no clock): what the
 * summary plots and the replay read. Two parts with different fates:
 * - the angle series (hip extension, knee flexion, torso lean, lumbar arch), downsampled, is
 *   small and goes with the set (plots, history);
 * - the replay frames (smoothed pixel landmarks per analysed frame) never leave the device and
 *   hold no picture: joints only.
 */
import type { Phase, RepMetrics, Side } from '../analysis/types';
import type { RepVerdict, RuleId } from '../feedback';
import type { KeypointSet } from '../pose/types';

/** The four plotted angles, in plot order. */
export const ANGLE_CHANNELS = ['hipExtensionDeg', 'kneeFlexionDeg', 'torsoLeanDeg', 'lumbarArchDeg'] as const;
export type AngleChannel = (typeof ANGLE_CHANNELS)[number];

/** One instant of the angle series: frame time (ms) and the analysis core's smoothed angles. */
export type AngleSample = { tMs: number } & Record<AngleChannel, number | null>;

/** One analysed frame as the replay draws it: joints and angles, no pixels of the picture. */
export interface ReplayFrame {
  tMs: number;
  imageWidth: number;
  imageHeight: number;
  keypointSet: KeypointSet;
  /** Smoothed landmarks, packed x, y, visibility per joint (the pose's index table). */
  xyv: Float32Array;
  workingLeg: Side | null;
  /** The rep phase shown then (null for a recording read back from storage, which keeps none). */
  phase: Phase | null;
  angles: AngleSample;
}

/** A cue as it was on screen: from when it appeared to when it went. */
export interface CueSpan {
  startMs: number;
  endMs: number;
  text: string;
  tone: 'good' | 'warn' | 'bad';
  ruleId: string;
}

/** Everything recorded for one set. */
export interface SetRecording {
  frames: readonly ReplayFrame[];
  cues: readonly CueSpan[];
}

/** Landmarks back from their packed form (for drawing). */
export function unpackLandmarks(xyv: Float32Array): { x: number; y: number; visibility: number }[] {
  const out: { x: number; y: number; visibility: number }[] = [];
  for (let i = 0; i + 2 < xyv.length; i += 3) out.push({ x: xyv[i]!, y: xyv[i + 1]!, visibility: xyv[i + 2]! });
  return out;
}

export function packLandmarks(landmarks: readonly { x: number; y: number; visibility: number }[]): Float32Array {
  const out = new Float32Array(landmarks.length * 3);
  landmarks.forEach((p, i) => {
    out[i * 3] = p.x;
    out[i * 3 + 1] = p.y;
    out[i * 3 + 2] = p.visibility;
  });
  return out;
}

/**
 * Thins an angle series to at most about `maxPoints` samples while keeping its shape: the span is
 * cut into equal time buckets, and each bucket keeps the samples holding every channel's minimum
 * and maximum (so a rep's peak hip extension, the number the lifter reads, is never averaged
 * away), plus its first sample when every channel is unknown there (a gap stays a gap).
 * Samples at `keepTimesMs` (rep peaks, flag moments) are kept whatever the bucket says.
 * Output: a subset of the input, in time order, at most `maxPoints + keepTimesMs.length` long.
 */
export function downsampleAngles(samples: readonly AngleSample[], maxPoints: number, keepTimesMs: readonly number[] = []): AngleSample[] {
  if (samples.length <= maxPoints) return samples.slice();
  // Each bucket keeps up to two samples per channel (min and max).
  const perBucket = 2 * ANGLE_CHANNELS.length;
  const buckets = Math.max(1, Math.floor(maxPoints / perBucket));
  const t0 = samples[0]!.tMs;
  const span = Math.max(1, samples.at(-1)!.tMs - t0);
  const keep = new Set<number>();
  const keepTimes = new Set(keepTimesMs);
  let start = 0;
  for (let b = 0; b < buckets && start < samples.length; b++) {
    const endT = b === buckets - 1 ? Number.POSITIVE_INFINITY : t0 + (span * (b + 1)) / buckets;
    let end = start;
    while (end < samples.length && samples[end]!.tMs < endT) end++;
    if (end === start) continue;
    let anyKnown = false;
    for (const ch of ANGLE_CHANNELS) {
      let lo = -1;
      let hi = -1;
      for (let i = start; i < end; i++) {
        const v = samples[i]![ch];
        if (v === null || !Number.isFinite(v)) continue;
        if (lo < 0 || v < samples[lo]![ch]!) lo = i;
        if (hi < 0 || v > samples[hi]![ch]!) hi = i;
      }
      if (lo >= 0) {
        anyKnown = true;
        keep.add(lo);
        keep.add(hi);
      }
    }
    if (!anyKnown) keep.add(start);
    start = end;
  }
  samples.forEach((s, i) => {
    if (keepTimes.has(s.tMs)) keep.add(i);
  });
  return [...keep].sort((a, b) => a - b).map((i) => samples[i]!);
}

/**
 * Inserts an all-unknown sample into every gap longer than `maxGapMs` (the picture stopped, the
 * set was paused), so a plot breaks its line there instead of drawing a straight line across.
 */
export function breakGaps(samples: readonly AngleSample[], maxGapMs: number): AngleSample[] {
  const out: AngleSample[] = [];
  for (const s of samples) {
    const prev = out.at(-1);
    if (prev && s.tMs - prev.tMs > maxGapMs) {
      out.push({ tMs: (prev.tMs + s.tMs) / 2, hipExtensionDeg: null, kneeFlexionDeg: null, torsoLeanDeg: null, lumbarArchDeg: null });
    }
    out.push(s);
  }
  return out;
}

/**
 * The angle series rebuilt from the reps' own samples, for a set that has no recorded series
 * (one recovered after a reload): the reps are there, the time between them is not.
 */
export function anglesFromReps(reps: readonly RepMetrics[]): AngleSample[] {
  const out: AngleSample[] = [];
  for (const rep of [...reps].sort((a, b) => a.startMs - b.startMs)) {
    for (const s of rep.series) {
      if (out.length && s.tMs <= out.at(-1)!.tMs) continue;
      out.push({ tMs: s.tMs, hipExtensionDeg: s.hipExtensionDeg, kneeFlexionDeg: s.kneeFlexionDeg, torsoLeanDeg: s.torsoLeanDeg, lumbarArchDeg: s.lumbarArchDeg });
    }
  }
  return out;
}

/** The rep whose span [startMs, endMs] holds `tMs`, or null (between reps). */
export function repAt(reps: readonly RepMetrics[], tMs: number): RepMetrics | null {
  return reps.find((r) => tMs >= r.startMs && tMs <= r.endMs) ?? null;
}

/** Index of the last frame at or before `tMs` (0 before the first; -1 when there is none). */
export function frameIndexAt(frames: readonly { tMs: number }[], tMs: number): number {
  if (frames.length === 0) return -1;
  let lo = 0;
  let hi = frames.length - 1;
  if (tMs <= frames[0]!.tMs) return 0;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (frames[mid]!.tMs <= tMs) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/**
 * The rep to step to from `tMs`: the next one starting after it (direction 1), or the one
 * before the rep holding `tMs` (direction -1; from between reps, the last one before). Null at
 * either end.
 */
export function stepRep(reps: readonly RepMetrics[], tMs: number, direction: 1 | -1): RepMetrics | null {
  const sorted = [...reps].sort((a, b) => a.startMs - b.startMs);
  // ref: half a frame at 30 fps; a time a hair after a rep's start still counts as "at" that rep.
  const epsMs = 17;
  if (direction === 1) return sorted.find((r) => r.startMs > tMs + epsMs) ?? null;
  const before = sorted.filter((r) => r.startMs < tMs - epsMs);
  const current = repAt(sorted, tMs);
  if (current && before.at(-1) === current) return before.at(-2) ?? null;
  return before.at(-1) ?? null;
}

/** The cue on screen at `tMs`, or null. */
export function cueAt(cues: readonly CueSpan[], tMs: number): CueSpan | null {
  for (let i = cues.length - 1; i >= 0; i--) {
    const c = cues[i]!;
    if (tMs >= c.startMs && tMs <= c.endMs) return c;
  }
  return null;
}

/** A flagged moment on the plots: the rule, when, and which angle it concerns. */
export interface FlagMoment {
  tMs: number;
  repIndex: number;
  ruleId: RuleId;
  channel: AngleChannel;
  borderline: boolean;
}

/**
 * Where a flag's measure belongs on the set's time line and on which plot. A verdict judges a
 * rep's numbers, not instants; each number is read at a phase of the rep (metrics in
 * src/analysis/rep-metrics.ts): peak values at the peak, lifting-phase values mid-lift,
 * lowering values mid-lowering, whole-rep values mid-rep.
 */
const MEASURE_PLACE: Record<string, { at: 'peak' | 'lift' | 'lower' | 'mid'; channel: AngleChannel }> = {
  peakHipExtensionDeg: { at: 'peak', channel: 'hipExtensionDeg' },
  holdS: { at: 'peak', channel: 'hipExtensionDeg' },
  concentricS: { at: 'lift', channel: 'hipExtensionDeg' },
  peakThighSpeedDegS: { at: 'lift', channel: 'hipExtensionDeg' },
  eccentricS: { at: 'lower', channel: 'hipExtensionDeg' },
  archRiseDeg: { at: 'peak', channel: 'lumbarArchDeg' },
  pelvisTiltRiseDeg: { at: 'peak', channel: 'lumbarArchDeg' },
  kneeFlexionAtPeakDeg: { at: 'peak', channel: 'kneeFlexionDeg' },
  kneeFlexionRiseLiftingDeg: { at: 'lift', channel: 'kneeFlexionDeg' },
  torsoLeanMeanDeg: { at: 'mid', channel: 'torsoLeanDeg' },
  torsoLeanRangeDeg: { at: 'mid', channel: 'torsoLeanDeg' },
};

export function flagMoments(reps: readonly RepMetrics[], verdicts: readonly RepVerdict[]): FlagMoment[] {
  const out: FlagMoment[] = [];
  for (const v of verdicts) {
    const rep = reps.find((r) => r.index === v.repIndex);
    if (!rep) continue;
    for (const f of v.flags) {
      const place = MEASURE_PLACE[f.measure] ?? { at: 'mid', channel: 'hipExtensionDeg' as const };
      const tMs =
        place.at === 'peak' ? rep.peakMs
        : place.at === 'lift' ? (rep.startMs + rep.peakMs) / 2
        : place.at === 'lower' ? (rep.peakMs + rep.endMs) / 2
        : (rep.startMs + rep.endMs) / 2;
      out.push({ tMs, repIndex: rep.index, ruleId: f.ruleId, channel: place.channel, borderline: f.borderline });
    }
  }
  return out.sort((a, b) => a.tMs - b.tMs);
}
