/**
 * Per-rep metrics (docs/design.md#reps-and-phases) from the frames between a rep's start and end. Knee values use
 * medians of a few frames because BlazePose knee flexion has isolated spikes (docs/design.md#landmark-noise:
 * RMS 3.5–5°); everything unknown is null, never NaN.
 */
import { mean, median, quantile, runningMedian } from '../signal/robust-stats';
import type { LegFrameSample } from './leg-frame-sample';
import type { RepEvent } from './rep-phase-machine';
import type { AnglePath, RepMetrics, RepSample, Side } from './types';

// ref: docs/design.md#landmark-noise, isolated knee spikes: a median over ±2 frames removes a 1–2 frame spike.
const KNEE_MEDIAN_HALF_WIDTH = 2;
// ref: docs/design.md#landmark-noise (knee spikes) and "3–30 processed fps": knee "at" a moment = median of the frames within 300 ms (≥ the nearest one at 3 fps): before
// the start for the start value, around the peak for the peak value.
const KNEE_NEAR_MS = 300;
// ref: docs/design.md#form-rules momentum rule (> 300°/s), read over 200 ms as the rule's own speed
// (src/feedback/rule-config.ts SIGNAL_LIMITS.speedSpanMs says why: at 10 fps a 100 ms span is a
// single frame difference, whose spread across camera setups was 2× larger).
const SPEED_SPAN_MS = 200;
// ref: docs/design.md#landmark-noise, torso lean noise 0.1–0.3°: torso and arch proxies are smooth (0.1–0.3° noise) but a ±1 frame median still tames outliers.
const SMOOTH_HALF_WIDTH = 1;
// ref: as KNEE_MEDIAN_HALF_WIDTH (a ±2-frame median removes a 1–2 frame spike). Torso sway read
// max − min of a ±1-frame median let one bad frame at a rep's edge set it: measure-noise
// (scripts/measure-signal-noise.ts) saw donkey_kick_cgi_kinkatsu's sway read 5° on the base clip,
// 20° on far and 45° on webcam15 (a single 100° frame at the rep's start).
const SWAY_MEDIAN_HALF_WIDTH = 2;
// ref: a swing rocks the torso for a good part of the rep (≥ 0.3 s of a 1.5–3 s rep, guide's
// "controlled, deliberate motion"); the 5–95 % range ignores excursions shorter than 5 % of the
// rep (1 frame of a 2 s rep at 10 fps, 3 at 30 fps), which are landmark glitches.
const SWAY_QUANTILE = 0.05;
// ref: docs/rules.md "Pelvis rotation": the level reference is the hip line in the frames just
// before the lift, read as the knee's start value is (KNEE_NEAR_MS before the start, ≥ the
// nearest frame at 3 fps). An absolute tilt carried the camera's and the model's bias: on the
// real side-view clip (cable_kickback_real_side_curvelog) the hip line was read only while the
// kicking thigh was high (view 'oblique' then, 'side' at rest) and its 20–28° "tilt" fell to
// 4–6° as the leg came down: the thigh, not the pelvis.
const PELVIS_REF_BEFORE_MS = KNEE_NEAR_MS;

function nearMedian(
  samples: readonly LegFrameSample[],
  tMs: number,
  pick: (s: LegFrameSample) => number | null,
  beforeOnly: boolean,
): number | null {
  const near = samples
    .filter((s) => s.t - tMs <= (beforeOnly ? 0 : KNEE_NEAR_MS) && tMs - s.t <= KNEE_NEAR_MS)
    .map(pick);
  const m = median(near);
  if (m !== null) return m;
  let best: LegFrameSample | null = null;
  for (const s of samples) {
    if (pick(s) !== null && (best === null || Math.abs(s.t - tMs) < Math.abs(best.t - tMs))) best = s;
  }
  return best === null ? null : pick(best);
}

/**
 * Largest thigh speed over spans of at least SPEED_SPAN_MS on a ±1-frame median of the thigh
 * series: frame-to-frame differences read a single glitched frame as a swing.
 */
