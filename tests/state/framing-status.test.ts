/**
 * What the live screen says about the picture: priority of framing problems, the "reps not
 * counted" wording, who is being tracked, and the banner's persistence in frame time.
 */
import { describe, expect, it } from 'vitest';
import type { FramingIssue, FramingRange } from '../../src/analysis/types';
import { frameFraming, type LiveFramingIssue } from '../../src/state/frame-framing';
import { FramingPersistence } from '../../src/state/framing-persistence';
import {
  AMBIGUOUS_LIFTER_TEXT,
  framingBannerIssues,
  framingBannerText,
  framingTimeByReason,
  lifterLockStatus,
  rejectedRepText,
} from '../../src/state/framing-status';

const FEET: LiveFramingIssue = { reason: 'feet-out-of-frame', message: 'Step back: feet out of frame', pausesCounting: true };
const DARK: LiveFramingIssue = { reason: 'low-confidence', message: 'Too dark: add light', pausesCounting: false };
const FRONT: LiveFramingIssue = { reason: 'front-on', message: 'Turn side-on to the camera', pausesCounting: false };
const OTHERS: LiveFramingIssue = { reason: 'other-people', message: '1 other person in view', pausesCounting: false };
const HEAD: LiveFramingIssue = { reason: 'head-out-of-frame', message: 'Step back: head out of frame', pausesCounting: false };

describe('framing banner', () => {
  it('puts what stops counting first, then the most important, and leaves people to the lifter-lock line', () => {
    const shown = framingBannerIssues([DARK, OTHERS, FRONT, HEAD, FEET, FEET]);
    expect(shown.map((i) => i.reason)).toEqual(['feet-out-of-frame', 'head-out-of-frame', 'front-on', 'low-confidence']);
    expect(framingBannerIssues([OTHERS, { reason: 'lifter-ambiguous', message: 'x', pausesCounting: false }])).toEqual([]);
  });

  it('says that reps are not counted only while the problem stops counting', () => {
    expect(framingBannerText(FEET)).toBe('Step back: feet out of frame — reps not counted');
    expect(framingBannerText(HEAD)).toBe('Step back: head out of frame');
  });
});

describe('lifter lock status', () => {
  it('names how many other people are ignored while the lifter is locked', () => {
    expect(lifterLockStatus(0, false)).toBeNull();
    expect(lifterLockStatus(1, false)?.text).toBe('Tracking you — 1 other person in view');
    expect(lifterLockStatus(3, false)).toEqual({ state: 'locked', otherPeople: 3, text: 'Tracking you — 3 other people in view' });
  });

  it('says counting is paused when the lifter cannot be told apart', () => {
    expect(lifterLockStatus(1, true)).toEqual({ state: 'ambiguous', otherPeople: 1, text: AMBIGUOUS_LIFTER_TEXT });
    expect(AMBIGUOUS_LIFTER_TEXT).toMatch(/counting paused/);
  });
});

describe('rejected reps and paused time', () => {
  it('words a rep that was not counted', () => {
    expect(rejectedRepText({ message: 'legs not clearly visible' })).toBe('1 rep not counted: legs not clearly visible');
    expect(rejectedRepText({ message: 'legs not clearly visible' }, 2)).toBe('2 reps not counted: legs not clearly visible');
  });

  it('sums the time per picture problem, longest first, without the informational people reason', () => {
    const ranges: FramingRange[] = [
      { ...FEET, startMs: 0, endMs: 2000 },
      { ...DARK, startMs: 2000, endMs: 5000 },
      { ...FEET, startMs: 6000, endMs: 8500 },
      { ...OTHERS, startMs: 0, endMs: 60_000 },
    ];
    expect(framingTimeByReason(ranges)).toEqual([
      { reason: 'feet-out-of-frame', message: FEET.message, durationMs: 4500 },
      { reason: 'low-confidence', message: DARK.message, durationMs: 3000 },
    ]);
  });
});

