/**
 * The coach with a scripted analyser: a rep seen but not counted starts the set, is announced
 * next to the counter for a while, listed and handed to storage; the framing banner follows the
 * analyser's issues once they last; the lifter-lock line follows the people count.
 */
import { describe, expect, it } from 'vitest';
import type { KickbackAnalyzer } from '../../src/analysis/kickback-analyzer';
import type { FrameAnalysis, FramingIssue, FramingRange, RejectedRep, RepMetrics } from '../../src/analysis/types';
import { createArchOnsetState, DEFAULT_RULE_CONFIG } from '../../src/feedback';
import type { PoseFrame } from '../../src/pose/types';
import { AUTO_END_IDLE_MS, Coach, REJECTED_SHOW_MS } from '../../src/state/coach.svelte';
import { makeRep } from '../feedback/rep-factory';
import { makeFrame } from '../feedback/frame-factory';

const FEET: FramingIssue = { reason: 'feet-out-of-frame', message: 'Step back: feet out of frame' };
const UNUSABLE = { kind: 'unusable' as const, usable: false, inFrame: false, reason: FEET.message, missingJoints: ['leftKnee'] };
const REJECTED: RejectedRep = { leg: 'left', startMs: 2000, peakMs: 3000, endMs: 4000, reason: 'legs-not-visible', message: 'legs not clearly visible', evidence: 0.2 };

/** An analyser that answers each pushed frame with `script(t)`; `framing` is what finish() leaves. */
function scripted(script: (t: number) => Partial<FrameAnalysis>, framing: FramingRange[] = []): KickbackAnalyzer {
  const rejected: RejectedRep[] = [];
  return {
    push(frame: PoseFrame): FrameAnalysis {
      const a = { ...makeFrame(frame.timestampMs), ...script(frame.timestampMs) };
      if (a.rejectedRep) rejected.push(a.rejectedRep);
      return a;
    },
    get reps(): RepMetrics[] { return []; },
    get rejected() { return rejected; },
    get framing() { return framing; },
    finish: () => null,
    reset: () => {},
  };
}

function pose(timestampMs: number, over: Partial<PoseFrame> = {}): PoseFrame {
  return { timestampMs, imageWidth: 640, imageHeight: 480, keypointSet: 'blazepose33', landmarks: [], score: 0, inferenceMs: 0, ...over };
}

function coachWith(analyzer: KickbackAnalyzer, hooks: ConstructorParameters<typeof Coach>[1] = {}): Coach {
  return new Coach({ config: DEFAULT_RULE_CONFIG, archOnset: createArchOnsetState() }, hooks, analyzer);
}

describe('Coach: reps not counted', () => {
  it('starts the set on a rep that was not counted, announces it for a while, lists it and stores it', () => {
    const stored: RejectedRep[] = [];
    let started = 0;
    const ranges: FramingRange[] = [{ ...FEET, startMs: 500, endMs: 4500 }];
    const coach = coachWith(scripted((t) => (t === 4000 ? { rejectedRep: REJECTED, rejectedCount: 1 } : {}), ranges), {
      setStarted: () => started++,
      repRejected: (r) => stored.push(r),
    });
    for (let t = 0; t <= 4000; t += 500) coach.push(pose(t));
    expect(coach.status).toBe('active');
    expect(started).toBe(1);
    expect(coach.setStartMs).toBe(REJECTED.startMs);
    expect(coach.repCount).toBe(0);
    expect(coach.rejected).toEqual([REJECTED]);
    expect(stored).toEqual([REJECTED]);
    expect(coach.rejectedNotice).toBe('1 rep not counted: legs not clearly visible');
    coach.push(pose(4000 + REJECTED_SHOW_MS - 100));
    expect(coach.rejectedNotice).not.toBeNull();
    coach.push(pose(4000 + REJECTED_SHOW_MS + 100));
    expect(coach.rejectedNotice).toBeNull();

    coach.endSet();
    expect(coach.status).toBe('done');
    expect(coach.rejected).toHaveLength(1);
    expect(coach.setFraming).toEqual(ranges);
    coach.newSet();
    expect(coach.rejected).toEqual([]);
    expect(coach.setFraming).toEqual([]);
  });

  it('counts a run of the same reason in the notice', () => {
    const second = { ...REJECTED, startMs: 5000, peakMs: 6000, endMs: 7000 };
    const coach = coachWith(scripted((t) => (t === 4000 ? { rejectedRep: REJECTED } : t === 7000 ? { rejectedRep: second } : {})));
    for (let t = 0; t <= 7000; t += 500) coach.push(pose(t));
    expect(coach.rejectedNotice).toBe('2 reps not counted: legs not clearly visible');
  });
});

