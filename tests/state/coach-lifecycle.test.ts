/**
 * The coach's set lifecycle with a scripted analyser: the set starts by itself on the first rep,
 * ends by itself AUTO_END_IDLE_MS after the last rep when the leg is at rest, a fresh rep cue
 * keeps the screen against live hints that are not more severe, and a recovered set is judged in
 * judgeRep's order.
 */
import { describe, expect, it } from 'vitest';
import type { KickbackAnalyzer } from '../../src/analysis/kickback-analyzer';
import type { FrameAnalysis, RejectedRep, RepMetrics } from '../../src/analysis/types';
import {
  createArchOnsetState,
  DEFAULT_RULE_CONFIG,
  evaluateRep,
  judgeRep,
  type ArchOnsetState,
  type RepVerdict,
} from '../../src/feedback';
import type { PoseFrame } from '../../src/pose/types';
import { AUTO_END_IDLE_MS, Coach, CUE_SHOW_MS } from '../../src/state/coach.svelte';
import { makeFrame } from '../feedback/frame-factory';
import { makeRep } from '../feedback/rep-factory';

/** An analyser that answers each pushed frame with `script(t)`. */
function scripted(script: (t: number) => Partial<FrameAnalysis>): KickbackAnalyzer {
  return {
    push: (frame: PoseFrame) => ({ ...makeFrame(frame.timestampMs), ...script(frame.timestampMs) }),
    get reps(): RepMetrics[] { return []; },
    get rejected(): RejectedRep[] { return []; },
    get framing() { return []; },
    finish: () => null,
    reset: () => {},
  };
}

function pose(timestampMs: number): PoseFrame {
  return { timestampMs, imageWidth: 640, imageHeight: 480, keypointSet: 'blazepose33', landmarks: [], score: 0, inferenceMs: 0 };
}

interface Counts { started: number; ended: number; reps: RepVerdict[] }

function coachWith(analyzer: KickbackAnalyzer, archOnset: ArchOnsetState = createArchOnsetState()): { coach: Coach; counts: Counts; settings: { config: typeof DEFAULT_RULE_CONFIG; archOnset: ArchOnsetState } } {
  const counts: Counts = { started: 0, ended: 0, reps: [] };
  const settings = { config: DEFAULT_RULE_CONFIG, archOnset };
  const coach = new Coach(settings, {
    setStarted: () => counts.started++,
    setEnded: () => counts.ended++,
    repCompleted: (_rep, verdict) => counts.reps.push(verdict),
  }, analyzer);
  return { coach, counts, settings };
}

/** Pushes frames every `stepMs` from `fromMs` to `toMs` inclusive. */
function run(coach: Coach, fromMs: number, toMs: number, stepMs = 100): void {
  for (let t = fromMs; t <= toMs; t += stepMs) coach.push(pose(t));
}

describe('Coach: the set starts by itself', () => {
  it('stays ready while nothing is kicked, then starts on the first completed rep, from its start', () => {
    const rep = makeRep();
    const { coach, counts } = coachWith(scripted((t) => (t === rep.endMs ? { completedRep: rep, phase: 'bottom' } : {})));
    run(coach, 0, rep.endMs - 100);
    expect(coach.status).toBe('ready');
    expect(coach.setStartMs).toBeNull();
    expect(counts.started).toBe(0);
    coach.push(pose(rep.endMs));
    expect(coach.status).toBe('active');
    expect(coach.setStartMs).toBe(rep.startMs);
    expect(coach.elapsedMs).toBe(rep.endMs - rep.startMs);
    expect(counts.started).toBe(1);
    expect(counts.reps.length).toBe(1);
    expect(coach.repCount).toBe(1);
  });

  it('a manual start counts from the current frame and a second rep does not start it again', () => {
    const rep = makeRep({ startMs: 3000, peakMs: 4000, endMs: 5000 });
    const { coach, counts } = coachWith(scripted((t) => (t === rep.endMs ? { completedRep: rep } : {})));
    run(coach, 0, 1000);
    coach.toggleSet();
    expect(coach.status).toBe('active');
    expect(coach.setStartMs).toBe(1000);
    run(coach, 1100, rep.endMs);
    expect(counts.started).toBe(1);
    expect(coach.setStartMs).toBe(1000);
    expect(coach.repCount).toBe(1);
    coach.toggleSet();
    expect(coach.status).toBe('done');
    expect(counts.ended).toBe(1);
  });
});