function peakThighSpeedDegS(samples: readonly LegFrameSample[]): number | null {
  const thigh = runningMedian(
    samples.map((s) => s.thighDeg),
    SMOOTH_HALF_WIDTH,
  );
  let peak: number | null = null;
  let j = 0;
  for (let i = 0; i < samples.length; i += 1) {
    const a = samples[i];
    const va = thigh[i];
    if (a === undefined || va === null || va === undefined) continue;
    if (j <= i) j = i + 1;
    while (j < samples.length && (samples[j]?.t ?? Infinity) - a.t < SPEED_SPAN_MS) j += 1;
    const b = samples[j];
    const vb = thigh[j];
    if (b === undefined || vb === null || vb === undefined) continue;
    const v = Math.abs(vb - va) / ((b.t - a.t) / 1000);
    if (Number.isFinite(v) && (peak === null || v > peak)) peak = v;
  }
  return peak;
}

/**
 * Torso sway: the 5–95 % range of the torso lean over the rep's frames, median-filtered over the
 * frames around the rep as well, so its first and last frames get a full window.
 */
function torsoSwayDeg(all: readonly LegFrameSample[], from: number, to: number): number | null {
  const leans = runningMedian(
    all.map((s) => s.torsoLeanDeg),
    SWAY_MEDIAN_HALF_WIDTH,
  ).slice(from, to + 1);
  const hi = quantile(leans, 1 - SWAY_QUANTILE);
  const lo = quantile(leans, SWAY_QUANTILE);
  return hi === null || lo === null ? null : hi - lo;
}

function maxOf(values: readonly (number | null)[]): number | null {
  let m: number | null = null;
  for (const v of values) if (v !== null && Number.isFinite(v) && (m === null || v > m)) m = v;
  return m;
}

function minOf(values: readonly (number | null)[]): number | null {
  let m: number | null = null;
  for (const v of values) if (v !== null && Number.isFinite(v) && (m === null || v < m)) m = v;
  return m;
}

function rangeOf(values: readonly (number | null)[]): number | null {
  const hi = maxOf(values);
  const lo = minOf(values);
  return hi === null || lo === null ? null : hi - lo;
}

/** Time (ms) the signal spends at or above `level`, linear between samples. */
function timeAbove(samples: readonly LegFrameSample[], level: number): number {
  let total = 0;
  for (let i = 1; i < samples.length; i += 1) {
    const a = samples[i - 1];
    const b = samples[i];
    if (a === undefined || b === undefined || a.thighDeg === null || b.thighDeg === null) continue;
    const dt = b.t - a.t;
    const ia = a.thighDeg >= level;
    const ib = b.thighDeg >= level;
    if (ia && ib) total += dt;
    else if (ia !== ib) {
      const k = (level - a.thighDeg) / (b.thighDeg - a.thighDeg);
      total += ia ? k * dt : (1 - k) * dt;
    }
  }
  return total;
}

/**
 * The rep's largest hip-line tilt beyond its tilt at the start (median of the frames within
 * PELVIS_REF_BEFORE_MS before the start). Null without a reference or without a tilt in the rep.
 */
function pelvisTiltRiseDeg(all: readonly LegFrameSample[], repSamples: readonly LegFrameSample[], startMs: number): number | null {
  const ref = median(
    all
      .filter((s) => s.t <= startMs && startMs - s.t <= PELVIS_REF_BEFORE_MS)
      .map((s) => s.pelvisTiltDeg)
      .filter((v): v is number => v !== null && Number.isFinite(v)),
  );
  if (ref === null) return null;
  const peak = maxOf(repSamples.map((s) => (s.pelvisTiltDeg === null ? null : Math.abs(s.pelvisTiltDeg - ref))));
  return peak === null ? null : peak;
}

function round(v: number | null, digits = 2): number | null {
  if (v === null || !Number.isFinite(v)) return null;
  const f = 10 ** digits;
  return Math.round(v * f) / f;
}

