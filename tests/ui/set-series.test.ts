/**
 * The set's series as pure data: the downsampler keeps each rep's peak and the gaps, flagged
 * moments land inside their rep on the right plot, rep stepping and frame lookup for the replay,
 * and the recorder keeps the first rep's frames of a set that started by itself.
 */
import { describe, expect, it } from 'vitest';
import type { FrameAnalysis, RepMetrics } from '../../src/analysis/types';
import type { KickbackAnalyzer } from '../../src/analysis/kickback-analyzer';
import { createArchOnsetState, DEFAULT_RULE_CONFIG, evaluateRep, type RepVerdict } from '../../src/feedback';
import type { PoseFrame } from '../../src/pose/types';
import { Coach } from '../../src/state/coach.svelte';
import {
  anglesFromReps,
  breakGaps,
  cueAt,
  downsampleAngles,
  flagMoments,
  frameIndexAt,
  packLandmarks,
  repAt,
  stepRep,
  unpackLandmarks,
  type AngleSample,
} from '../../src/state/set-series';
import { PRE_SET_KEEP_MS, SetSeriesRecorder } from '../../src/state/set-series-recorder';
import { makeFrame } from '../feedback/frame-factory';
import { makeRep } from '../feedback/rep-factory';

/** A 30 fps series of `reps` kicks, 4 s apart, each peaking at `peaks[i]` degrees. */
function kicks(peaks: number[], fps = 30): AngleSample[] {
  const out: AngleSample[] = [];
  const dt = 1000 / fps;
  for (let t = 0; t < peaks.length * 4000; t += dt) {
    const rep = Math.floor(t / 4000);
    const phase = (t % 4000) / 4000;
    const hip = -20 + (peaks[rep]! + 20) * Math.sin(Math.PI * phase) ** 2;
    out.push({ tMs: t, hipExtensionDeg: hip, kneeFlexionDeg: 15 + phase * 3, torsoLeanDeg: 45 - phase, lumbarArchDeg: phase > 0.5 ? 2 : 0 });
  }
  return out;
}

describe('downsampleAngles', () => {
  it('returns a short series unchanged', () => {
    const s = kicks([10]).slice(0, 50);
    expect(downsampleAngles(s, 100)).toEqual(s);
  });

  it('keeps every rep peak exactly while cutting a long set to the budget', () => {
    const peaks = [12, 18, 25, 9, 30, 14, 21, 16, 11, 27];
    const s = kicks(peaks);
    expect(s.length).toBeGreaterThan(1000);
    const out = downsampleAngles(s, 400);
    expect(out.length).toBeGreaterThan(0);
    expect(out.length).toBeLessThanOrEqual(400);
    for (let i = 1; i < out.length; i++) expect(out[i]!.tMs).toBeGreaterThan(out[i - 1]!.tMs);
    // Each rep's highest kept hip extension is the rep's true peak (the input's maximum in it).
    expect(peaks.length).toBe(10);
    peaks.forEach((_, rep) => {
      const inRep = (x: AngleSample) => x.tMs >= rep * 4000 && x.tMs < (rep + 1) * 4000;
      const truePeak = Math.max(...s.filter(inRep).map((x) => x.hipExtensionDeg!));
      const keptPeak = Math.max(...out.filter(inRep).map((x) => x.hipExtensionDeg!));
      expect(keptPeak).toBe(truePeak);
    });
  });

  it('keeps a gap with unknown angles as a gap, and the samples asked for', () => {
    const s = kicks([20, 20, 20]).map((x) => (x.tMs > 4000 && x.tMs < 6000 ? { ...x, hipExtensionDeg: null, kneeFlexionDeg: null, torsoLeanDeg: null, lumbarArchDeg: null } : x));
    const keep = s[7]!.tMs;
    const out = downsampleAngles(s, 48, [keep]);
    expect(out.some((x) => x.tMs > 4000 && x.tMs < 6000 && x.hipExtensionDeg === null)).toBe(true);
    expect(out.some((x) => x.tMs === keep)).toBe(true);
  });
});

describe('breakGaps', () => {
  it('puts an unknown sample into a gap longer than the limit, and none elsewhere', () => {
    const s = kicks([10]).filter((x) => x.tMs < 1000 || x.tMs > 2500);
    const out = breakGaps(s, 500);
    expect(out.length).toBe(s.length + 1);
    const gap = out.find((x) => x.hipExtensionDeg === null)!;
    expect(gap.tMs).toBeGreaterThan(1000);
    expect(gap.tMs).toBeLessThan(2500);
  });
});