describe('Coach: the set ends by itself after AUTO_END_IDLE_MS without a rep', () => {
  const rep = makeRep();

  it('ends just past the idle time with the leg at rest, not before, and once', () => {
    const { coach, counts } = coachWith(scripted((t) => (t === rep.endMs ? { completedRep: rep, phase: 'bottom' } : { phase: 'bottom' })));
    run(coach, 0, rep.endMs + AUTO_END_IDLE_MS);
    expect(coach.status).toBe('active');
    coach.push(pose(rep.endMs + AUTO_END_IDLE_MS + 1));
    expect(coach.status).toBe('done');
    expect(counts.ended).toBe(1);
    // Done is done: later frames neither count nor end it again.
    run(coach, rep.endMs + AUTO_END_IDLE_MS + 100, rep.endMs + 2 * AUTO_END_IDLE_MS, 1000);
    expect(counts.ended).toBe(1);
    expect(coach.repCount).toBe(1);
  });

  it('does not end while the leg is moving, however long', () => {
    const { coach } = coachWith(scripted((t) => (t === rep.endMs ? { completedRep: rep, phase: 'bottom' } : t > rep.endMs ? { phase: 'lifting' } : {})));
    run(coach, 0, rep.endMs + 2 * AUTO_END_IDLE_MS);
    expect(coach.status).toBe('active');
  });

  it('measures idle time from the last rep, not the first', () => {
    const second = makeRep({ startMs: rep.endMs + 30_000, peakMs: rep.endMs + 31_000, endMs: rep.endMs + 32_000 });
    const { coach } = coachWith(scripted((t) =>
      t === rep.endMs ? { completedRep: rep, phase: 'bottom' } : t === second.endMs ? { completedRep: second, phase: 'bottom' } : { phase: 'bottom' }));
    run(coach, 0, rep.endMs + AUTO_END_IDLE_MS + 1000);
    expect(coach.repCount).toBe(2);
    expect(coach.status).toBe('active');
    run(coach, rep.endMs + AUTO_END_IDLE_MS + 1100, second.endMs + AUTO_END_IDLE_MS + 500);
    expect(coach.status).toBe('done');
  });
});

describe('Coach: a rep cue against live hints', () => {
  // Peak hip extension below the short-range limit: an effectiveness fault (severity 2), as is
  // the live torso-lean hint; the view hint is severity 4.
  const rep = makeRep({}, { peakHipDeg: DEFAULT_RULE_CONFIG.shortRangeMinDeg - 10 });
  const repCueStartMs = rep.endMs;

  function shownRuleIds(script: (t: number) => Partial<FrameAnalysis>, untilMs: number): Map<number, string | null> {
    const { coach, counts } = coachWith(scripted((t) => ({ ...(t === rep.endMs ? { completedRep: rep } : {}), ...script(t) })));
    const shown = new Map<number, string | null>();
    for (let t = 0; t <= untilMs; t += 100) {
      coach.push(pose(t));
      shown.set(t, coach.cue?.ruleId ?? null);
    }
    expect(counts.reps.length).toBe(1);
    return shown;
  }

  it('keeps the rep cue on screen against a hint no more severe, and shows the hint once it has gone', () => {
    const fault = evaluateRep(rep, DEFAULT_RULE_CONFIG, { archOnset: createArchOnsetState() }).flags.map((f) => f.ruleId);
    expect(fault).toContain('short-range');
    expect(fault).not.toContain('torso-lean');
    // Torso far too flat at rest, all along: the hint holds from liveTorsoPersistMs on.
    const flat = () => ({ phase: 'bottom' as const, angles: { ...makeFrame(0).angles, torsoLeanDeg: DEFAULT_RULE_CONFIG.torsoLeanMaxDeg + 20 } });
    const shown = shownRuleIds(flat, repCueStartMs + CUE_SHOW_MS + 500);
    expect(shown.get(repCueStartMs - 100)).toBe('torso-lean');
    expect(shown.get(repCueStartMs)).toBe('short-range');
    expect(shown.get(repCueStartMs + CUE_SHOW_MS)).toBe('short-range');
    expect(shown.get(repCueStartMs + CUE_SHOW_MS + 100)).toBe('torso-lean');
  });

  it('lets a more severe hint (the view) replace the rep cue at once', () => {
    const lostFrom = repCueStartMs + 200;
    const viewHintFrom = lostFrom + DEFAULT_RULE_CONFIG.liveViewPersistMs;
    const lost = (t: number) => (t >= lostFrom ? { view: { ...makeFrame(t).view, usable: false, inFrame: false, reason: 'Step back: feet out of frame' } } : {});
    const shown = shownRuleIds(lost, repCueStartMs + CUE_SHOW_MS);
    expect(viewHintFrom).toBeLessThan(repCueStartMs + CUE_SHOW_MS);
    expect(shown.get(viewHintFrom - 100)).toBe('short-range');
    expect(shown.get(viewHintFrom)).toBe('not-visible');
  });
});

