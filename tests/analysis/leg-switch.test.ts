/**
 * docs/trust.md#leg-changes-and-clip-ends: no rep is lost when the lifter changes leg and facing (walking round, or a
 * hard cut in the video), and a rep whose leg comes back down in the last frames counts.
 */
import { describe, expect, it } from 'vitest';
import { createKickbackAnalyzer } from '../../src/analysis/kickback-analyzer';
import type { PoseFrame } from '../../src/pose/types';
import { generateKickbackSet, generateLegSwitchSet } from '../../src/synthetic/kickback-set';

function countWithFinish(frames: readonly PoseFrame[]) {
  const analyzer = createKickbackAnalyzer();
  for (const f of frames) analyzer.push(f);
  const finished = analyzer.finish();
  return { reps: analyzer.reps, finished };
}

describe('leg changes and clip ends', () => {
  for (const change of ['walk-around', 'cut'] as const) {
    for (const keypointSet of ['blazepose33', 'movenet17'] as const) {
      for (const fps of [30, 10]) {
        it(`counts every rep on both legs across a ${change} (${keypointSet}, ${fps} fps)`, () => {
          const set = generateLegSwitchSet({ change, keypointSet, fps, noisePx: 1.5, noiseWorldM: 0.01, seed: 5 });
          expect(set.repLegs).toEqual(['right', 'right', 'right', 'left', 'left', 'left']);
          const { reps } = countWithFinish(set.frames);
          expect(reps.map((r) => r.leg)).toEqual(set.repLegs);
          reps.forEach((r, i) => expect(Math.abs(r.peakMs - (set.reps[i]?.peakMs ?? Number.NaN))).toBeLessThan(400));
        });
      }
    }
  }

  it('counts the first rep on the new leg when the cut lands half a second before it', () => {
    const set = generateLegSwitchSet({ change: 'cut', secondLeadInS: 0.5, firstLeg: 'left', firstFacing: 'left', noisePx: 1, seed: 2 });
    const { reps } = countWithFinish(set.frames);
    expect(reps.map((r) => r.leg)).toEqual(['left', 'left', 'left', 'right', 'right', 'right']);
  });

  for (const cutBeforeEndS of [0, 0.15, 0.3]) {
    it(`counts a last rep whose leg comes back ${cutBeforeEndS} s before the clip ends, on the new leg too`, () => {
      const set = generateLegSwitchSet({ change: 'cut', leadOutS: 0, fps: 10, noisePx: 1, seed: 3 });
      const lastEndMs = set.reps.at(-1)?.endMs ?? 0;
      const frames = set.frames.filter((f) => f.timestampMs <= lastEndMs - cutBeforeEndS * 1000 + 1e-6);
      expect(frames.at(-1)?.timestampMs ?? Number.POSITIVE_INFINITY).toBeLessThanOrEqual(lastEndMs - cutBeforeEndS * 1000 + 1e-6);
      const { reps } = countWithFinish(frames);
      expect(reps).toHaveLength(6);
      expect(reps.at(-1)?.leg).toBe('left');
    });
  }

  for (const change of ['walk-around', 'cut'] as const) {
    it(`counts one rep per leg across a ${change} when the new leg's only rep ends with the clip (10 fps)`, () => {
      // A step while walking round is a twitch, not a rep: it must not confirm a rest below the new stance.
      const set = generateLegSwitchSet({ change, repsPerLeg: 1, leadOutS: 0, secondLeadInS: 0.6, fps: 10, noisePx: 1, seed: 3 });
      const lastEndMs = set.reps.at(-1)?.endMs ?? 0;
      const { reps } = countWithFinish(set.frames.filter((f) => f.timestampMs <= lastEndMs - 300 + 1e-6));
      expect(reps.map((r) => r.leg)).toEqual(['right', 'left']);
    });
  }

  it('does not count a last rep cut off while the leg is still up', () => {
    const set = generateKickbackSet({ reps: 3, leadOutS: 0, noisePx: 1, seed: 3 });
    const lastPeakMs = set.reps.at(-1)?.peakMs ?? 0;
    const { reps, finished } = countWithFinish(set.frames.filter((f) => f.timestampMs <= lastPeakMs));
    expect(finished).toBeNull();
    expect(reps).toHaveLength(2);
  });
});
