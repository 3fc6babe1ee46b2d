/**
 * Builds RepMetrics fixtures for the rules tests: a clean, controlled rep by default, with the
 * per-rep series generated from the same shape so the summary numbers and the series agree.
 * Faults are injected by overriding the numbers (or the series shape) the rule reads.
 */
import type { RepMetrics, RepSample, Side } from '../../src/analysis/types';

export interface SeriesShape {
  startMs: number;
  /** Lift duration, hold at the top, lowering duration (seconds). */
  upS: number;
  holdS: number;
  downS: number;
  restHipDeg: number;
  peakHipDeg: number;
  /** Arch proxy rises `archSlope` degrees per degree of hip extension beyond this (null = never). */
  archOnsetHipDeg: number | null;
  archSlope: number;
  kneeDeg: number;
  torsoLeanDeg: number;
  sampleEveryMs: number;
  /** Added to every arch sample, by sample index (deterministic "noise"). */
  archNoise?: (i: number) => number;
}

export const CLEAN_SHAPE: SeriesShape = {
  startMs: 1000,
  upS: 1.2,
  holdS: 0.5,
  downS: 1.5,
  restHipDeg: -20,
  peakHipDeg: 15,
  archOnsetHipDeg: null,
  archSlope: 1,
  kneeDeg: 15,
  torsoLeanDeg: 45,
  sampleEveryMs: 33,
};

/** Smooth (cosine) rise, flat hold, smooth fall: the shape of a controlled kick. */
export function hipAt(shape: SeriesShape, tMs: number): number {
  const t = (tMs - shape.startMs) / 1000;
  const { upS, holdS, downS, restHipDeg: a, peakHipDeg: b } = shape;
  const ease = (x: number): number => 0.5 - 0.5 * Math.cos(Math.PI * Math.min(1, Math.max(0, x)));
  if (t <= upS) return a + (b - a) * ease(t / upS);
  if (t <= upS + holdS) return b;
  return b + (a - b) * ease((t - upS - holdS) / downS);
}

export function makeSeries(shape: SeriesShape): RepSample[] {
  const endMs = shape.startMs + (shape.upS + shape.holdS + shape.downS) * 1000;
  const out: RepSample[] = [];
  let i = 0;
  for (let t = shape.startMs; t <= endMs + 1e-6; t += shape.sampleEveryMs, i += 1) {
    const hip = hipAt(shape, t);
    const arch =
      (shape.archOnsetHipDeg === null ? 0 : Math.max(0, hip - shape.archOnsetHipDeg) * shape.archSlope) +
      (shape.archNoise?.(i) ?? 0);
    out.push({
      tMs: t,
      hipExtensionDeg: hip,
      thighElevationDeg: hip + shape.torsoLeanDeg,
      lumbarArchDeg: arch,
      kneeFlexionDeg: shape.kneeDeg,
      torsoLeanDeg: shape.torsoLeanDeg - arch,
    });
  }
  return out;
}

let nextIndex = 1;

/** A rep whose summary numbers are computed from the series shape, then overridden. */
export function makeRep(
  overrides: Partial<RepMetrics> = {},
  shapeOverrides: Partial<SeriesShape> = {},
  leg: Side = 'right',
): RepMetrics {
  const shape: SeriesShape = { ...CLEAN_SHAPE, ...shapeOverrides };
  const series = makeSeries(shape);
  const peakHip = Math.max(...series.map((s) => s.hipExtensionDeg ?? -Infinity));
  const archPeak = Math.max(...series.map((s) => s.lumbarArchDeg ?? -Infinity));
  const startMs = shape.startMs;
  const peakMs = startMs + shape.upS * 1000;
  const endMs = startMs + (shape.upS + shape.holdS + shape.downS) * 1000;
  const rom = peakHip - shape.restHipDeg;
  return {
    index: nextIndex++,
    leg,
    startMs,
    peakMs,
    endMs,
    peakHipExtensionDeg: peakHip,
    romDeg: rom,
    concentricS: shape.upS,
    eccentricS: shape.holdS + shape.downS,
    holdS: shape.holdS,
    // Peak speed of a cosine ease: π/2 · range / duration.
    peakAngularVelocityDegS: ((Math.PI / 2) * rom) / Math.min(shape.upS, shape.downS),
    kneeFlexionAtPeakDeg: shape.kneeDeg,
    kneeFlexionRangeDeg: 2,
    kneeFlexionRiseLiftingDeg: 1,
    torsoLeanMeanDeg: shape.torsoLeanDeg,
    // Independent of the arch on purpose: each rule is tested on its own signal. (With the
    // trunk-lean arch proxy a real arch also widens the torso range; see the report.)
    torsoLeanRangeDeg: 3,
    lumbarArchPeakDeg: archPeak,
    pelvisTiltMaxDeg: null,
    pelvisTiltRiseDeg: null,
    anglePath: '2d',
    confidence: 1,
    series,
    ...overrides,
  };
}