describe('rep lookup and stepping', () => {
  const reps = [makeRep({ index: 1, startMs: 1000, peakMs: 2000, endMs: 3000 }), makeRep({ index: 2, startMs: 5000, peakMs: 6000, endMs: 7000 }), makeRep({ index: 3, startMs: 9000, peakMs: 10_000, endMs: 11_000 })];
  it('finds the rep holding a time, none between reps', () => {
    expect(repAt(reps, 6500)?.index).toBe(2);
    expect(repAt(reps, 4000)).toBeNull();
  });
  it('steps to the next and the previous rep', () => {
    expect(stepRep(reps, 0, 1)?.index).toBe(1);
    expect(stepRep(reps, 1000, 1)?.index).toBe(2);
    expect(stepRep(reps, 5000, -1)?.index).toBe(1);
    expect(stepRep(reps, 6000, -1)?.index).toBe(1);
    expect(stepRep(reps, 8000, -1)?.index).toBe(2);
    expect(stepRep(reps, 9000, 1)).toBeNull();
    expect(stepRep(reps, 1000, -1)).toBeNull();
  });
  it('finds the frame shown at a time', () => {
    const frames = [{ tMs: 0 }, { tMs: 33 }, { tMs: 66 }, { tMs: 100 }];
    expect(frameIndexAt(frames, 50)).toBe(1);
    expect(frameIndexAt(frames, 100)).toBe(3);
    expect(frameIndexAt(frames, 5000)).toBe(3);
    expect(frameIndexAt(frames, -5)).toBe(0);
    expect(frameIndexAt([], 5)).toBe(-1);
  });
  it('finds the cue on screen', () => {
    const cues = [{ startMs: 100, endMs: 3600, text: 'Lower the kick', tone: 'bad' as const, ruleId: 'kick-too-high' }];
    expect(cueAt(cues, 2000)?.text).toBe('Lower the kick');
    expect(cueAt(cues, 4000)).toBeNull();
  });
});

describe('flagMoments', () => {
  it('puts each flag inside its rep, on the plot of the angle it judged', () => {
    const rep = makeRep({ index: 1, peakHipExtensionDeg: 40, torsoLeanMeanDeg: 5 });
    const verdict: RepVerdict = evaluateRep(rep);
    const rules = verdict.flags.map((f) => f.ruleId);
    expect(rules).toEqual(expect.arrayContaining(['kick-too-high', 'torso-lean']));
    const moments = flagMoments([rep], [verdict]);
    expect(moments.length).toBe(verdict.flags.length);
    for (const m of moments) {
      expect(m.tMs).toBeGreaterThanOrEqual(rep.startMs);
      expect(m.tMs).toBeLessThanOrEqual(rep.endMs);
    }
    expect(moments.find((m) => m.ruleId === 'torso-lean')?.channel).toBe('torsoLeanDeg');
  });
});

describe('anglesFromReps and packing', () => {
  it('rebuilds a time-ordered series from the reps', () => {
    const reps = [makeRep({ index: 2 }), makeRep({ index: 1 })];
    const s = anglesFromReps(reps);
    expect(s.length).toBeGreaterThan(10);
    for (let i = 1; i < s.length; i++) expect(s[i]!.tMs).toBeGreaterThan(s[i - 1]!.tMs);
  });
  it('packs and unpacks landmarks', () => {
    const lm = [{ x: 1.5, y: 2.25, visibility: 0.5 }, { x: 300, y: 400, visibility: 1 }];
    expect(unpackLandmarks(packLandmarks(lm))).toEqual(lm);
  });
});

function pose(timestampMs: number): PoseFrame {
  return { timestampMs, imageWidth: 640, imageHeight: 480, keypointSet: 'movenet17', landmarks: [{ x: 1, y: 2, visibility: 0.9 }], score: 1, inferenceMs: 0 };
}

describe('SetSeriesRecorder', () => {
  it('keeps a bounded pre-set window, then everything from the set start until the end', () => {
    const r = new SetSeriesRecorder();
    for (let t = 0; t <= PRE_SET_KEEP_MS * 2; t += 100) r.push(pose(t), makeFrame(t), null);
    expect(r.recording.frames[0]!.tMs).toBeGreaterThanOrEqual(PRE_SET_KEEP_MS);
    r.begin(PRE_SET_KEEP_MS * 2 - 1000);
    for (let t = PRE_SET_KEEP_MS * 2 + 100; t <= PRE_SET_KEEP_MS * 6; t += 100) r.push(pose(t), makeFrame(t), t < PRE_SET_KEEP_MS * 2 + 1000 ? { text: 'Squeeze', tone: 'good', ruleId: 'positive' } : null);
    r.end();
    r.push(pose(PRE_SET_KEEP_MS * 7), makeFrame(PRE_SET_KEEP_MS * 7), null);
    const { frames, cues } = r.recording;
    expect(frames[0]!.tMs).toBe(PRE_SET_KEEP_MS * 2 - 1000);
    expect(frames.at(-1)!.tMs).toBe(PRE_SET_KEEP_MS * 6);
    expect(cues.length).toBe(1);
    expect(cues[0]!.endMs - cues[0]!.startMs).toBe(800);
  });
});

describe('Coach records the set', () => {
  it('holds the frames from the first rep start (a set started by the rep) to the end', () => {
    const rep: RepMetrics = makeRep({ index: 1, startMs: 2000, peakMs: 3000, endMs: 4000 });
    const analyzer: KickbackAnalyzer = {
      push: (frame: PoseFrame): FrameAnalysis => ({ ...makeFrame(frame.timestampMs), ...(frame.timestampMs === 4000 ? { completedRep: rep } : {}) }),
      get reps() { return []; },
      get rejected() { return []; },
      get framing() { return []; },
      finish: () => null,
      reset: () => {},
    };
    const coach = new Coach({ config: DEFAULT_RULE_CONFIG, archOnset: createArchOnsetState() }, {}, analyzer);
    for (let t = 0; t <= 6000; t += 100) coach.push(pose(t));
    expect(coach.recording).toBeNull();
    coach.endSet();
    const rec = coach.recording!;
    expect(rec.frames.length).toBe(41);
    expect(rec.frames[0]!.tMs).toBe(2000);
    coach.newSet();
    expect(coach.recording).toBeNull();
  });
});
