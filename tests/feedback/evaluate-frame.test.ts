import { describe, expect, it } from 'vitest';
import type { FrameAnalysis } from '../../src/analysis/types';
import { RULE_PRESETS, createLiveHintState, evaluateFrame, type LiveHint, type LiveHintState } from '../../src/feedback';
import { makeFrame, times } from './frame-factory';

const c = RULE_PRESETS.standard;

function run(frames: FrameAnalysis[], state: LiveHintState = createLiveHintState()): (LiveHint | null)[] {
  return frames.map((f) => evaluateFrame(f, c, state));
}

function firstHintAt(frames: FrameAnalysis[], hints: (LiveHint | null)[]): number | null {
  const i = hints.findIndex((h) => h !== null);
  return i < 0 ? null : (frames[i]?.timestampMs ?? null);
}

describe.each([33, 100, 333])('torso lean hint at %s ms per frame', (step) => {
  it('says "lean forward more" only after the lean stayed too upright for liveTorsoPersistMs', () => {
    const frames = times(0, c.liveTorsoPersistMs * 2, step).map((t) => makeFrame(t, { torsoLeanDeg: c.torsoLeanMinDeg - 10 }));
    const hints = run(frames);
    const at = firstHintAt(frames, hints);
    expect(at).not.toBeNull();
    expect(at as number).toBeGreaterThanOrEqual(c.liveTorsoPersistMs);
    expect(at as number).toBeLessThan(c.liveTorsoPersistMs + step + 1);
    const h = hints.find((x) => x !== null);
    expect(h).toMatchObject({ ruleId: 'torso-lean', text: 'Lean forward more', sinceMs: 0 });
  });

  it('says "lift your chest" for a lean flatter than the band', () => {
    const frames = times(0, c.liveTorsoPersistMs * 2, step).map((t) => makeFrame(t, { torsoLeanDeg: c.torsoLeanMaxDeg + 15 }));
    expect(run(frames).at(-1)?.text).toBe('Lift your chest a little');
  });
});

describe('torso lean hint', () => {
  it('never fires for a lean inside the band, however long', () => {
    const frames = times(0, 20_000, 100).map((t) => makeFrame(t, { torsoLeanDeg: 45 }));
    expect(run(frames).every((h) => h === null)).toBe(true);
  });

  it('is not given mid-rep (lifting, peak, lowering): the rep rules judge that', () => {
    const frames = times(0, 5000, 100).map((t) => makeFrame(t, { torsoLeanDeg: 10, phase: 'lifting' }));
    expect(run(frames).every((h) => h === null)).toBe(true);
  });

  it('a rep in between restarts the wait', () => {
    const half = c.liveTorsoPersistMs * 0.75;
    const frames = [
      ...times(0, half, 100).map((t) => makeFrame(t, { torsoLeanDeg: 10 })),
      ...times(half + 100, 1000, 100).map((t) => makeFrame(t, { torsoLeanDeg: 10, phase: 'lifting' })),
      ...times(half + 1200, half, 100).map((t) => makeFrame(t, { torsoLeanDeg: 10, phase: 'bottom' })),
    ];
    expect(run(frames).every((h) => h === null)).toBe(true);
  });

  it('a dropped reading (null) shorter than the tolerance does not restart the wait', () => {
    const frames = times(0, c.liveTorsoPersistMs + 500, 100).map((t, i) =>
      makeFrame(t, { torsoLeanDeg: i % 4 === 2 ? null : 10 }),
    );
    expect(run(frames).at(-1)).not.toBeNull();
  });

  it('unknown lean for longer than the tolerance does restart it', () => {
    const half = c.liveTorsoPersistMs * 0.75;
    const frames = [
      ...times(0, half, 100).map((t) => makeFrame(t, { torsoLeanDeg: 10 })),
      ...times(half + 100, c.liveNullToleranceMs + 300, 100).map((t) => makeFrame(t, { torsoLeanDeg: null })),
      ...times(half + c.liveNullToleranceMs + 500, half, 100).map((t) => makeFrame(t, { torsoLeanDeg: 10 })),
    ];
    expect(run(frames).every((h) => h === null)).toBe(true);
  });

  it('once showing, it needs the lean back inside the band by the hysteresis to clear', () => {
    const state = createLiveHintState();
    run(times(0, c.liveTorsoPersistMs + 200, 100).map((t) => makeFrame(t, { torsoLeanDeg: 10 })), state);
    const t0 = c.liveTorsoPersistMs + 300;
    // Just inside the band, but not by the hysteresis: still a hint.
    const edge = run(times(t0, 1000, 100).map((t) => makeFrame(t, { torsoLeanDeg: c.torsoLeanMinDeg + c.liveTorsoHysteresisDeg / 2 })), state);
    expect(edge.at(-1)?.ruleId).toBe('torso-lean');
    // Comfortably inside: cleared once the tolerance has passed.
    const inside = run(times(t0 + 1100, 1000, 100).map((t) => makeFrame(t, { torsoLeanDeg: 45 })), state);
    expect(inside.at(-1)).toBeNull();
  });

  it('needs no clock: the same frames give the same hints', () => {
    const frames = times(0, 4000, 100).map((t) => makeFrame(t, { torsoLeanDeg: 12 }));
    expect(run(frames)).toEqual(run(frames));
  });
});

