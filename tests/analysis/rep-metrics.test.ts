import { describe, expect, it } from 'vitest';
import type { LegFrameSample } from '../../src/analysis/leg-frame-sample';
import { computeRepMetrics } from '../../src/analysis/rep-metrics';

/** A 3 s rep (31 frames at 10 fps) after half a second at rest, as the analyser passes it. */
function samples(knee: (i: number) => number | null, n = 31): LegFrameSample[] {
  return Array.from({ length: n + 5 }, (_, j) => {
    const i = j - 5;
    const s = i < 0 ? 0 : Math.sin((Math.PI * i) / (n - 1));
    return {
      t: i * 100,
      thighDeg: 20 + 40 * s,
      hipExtensionDeg: -25 + 40 * s,
      kneeFlexionDeg: knee(Math.max(0, i)),
      torsoLeanDeg: 45,
      lumbarArchDeg: 2 * s,
      pelvisTiltDeg: null,
      otherThighDeg: 0,
      hipHeightPx: -300,
      thighLengthPx: 120,
      path: '2d',
      legSeen: true,
      trunkSeen: true,
      ambiguous: false,
    };
  });
}

const event = { startMs: 0, topStartMs: 1200, peakMs: 1500, topEndMs: 1800, endMs: 3000, restDeg: 20, peakDeg: 60, romDeg: 40 };

describe('per-rep metrics', () => {
  it('knee values shrug off isolated BlazePose spikes', () => {
    const clean = computeRepMetrics({ index: 1, leg: 'right', event, samples: samples(() => 20), holdBandDeg: 5 });
    const spiky = computeRepMetrics({ index: 1, leg: 'right', event, samples: samples((i) => (i === 15 || i === 7 ? 75 : 20)), holdBandDeg: 5 });
    expect(spiky.kneeFlexionAtPeakDeg).toBe(clean.kneeFlexionAtPeakDeg);
    expect(spiky.kneeFlexionRangeDeg).toBeLessThan(1);
    expect(spiky.kneeFlexionRiseLiftingDeg).toBeLessThan(1);
  });

  it('peak angular velocity ignores a single glitched frame', () => {
    const clean = computeRepMetrics({ index: 1, leg: 'right', event, samples: samples(() => 20), holdBandDeg: 5 });
    const glitch = samples(() => 20).map((s, i) => (i === 20 ? { ...s, thighDeg: (s.thighDeg ?? 0) + 40 } : s));
    const m = computeRepMetrics({ index: 1, leg: 'right', event, samples: glitch, holdBandDeg: 5 });
    expect(m.peakAngularVelocityDegS).toBeCloseTo(clean.peakAngularVelocityDegS ?? NaN, 6);
  });

  it('torso sway reads a sustained rock, not one glitched frame at the rep edge', () => {
    const withLean = (lean: (i: number) => number): LegFrameSample[] =>
      samples(() => 20).map((s) => ({ ...s, torsoLeanDeg: lean(s.t / 100) }));
    // First frame of the rep read 55° off (donkey_kick_cgi_kinkatsu webcam15 read 100° for 45°).
    const edge = computeRepMetrics({ index: 1, leg: 'right', event, samples: withLean((i) => (i === 0 ? 100 : 45)), holdBandDeg: 5 });
    expect(edge.torsoLeanRangeDeg).toBeLessThan(1);
    const last = computeRepMetrics({ index: 1, leg: 'right', event, samples: withLean((i) => (i === 30 ? 10 : 45)), holdBandDeg: 5 });
    expect(last.torsoLeanRangeDeg).toBeLessThan(1);
    // A 15° rock over the middle second of the rep is sway.
    const rock = computeRepMetrics({ index: 1, leg: 'right', event, samples: withLean((i) => (i >= 10 && i <= 20 ? 60 : 45)), holdBandDeg: 5 });
    expect(rock.torsoLeanRangeDeg).toBeCloseTo(15, 6);
  });

  it('pelvis: judges the tilt beyond its level just before the lift, not the camera\'s constant tilt', () => {
    const withTilt = (tilt: (t: number) => number | null): LegFrameSample[] =>
      samples(() => 20).map((s) => ({ ...s, pelvisTiltDeg: tilt(s.t) }));
    // A camera looking across the hips: 20° on every frame, before and during the rep.
    const constant = computeRepMetrics({ index: 1, leg: 'right', event, samples: withTilt(() => 20), holdBandDeg: 5 });
    expect(constant.pelvisTiltMaxDeg).toBe(20);
    expect(constant.pelvisTiltRiseDeg).toBe(0);
    // Level at rest (3°), dropping to 15° at the top.
    const drop = computeRepMetrics({ index: 1, leg: 'right', event, samples: withTilt((t) => (t >= 1000 && t <= 2000 ? 15 : 3)), holdBandDeg: 5 });
    expect(drop.pelvisTiltRiseDeg).toBe(12);
    // The hip line seen only mid-rep (a side view read as oblique while the thigh is high): no
    // reference before the lift, so no judgement.
    const midOnly = computeRepMetrics({ index: 1, leg: 'right', event, samples: withTilt((t) => (t >= 1000 && t <= 2000 ? 25 : null)), holdBandDeg: 5 });
    expect(midOnly.pelvisTiltMaxDeg).toBe(25);
    expect(midOnly.pelvisTiltRiseDeg).toBeNull();
  });

  it('measures a knee that curls while the leg lifts, but not one that straightens', () => {
    const curl = computeRepMetrics({ index: 1, leg: 'left', event, samples: samples((i) => 20 + 30 * Math.sin((Math.PI * i) / 30)), holdBandDeg: 5 });
    expect(curl.kneeFlexionRiseLiftingDeg).toBeCloseTo(30, 0);
    const straighten = computeRepMetrics({ index: 1, leg: 'left', event, samples: samples((i) => 50 - 30 * Math.sin((Math.PI * i) / 30)), holdBandDeg: 5 });
    expect(straighten.kneeFlexionRiseLiftingDeg).toBe(0);
  });

  it('reports timing, hold, speed, confidence and unknowns as null', () => {
    const m = computeRepMetrics({ index: 3, leg: 'left', event, samples: samples((i) => (i % 2 === 0 ? null : 20)).map((s) => (s.t < 0 ? { ...s, kneeFlexionDeg: 20 } : s)), holdBandDeg: 5 });
    expect(m.index).toBe(3);
    expect(m.concentricS).toBeCloseTo(1.2, 10);
    expect(m.eccentricS).toBeCloseTo(1.2, 10);
    expect(m.holdS).toBeGreaterThan(0.5);
    expect(m.holdS).toBeLessThan(1.2);
    // 40° · π / 3 s at the steepest point of the sine (read as a 200 ms chord: a little less).
    expect(m.peakAngularVelocityDegS ?? 0).toBeGreaterThan(0.95 * ((40 * Math.PI) / 3));
    expect(m.peakAngularVelocityDegS ?? Infinity).toBeLessThanOrEqual((40 * Math.PI) / 3);
    expect(m.confidence).toBeCloseTo(15 / 31, 6);
    expect(m.pelvisTiltMaxDeg).toBeNull();
    expect(m.pelvisTiltRiseDeg).toBeNull();
    expect(m.peakHipExtensionDeg).toBeCloseTo(15, 6);
    expect(m.lumbarArchPeakDeg).toBeCloseTo(2, 1);
    expect(m.series).toHaveLength(31);
  });
});