describe('Coach: framing and lifter lock', () => {
  it('shows a framing problem once it lasts, saying reps are not counted, and drops it once fixed', () => {
    const coach = coachWith(scripted((t) => (t >= 1000 && t < 4000 ? { framing: [FEET], view: { ...makeFrame(t).view, ...UNUSABLE } } : {})));
    const shownAt = (t: number) => {
      coach.push(pose(t));
      return coach.framing.map((i) => `${i.reason}:${i.pausesCounting}`);
    };
    expect(shownAt(0)).toEqual([]);
    expect(shownAt(1000)).toEqual([]);
    expect(shownAt(1500)).toEqual([]);
    // ref: DEFAULT_RULE_CONFIG.liveViewPersistMs — shown once it has lasted that long.
    expect(shownAt(1000 + DEFAULT_RULE_CONFIG.liveViewPersistMs)).toEqual(['feet-out-of-frame:true']);
    expect(shownAt(3500)).toEqual(['feet-out-of-frame:true']);
    expect(shownAt(4000)).toEqual(['feet-out-of-frame:true']);
    expect(shownAt(4000 + DEFAULT_RULE_CONFIG.liveNullToleranceMs + 1)).toEqual([]);
  });

  it('says who is tracked when other people are in view, and that counting is paused when ambiguous', () => {
    const others = (t: number) => (t < 1000 ? {} : { otherPeople: 1 });
    const coach = coachWith(scripted(others));
    coach.push(pose(0));
    expect(coach.lifterLock).toBeNull();
    coach.push(pose(1000, { personCount: 2, lifterLock: 'locked' }));
    expect(coach.lifterLock?.text).toBe('Tracking you — 1 other person in view');
    coach.push(pose(1500, { personCount: 2, lifterLock: 'ambiguous' }));
    expect(coach.lifterLock?.state).toBe('ambiguous');
    expect(coach.lifterLock?.text).toMatch(/counting paused/);
  });
});

describe('Coach: paused analysis (docs/design.md#reliability, live app)', () => {
  it('keeps the time the picture was gone off the set clock', () => {
    const coach = coachWith(scripted(() => ({})));
    for (let t = 0; t <= 1000; t += 100) coach.push(pose(t));
    coach.startSet();
    for (let t = 1100; t <= 3000; t += 100) coach.push(pose(t));
    expect(coach.elapsedMs).toBe(2000);
    coach.pauseClock();
    // 20 s with no frame (tab hidden), then frames again.
    coach.push(pose(23_000));
    expect(coach.elapsedMs).toBe(2000);
    coach.push(pose(23_500));
    expect(coach.elapsedMs).toBe(2500);
  });

  it('does not end an active set for idleness because of the time it was paused', () => {
    const rep = makeRep();
    const coach = coachWith(scripted((t) => (t === rep.endMs ? { completedRep: rep, phase: 'bottom' } : { phase: 'bottom' })));
    for (let t = 0; t <= rep.endMs + 1000; t += 100) coach.push(pose(t));
    expect(coach.repCount).toBe(1);
    expect(coach.status).toBe('active');
    coach.pauseClock();
    // Paused for 2 min (longer than AUTO_END_IDLE_MS), back for a few seconds: still the same set.
    const back = rep.endMs + 121_000;
    for (let t = back; t <= back + 3000; t += 500) coach.push(pose(t));
    expect(coach.status).toBe('active');
    // Without the pause, the same gap ends the set (the idle rule is still there).
    coach.push(pose(back + 3000 + AUTO_END_IDLE_MS + 500));
    expect(coach.status).toBe('done');
  });
});
