/**
 * A body reading that changes under the analyser (trunk-change.ts): a misread start of a clip
 * must not leave the rep machines measuring the real reps from the misread body's rest.
 */
import { describe, expect, it } from 'vitest';
import { createKickbackAnalyzer } from '../../src/analysis/kickback-analyzer';
import { CONFIRM_FRAMES, TRUNK_JUMP_DEG, TrunkChangeDetector } from '../../src/analysis/trunk-change';
import type { PoseFrame } from '../../src/pose/types';
import { generateKickbackSet } from '../../src/synthetic/kickback-set';

function feed(leans: readonly (number | null)[], stepMs = 100): (number | null)[] {
  const d = new TrunkChangeDetector();
  return leans.map((lean, i) => d.update(i * stepMs, lean));
}

describe('trunk change detector', () => {
  it('reports a jump to a new level once the level has held for CONFIRM_FRAMES frames, with the time of the jump', () => {
    const out = feed([100, 104, 102, 57, 58, 56, 57, 58]);
    expect(CONFIRM_FRAMES).toBe(3);
    expect(out.filter((x) => x !== null)).toEqual([300]);
    expect(out[3 + CONFIRM_FRAMES - 1]).toBe(300);
  });

  it('ignores a single outlier frame, and the frame back at the level is no jump either', () => {
    expect(feed([65, 64, 3, 65, 66, 64, 65, 66]).every((x) => x === null)).toBe(true);
    expect(feed([65, 64, 3, 2, 65, 66, 64, 65]).every((x) => x === null)).toBe(true);
  });

  it('ignores a lean that drifts, however far, and a step under TRUNK_JUMP_DEG', () => {
    const drift = Array.from({ length: 40 }, (_, i) => 30 + i);
    expect(feed(drift).every((x) => x === null)).toBe(true);
    expect(feed([50, 50, 50 + TRUNK_JUMP_DEG - 1, 69, 69, 69, 69]).every((x) => x === null)).toBe(true);
  });

  it('skips frames with no lean, and steps across a longer hole than TRUNK_JUMP_MAX_GAP_MS say nothing', () => {
    expect(feed([100, null, null, 57, 57, 57]).filter((x) => x !== null)).toEqual([300]);
    const d = new TrunkChangeDetector();
    d.update(0, 100);
    expect([5000, 5100, 5200, 5300].map((t) => d.update(t, 57)).every((x) => x === null)).toBe(true);
  });
});

describe('a misread start of the clip', () => {
  // The detector reads another body on the first half second (trunk past horizontal, thigh far
  // forward: what BlazePose made of the first frames of donkey_kick_cgi_kinkatsu mirrored), then
  // the lifter, whose first frames already show the leg on its way up.
  function misreadThenRep(): { frames: PoseFrame[]; repPeakMs: number } {
    const misread = generateKickbackSet({ fps: 10, reps: 1, leadInS: 1, torsoLeanDeg: 100, restThighDeg: -80, romDeg: 30, noisePx: 1, seed: 3 });
    const real = generateKickbackSet({ fps: 10, reps: 1, leadInS: 0.2, concentricS: 1, restThighDeg: 22, romDeg: 50, noisePx: 1, seed: 4, startMs: 700 });
    const frames = [...misread.frames.filter((f) => f.timestampMs < 600), ...real.frames];
    return { frames, repPeakMs: real.reps[0]?.peakMs ?? Number.NaN };
  }

  it('counts the one real rep, measured from the real body, not from the misread rest', () => {
    const { frames, repPeakMs } = misreadThenRep();
    expect(frames.length).toBeGreaterThan(30);
    const analyzer = createKickbackAnalyzer();
    for (const f of frames) analyzer.push(f);
    analyzer.finish();
    expect(analyzer.reps.length).toBe(1);
    const rep = analyzer.reps[0];
    expect(Math.abs((rep?.peakMs ?? 0) - repPeakMs)).toBeLessThan(300);
    // The range is the real rep's (50°), not measured from the misread thigh at −80°.
    expect(rep?.romDeg).toBeLessThan(60);
  });
});
