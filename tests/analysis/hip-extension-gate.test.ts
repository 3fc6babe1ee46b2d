import { describe, expect, it } from 'vitest';
import { MIN_BEHIND_STANDING_DEG, MIN_PEAK_HIP_EXTENSION_DEG, passesHipExtensionGate } from '../../src/analysis/hip-extension-gate';
import type { LegFrameSample } from '../../src/analysis/leg-frame-sample';

function samples(otherThighDeg: number | null, n = 10): LegFrameSample[] {
  return Array.from({ length: n }, (_, i) => ({
    t: i * 100,
    thighDeg: null,
    hipExtensionDeg: null,
    kneeFlexionDeg: null,
    torsoLeanDeg: null,
    lumbarArchDeg: null,
    pelvisTiltDeg: null,
    otherThighDeg,
    hipHeightPx: null,
    thighLengthPx: null,
    path: '2d',
    legSeen: true,
    trunkSeen: true,
    ambiguous: false,
  }));
}

describe('hip-extension gate (a kickback extends the hip)', () => {
  it('passes a kickback that reaches past the trunk line, behind the standing leg', () => {
    expect(passesHipExtensionGate(samples(-10), 62, 17)).toBe(true);
    // A short-range rep just short of the trunk line still counts (flagged by the rules).
    expect(passesHipExtensionGate(samples(-5), 42, MIN_PEAK_HIP_EXTENSION_DEG + 0.5)).toBe(true);
  });

  it('rejects a peak short of the trunk line by more than the angle error', () => {
    expect(passesHipExtensionGate(samples(-10), 58, MIN_PEAK_HIP_EXTENSION_DEG - 1)).toBe(false);
  });

  it('rejects a thigh that only comes back level with the standing leg (front leg swing)', () => {
    expect(passesHipExtensionGate(samples(0), 1, -4)).toBe(false);
    expect(passesHipExtensionGate(samples(0), MIN_BEHIND_STANDING_DEG, 5)).toBe(true);
  });

  it('measures against vertical when the standing leg is not seen', () => {
    expect(passesHipExtensionGate(samples(null), MIN_BEHIND_STANDING_DEG - 1, 5)).toBe(false);
    expect(passesHipExtensionGate(samples(null), MIN_BEHIND_STANDING_DEG + 1, 5)).toBe(true);
  });
});