export interface RepMetricsInput {
  index: number;
  leg: Side;
  event: RepEvent;
  /** Frames of this leg around the rep, in time order (nulls included); the rep's own frames
   * are those from the last one at or before its start to the first at or after its end. */
  samples: readonly LegFrameSample[];
  holdBandDeg: number;
}

export function computeRepMetrics(input: RepMetricsInput): RepMetrics {
  const { event } = input;
  const all = input.samples;
  let from = 0;
  for (let i = 0; i < all.length; i += 1) if ((all[i]?.t ?? Infinity) <= event.startMs) from = i;
  let to = all.length - 1;
  for (let i = all.length - 1; i >= from; i -= 1) if ((all[i]?.t ?? -Infinity) >= event.endMs) to = i;
  const samples = all.slice(from, to + 1);
  const allKnees = runningMedian(
    all.map((s) => s.kneeFlexionDeg),
    KNEE_MEDIAN_HALF_WIDTH,
  );
  const kneeAll = all.map((s, i) => ({ ...s, kneeFlexionDeg: allKnees[i] ?? null }));
  const knees = allKnees.slice(from, to + 1);
  const kneeAtPeak = nearMedian(kneeAll, event.peakMs, (s) => s.kneeFlexionDeg, false);
  const kneeAtStart = nearMedian(kneeAll, event.startMs, (s) => s.kneeFlexionDeg, true);
  const liftingKnees = kneeAll
    .slice(from, to + 1)
    .filter((s) => s.t <= event.peakMs)
    .map((s) => s.kneeFlexionDeg);
  const kneeMaxLifting = maxOf(liftingKnees);
  const kneeRise =
    kneeAtStart === null || kneeMaxLifting === null ? null : Math.max(0, kneeMaxLifting - kneeAtStart);

  const peakSpeed = peakThighSpeedDegS(samples);

  const arches = runningMedian(
    samples.map((s) => s.lumbarArchDeg),
    SMOOTH_HALF_WIDTH,
  );
  const ok = samples.filter((s) => s.thighDeg !== null && s.hipExtensionDeg !== null && s.kneeFlexionDeg !== null);
  const threeD = samples.filter((s) => s.path === '3d').length;
  const path: AnglePath = threeD * 2 > samples.length ? '3d' : '2d';

  const series: RepSample[] = samples.map((s) => ({
    tMs: s.t,
    hipExtensionDeg: round(s.hipExtensionDeg),
    thighElevationDeg: round(s.thighDeg),
    lumbarArchDeg: round(s.lumbarArchDeg),
    kneeFlexionDeg: round(s.kneeFlexionDeg),
    torsoLeanDeg: round(s.torsoLeanDeg),
  }));

  return {
    index: input.index,
    leg: input.leg,
    startMs: event.startMs,
    peakMs: event.peakMs,
    endMs: event.endMs,
    peakHipExtensionDeg: maxOf(samples.map((s) => s.hipExtensionDeg)),
    romDeg: event.romDeg,
    concentricS: Math.max(0, event.topStartMs - event.startMs) / 1000,
    eccentricS: Math.max(0, event.endMs - event.topEndMs) / 1000,
    holdS: timeAbove(samples, event.peakDeg - input.holdBandDeg) / 1000,
    peakAngularVelocityDegS: peakSpeed,
    kneeFlexionAtPeakDeg: kneeAtPeak,
    kneeFlexionRangeDeg: rangeOf(knees),
    kneeFlexionRiseLiftingDeg: kneeRise,
    torsoLeanMeanDeg: mean(samples.map((s) => s.torsoLeanDeg)),
    torsoLeanRangeDeg: torsoSwayDeg(all, from, to),
    lumbarArchPeakDeg: maxOf(arches),
    pelvisTiltMaxDeg: maxOf(samples.map((s) => s.pelvisTiltDeg)),
    pelvisTiltRiseDeg: pelvisTiltRiseDeg(all, samples, event.startMs),
    anglePath: path,
    confidence: samples.length === 0 ? 0 : ok.length / samples.length,
    series,
  };
}