describe('view hints', () => {
  const bad = { usable: false, kind: 'front' as const, reason: 'Turn side-on to the camera' };

  it('passes the analyser\'s reason through after liveViewPersistMs', () => {
    const frames = times(0, c.liveViewPersistMs * 2, 100).map((t) => makeFrame(t, { view: bad }));
    const hints = run(frames);
    expect(firstHintAt(frames, hints)).toBeGreaterThanOrEqual(c.liveViewPersistMs);
    expect(hints.at(-1)).toMatchObject({ ruleId: 'not-visible', text: 'Turn side-on to the camera', severity: 4 });
  });

  it('"Step back…" from the reason when feet leave the frame', () => {
    const frames = times(0, 3000, 100).map((t) =>
      makeFrame(t, { view: { usable: false, inFrame: false, reason: 'Step back: feet out of frame', missingJoints: ['left_ankle'] } }),
    );
    expect(run(frames).at(-1)?.text).toBe('Step back: feet out of frame');
  });

  it('has its own words when the analyser gives no reason', () => {
    const frames = times(0, 3000, 100).map((t) => makeFrame(t, { view: { usable: false, personFound: false, reason: null } }));
    expect(run(frames).at(-1)?.text).toMatch(/step into view/i);
  });

  it('one bad frame is not a bad view', () => {
    const frames = times(0, 5000, 100).map((t, i) => makeFrame(t, i === 10 ? { view: bad } : {}));
    expect(run(frames).every((h) => h === null)).toBe(true);
  });

  it('beats the torso hint, and torso readings from a bad view are ignored', () => {
    const frames = times(0, 4000, 100).map((t) => makeFrame(t, { torsoLeanDeg: 5, view: bad }));
    const hints = run(frames).filter((h) => h !== null);
    expect(hints.length).toBeGreaterThan(0);
    expect(hints.every((h) => h?.ruleId === 'not-visible')).toBe(true);
  });
});

describe('time', () => {
  it('time going backwards (a new source) starts over', () => {
    const state = createLiveHintState();
    run(times(10_000, c.liveTorsoPersistMs + 500, 100).map((t) => makeFrame(t, { torsoLeanDeg: 10 })), state);
    expect(evaluateFrame(makeFrame(0, { torsoLeanDeg: 10 }), c, state)).toBeNull();
  });

  it('a long gap between frames starts over', () => {
    const state = createLiveHintState();
    run(times(0, c.liveTorsoPersistMs * 0.8, 100).map((t) => makeFrame(t, { torsoLeanDeg: 10 })), state);
    const after = run(times(c.liveTorsoPersistMs * 0.8 + 5000, c.liveTorsoPersistMs * 0.5, 100).map((t) => makeFrame(t, { torsoLeanDeg: 10 })), state);
    expect(after.every((h) => h === null)).toBe(true);
  });

  it('rejects a non-finite timestamp, saying what it expected', () => {
    expect(() => evaluateFrame(makeFrame(Number.NaN), c, createLiveHintState())).toThrow(/expected a finite number, got NaN/);
  });
});
