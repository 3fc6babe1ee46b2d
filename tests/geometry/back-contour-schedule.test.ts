/**
 * The mask schedule (docs/design.md#frame-rates, "near each rep's peak and at rest"): on synthetic sets, whose
 * rep shape (0 at rest, 1 at the top) is known frame by frame, every frame near a peak gets a
 * mask, every rest gets some, and most of the lift and return get none — at the camera's 30 fps
 * and at the 8 fps a loaded machine processes.
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_MASK_SCHEDULE_OPTIONS, legExtensionsDeg, MaskSchedule, type MaskReason } from '../../src/geometry/back-contour-schedule';
import type { PoseFrame } from '../../src/pose/types';
import { generateKickbackSet, type KickbackSetOptions } from '../../src/synthetic';

function run(frames: readonly PoseFrame[], schedule = new MaskSchedule()): MaskReason[] {
  return frames.map((f) => {
    const reason = schedule.decide(f.timestampMs);
    schedule.observe(f, reason !== 'skip');
    return reason;
  });
}

function setAt(fps: number, options: Partial<KickbackSetOptions> = {}) {
  return generateKickbackSet({ reps: 5, fps, noisePx: 1.5, seed: 7, ...options });
}

describe('mask schedule on synthetic sets', () => {
  for (const [fps, options] of [
    [30, {}],
    [8, {}],
    [8, { facing: 'left' as const, leg: 'left' as const }],
    [10, { romDeg: 30, restThighDeg: -30, torsoLeanDeg: 15 }],
  ] as const) {
    it(`${fps} fps ${JSON.stringify(options)}: masks the top of every rep and every rest, and skips most of the rest of the lift`, () => {
      const set = setAt(fps, options);
      const reasons = run(set.frames);
      expect(set.reps.length).toBe(5);
      expect(reasons).toHaveLength(set.truth.length);
      // The top: every frame within the top third of the rep's shape is masked (after the first
      // rep, whose range the schedule learns as it goes, by its first frame at the top at latest).
      for (const [r, rep] of set.reps.entries()) {
        const top = set.truth.map((t, i) => ({ t, i })).filter(({ t }) => t.timestampMs >= rep.startMs && t.timestampMs <= rep.endMs && t.shape >= 0.67);
        expect(top.length, `rep ${r} has frames at the top`).toBeGreaterThan(0);
        const masked = top.filter(({ i }) => reasons[i] !== 'skip').length;
        if (r === 0) expect(masked, 'first rep: its top masked').toBeGreaterThanOrEqual(top.length - 1);
        else expect(masked, `rep ${r}: every top frame masked`).toBe(top.length);
      }
      // Rest: each rest between reps (and the lead-in) gets at least one rest mask.
      const rests: { from: number; to: number }[] = [{ from: 0, to: set.reps[0]!.startMs }];
      for (let r = 1; r < set.reps.length; r += 1) rests.push({ from: set.reps[r - 1]!.endMs, to: set.reps[r]!.startMs });
      for (const [k, rest] of rests.entries()) {
        const inRest = set.truth.map((t, i) => ({ t, i })).filter(({ t }) => t.timestampMs >= rest.from && t.timestampMs < rest.to);
        expect(inRest.length, `rest ${k} has frames`).toBeGreaterThan(0);
        expect(inRest.some(({ i }) => reasons[i] === 'rest'), `rest ${k} masked as rest at least once`).toBe(true);
      }
      // The point of it: the lift and return below the top half are mostly skipped.
      const middle = set.truth.map((t, i) => ({ t, i })).filter(({ t }) => t.shape > 0.15 && t.shape < 0.35);
      expect(middle.length).toBeGreaterThan(0);
      expect(middle.filter(({ i }) => reasons[i] === 'skip').length / middle.length).toBeGreaterThan(0.5);
      const share = reasons.filter((x) => x !== 'skip').length / reasons.length;
      expect(share).toBeLessThan(0.75);
      // No stretch of frame time without a mask longer than the background interval (plus a frame).
      let last = Number.NEGATIVE_INFINITY;
      for (const [i, f] of set.frames.entries()) {
        if (reasons[i] === 'skip') {
          expect(f.timestampMs - last, `frame ${i}`).toBeLessThan(DEFAULT_MASK_SCHEDULE_OPTIONS.backgroundIntervalMs);
        } else last = f.timestampMs;
      }
    });
  }

  it('reads the working leg the same for a lifter facing either way', () => {
    const right = setAt(30).frames[60]!;
    const left = setAt(30, { facing: 'left' }).frames[60]!;
    const r = legExtensionsDeg(right);
    const l = legExtensionsDeg(left);
    expect(r?.right).not.toBeNull();
    expect(l?.right).toBeCloseTo(r?.right ?? Number.NaN, 0);
  });

  it('without a pose falls back to the background rate, and time going back starts afresh', () => {
    const empty = (t: number): PoseFrame => ({ timestampMs: t, imageWidth: 640, imageHeight: 480, keypointSet: 'blazepose33', landmarks: [], score: 0, inferenceMs: 0 });
    const frames = Array.from({ length: 40 }, (_, i) => empty(i * 100));
    const reasons = run(frames);
    expect(reasons.filter((r) => r !== 'skip')).toEqual(['background', 'background', 'background', 'background']);
    const s = new MaskSchedule();
    run(frames, s);
    expect(s.decide(0)).toBe('background');
  });

  it('rejects a negative or non-finite setting', () => {
    expect(() => new MaskSchedule({ peakFraction: -1 })).toThrow('expected mask schedule peakFraction >= 0, got -1');
    expect(() => new MaskSchedule({ restIntervalMs: Number.NaN })).toThrow('restIntervalMs');
  });
});
