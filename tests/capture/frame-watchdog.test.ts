/** The frame watchdog with time passed in: stall after 2 s without a frame, mute and hidden pause, all resume by themselves. */
import { describe, expect, it } from 'vitest';
import { FRAME_STALL_MS, FrameWatchdog } from '../../src/capture/frame-watchdog';

describe('FrameWatchdog', () => {
  it('stays quiet while frames come, and flags a stall only after FRAME_STALL_MS without one', () => {
    const w = new FrameWatchdog(0);
    let last = 0;
    for (let t = 0; t <= 5000; t += 33) {
      w.frame(t);
      last = t;
      expect(w.check(t + 10)).toBeNull();
    }
    expect(last).toBeGreaterThan(4900);
    expect(w.check(last + FRAME_STALL_MS)).toBeNull();
    expect(w.check(last + FRAME_STALL_MS + 1)).toBe('stalled');
  });

  it('counts the wait from the start when no first frame ever comes', () => {
    const w = new FrameWatchdog(1000);
    expect(w.check(1000 + FRAME_STALL_MS)).toBeNull();
    expect(w.check(1001 + FRAME_STALL_MS)).toBe('stalled');
  });

  it('resumes by itself on the next frame after a stall', () => {
    const w = new FrameWatchdog(0);
    expect(w.check(3000)).toBe('stalled');
    expect(w.frame(3100)).toBe(true);
    expect(w.reason).toBeNull();
    expect(w.check(3200)).toBeNull();
  });

  it('pauses on mute whatever frames do, and resumes on unmute with a fresh stall period', () => {
    const w = new FrameWatchdog(0);
    w.frame(100);
    w.setMuted(true, 200);
    expect(w.reason).toBe('muted');
    expect(w.frame(233), 'a frame during a mute is not analysed').toBe(false);
    expect(w.check(10_000), 'a mute is not also a stall').toBe('muted');
    w.setMuted(false, 10_000);
    expect(w.reason).toBeNull();
    expect(w.check(10_000 + FRAME_STALL_MS)).toBeNull();
    expect(w.check(10_001 + FRAME_STALL_MS)).toBe('stalled');
  });

  it('pauses while hidden (the most telling reason wins) and waits a stall period for frames once shown', () => {
    const w = new FrameWatchdog(0);
    w.setMuted(true, 50);
    w.setHidden(true, 100);
    expect(w.reason).toBe('hidden');
    expect(w.check(60_000)).toBe('hidden');
    w.setMuted(false, 60_000);
    w.setHidden(false, 60_000);
    expect(w.check(60_000 + FRAME_STALL_MS)).toBeNull();
    expect(w.frame(60_500)).toBe(true);
  });

  it('does not watch frame gaps when told not to (a recorded video played slowly), but still pauses when hidden', () => {
    const w = new FrameWatchdog(0, { watchFrames: false });
    expect(w.check(60_000)).toBeNull();
    w.setHidden(true, 60_000);
    expect(w.check(60_001)).toBe('hidden');
  });

  it('rejects a stall period that is not positive', () => {
    expect(() => new FrameWatchdog(0, { stallMs: 0 })).toThrow(/expected stallMs > 0, got 0/);
  });
});