describe('FramingPersistence', () => {
  it('shows a problem only once it has lasted, keeps it over a dropped frame, and drops it once gone', () => {
    const p = new FramingPersistence(1000, 500);
    expect(p.update(0, [FEET])).toEqual([]);
    expect(p.update(400, [FEET])).toEqual([]);
    expect(p.update(800, [FEET])).toEqual([]);
    expect(p.update(1000, [FEET])).toEqual([FEET]);
    // One frame without it (333 ms at 3 fps) does not hide the banner…
    expect(p.update(1333, [])).toEqual([FEET]);
    expect(p.update(1666, [FEET])).toEqual([FEET]);
    // …but a real fix does.
    expect(p.update(2300, [])).toEqual([]);
  });

  it('never shows a problem seen on single frames', () => {
    const p = new FramingPersistence(1000, 500);
    // Frames every 300 ms; the problem on every third frame only.
    const shown = Array.from({ length: 12 }, (_, i) => p.update(i * 300, i % 3 === 0 ? [DARK] : []));
    expect(shown).toHaveLength(12);
    expect(shown.every((s) => s.length === 0)).toBe(true);
  });

  it('shows a problem seen on every frame of a slow machine (0.6 processed fps)', () => {
    const p = new FramingPersistence(1000, 500);
    expect(p.update(0, [FEET])).toEqual([]);
    expect(p.update(1700, [FEET])).toEqual([FEET]);
    expect(p.update(3400, [])).toEqual([]);
  });

  it('keeps saying reps are not counted while a problem that stopped counting lasts', () => {
    const p = new FramingPersistence(0, 500);
    expect(p.update(0, [DARK])).toEqual([DARK]);
    expect(p.update(300, [{ ...DARK, pausesCounting: true }])[0]?.pausesCounting).toBe(true);
    expect(p.update(600, [DARK])[0]?.pausesCounting).toBe(true);
  });

  it('forgets everything when the clock restarts (a new source)', () => {
    const p = new FramingPersistence(0, 500);
    expect(p.update(5000, [FEET])).toEqual([FEET]);
    expect(p.update(0, [DARK])).toEqual([DARK]);
  });

  it('rejects negative times', () => {
    expect(() => new FramingPersistence(-1, 0)).toThrow(/expected persistMs and toleranceMs >= 0, got -1 and 0/);
  });
});

describe('frameFraming', () => {
  const unusable = { kind: 'unusable' as const, personFound: true, inFrame: false, usable: false, reason: 'Step back: feet out of frame', missingJoints: ['leftAnkle'] };
  const usable = { ...unusable, kind: 'side' as const, usable: true, inFrame: true, reason: null, missingJoints: [] };
  const plain = ({ reason, message }: FramingIssue): FramingIssue => ({ reason, message });
  const AMBIGUOUS: FramingIssue = { reason: 'lifter-ambiguous', message: AMBIGUOUS_LIFTER_TEXT };

  it("on an unusable view, the analyser's first issue is the one that pauses counting", () => {
    const got = frameFraming({ view: unusable, framing: [FEET, HEAD, OTHERS].map(plain), otherPeople: 1 }, { lifterLock: 'locked' });
    expect(got).toEqual({ issues: [FEET, HEAD, OTHERS], otherPeople: 1, ambiguous: false });
  });

  it('pauses nothing while the view is usable (words only)', () => {
    expect(frameFraming({ view: usable, framing: [plain(HEAD)], otherPeople: 0 }, null).issues).toEqual([HEAD]);
  });

  it('blames no picture problem when the lifter cannot be told apart; the lock line says so', () => {
    const got = frameFraming({ view: unusable, framing: [AMBIGUOUS, plain(HEAD)], otherPeople: 1 }, { lifterLock: 'ambiguous' });
    expect(got.ambiguous).toBe(true);
    expect(got.issues.map((i) => i.pausesCounting)).toEqual([false, false]);
    expect(frameFraming({ view: unusable, framing: [plain(FEET)], otherPeople: 1 }, { lifterLock: 'ambiguous' }).ambiguous).toBe(true);
  });
});