describe('Coach.restore', () => {
  /**
   * Reps whose back starts to arch at 10° of hip extension, a little (under the arch-rise limit),
   * on kicks to 22° (under the anatomical limit): fine by the defaults, but they teach a target
   * that a 22° kick exceeds.
   */
  const archingReps = Array.from({ length: 8 }, (_, i) =>
    makeRep({}, { startMs: 1000 + i * 5000, archOnsetHipDeg: 10, archSlope: 0.4, peakHipDeg: 22 }));

  /** Flags coached for real (a borderline one is shown but not coached). */
  const clearFlags = (verdict: RepVerdict) => verdict.flags.filter((f) => !f.borderline).map((f) => f.ruleId);

  function learnedFrom(reps: readonly RepMetrics[]): ArchOnsetState {
    let state = createArchOnsetState();
    for (const rep of reps) state = judgeRep(rep, DEFAULT_RULE_CONFIG, state).archOnset;
    return state;
  }

  it('judges each recovered rep against what the reps before it taught, not the settings after the set', () => {
    const after = learnedFrom(archingReps);
    const first = archingReps[0]!;
    // Precondition: the target learned after the set judges the first rep differently from the
    // empty start (otherwise this test could not tell the two orders apart).
    const withAfter = clearFlags(evaluateRep(first, DEFAULT_RULE_CONFIG, { archOnset: after }));
    const withStart = clearFlags(evaluateRep(first, DEFAULT_RULE_CONFIG, { archOnset: createArchOnsetState() }));
    expect(withAfter).toEqual(['kick-too-high']);
    expect(withStart).toEqual([]);

    const { coach, settings } = coachWith(scripted(() => ({})), after);
    coach.restore(archingReps);
    expect(coach.status).toBe('done');
    expect(coach.verdicts.length).toBe(archingReps.length);
    let state = createArchOnsetState();
    archingReps.forEach((rep, i) => {
      const expected = judgeRep(rep, DEFAULT_RULE_CONFIG, state);
      state = expected.archOnset;
      expect(coach.verdicts[i], `rep ${i}`).toEqual(expected.verdict);
    });
    expect(clearFlags(coach.verdicts[0]!)).toEqual(withStart);
    // The settings learned these reps live already: restore neither uses nor changes them.
    expect(settings.archOnset).toBe(after);
  });

  it('starts the replay from the arch onset the set began with, when given', () => {
    const before = learnedFrom(archingReps);
    const { coach } = coachWith(scripted(() => ({})));
    coach.restore(archingReps.slice(0, 1), [], [], before);
    expect(coach.verdicts).toEqual([judgeRep(archingReps[0]!, DEFAULT_RULE_CONFIG, before).verdict]);
  });
});
