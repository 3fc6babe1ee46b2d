import { describe, expect, it } from 'vitest';
import { FramingRangeTracker, FRAMING_MERGE_GAP_MS } from '../../src/analysis/framing-ranges';
import { MIN_SEEN_SHARE, repEvidenceGate, type EvidenceSample } from '../../src/analysis/rep-evidence-gate';
import { readLifterLock } from '../../src/analysis/lifter-lock';
import { createKickbackAnalyzer } from '../../src/analysis/kickback-analyzer';
import { generateKickbackSet } from '../../src/synthetic';

/** 30 fps frames over 0..2 s; `seen(t)` decides legs and trunk. */
function frames(seen: (t: number) => boolean, ambiguous: (t: number) => boolean = () => false): EvidenceSample[] {
  return Array.from({ length: 61 }, (_, i) => {
    const t = (i * 1000) / 30;
    return { t, legSeen: seen(t), trunkSeen: seen(t), ambiguous: ambiguous(t) };
  });
}
const rep = { leg: 'right' as const, startMs: 300, peakMs: 1000, endMs: 1700 };

describe('rep evidence gate', () => {
  it('passes a rep seen throughout', () => {
    expect(repEvidenceGate(frames(() => true), rep)).toBeNull();
  });

  it('rejects a rep whose legs were seen in under the minimum share of its frames', () => {
    // Seen only in the first 40 % of the rep (start included).
    const r = repEvidenceGate(frames((t) => t < 300 + 0.4 * 1400), rep);
    expect(r?.reason).toBe('legs-not-visible');
    expect(r?.message).toBe('legs not clearly visible');
    expect(r?.evidence ?? 1).toBeLessThan(MIN_SEEN_SHARE);
    expect(r).toMatchObject({ leg: 'right', startMs: 300, peakMs: 1000, endMs: 1700 });
  });

  it('rejects a rep not seen at its peak or its start, even when seen most of the time', () => {
    expect(repEvidenceGate(frames((t) => Math.abs(t - 1000) > 60), rep)?.reason).toBe('not-seen-at-peak');
    expect(repEvidenceGate(frames((t) => Math.abs(t - 300) > 60), rep)?.reason).toBe('not-seen-at-start');
  });

  it('one dropped frame at the peak is not a rep nobody saw', () => {
    expect(repEvidenceGate(frames((t) => Math.abs(t - 1000) > 20), rep)).toBeNull();
  });

  it('says the lifter could not be told apart when any of the rep was ambiguous', () => {
    expect(repEvidenceGate(frames(() => true, (t) => t > 900 && t < 1100), rep)?.reason).toBe('lifter-ambiguous');
  });
});

describe('framing ranges', () => {
  const feet = { reason: 'feet-out-of-frame' as const, message: 'Step back: feet out of frame' };
  it('merges frames across a short gap and splits on a long one; finish() closes open ranges', () => {
    const tracker = new FramingRangeTracker();
    tracker.update(0, [feet]);
    tracker.update(100, [feet]);
    tracker.update(200, []);
    tracker.update(300, [feet]); // 200 ms gap: same range
    tracker.update(300 + FRAMING_MERGE_GAP_MS + 100, []); // closes it
    tracker.update(2000, [feet]);
    tracker.update(2100, [feet]);
    expect(tracker.ranges).toEqual([{ ...feet, startMs: 0, endMs: 300 }]);
    tracker.finish();
    expect(tracker.ranges).toEqual([
      { ...feet, startMs: 0, endMs: 300 },
      { ...feet, startMs: 2000, endMs: 2100 },
    ]);
  });

  it('drops a problem seen in a single frame', () => {
    const tracker = new FramingRangeTracker();
    tracker.update(0, [feet]);
    tracker.update(100, []);
    tracker.finish();
    expect(tracker.ranges).toEqual([]);
  });
});

describe('lifter lock reading', () => {
  it('locked with others: usable, others counted; no lock with others, or ambiguous: not usable', () => {
    expect(readLifterLock({ personCount: 2, lifterLock: 'locked' })).toEqual({ otherPeople: 1, ambiguous: false });
    expect(readLifterLock({ personCount: 3 })).toEqual({ otherPeople: 2, ambiguous: true });
    expect(readLifterLock({ personCount: 1, lifterLock: 'ambiguous' })).toEqual({ otherPeople: 0, ambiguous: true });
    expect(readLifterLock({})).toEqual({ otherPeople: 0, ambiguous: false });
  });
});

describe('kickback analyser: counts only what it saw', () => {
  it('reports, and does not count, reps whose legs were hidden most of the time', () => {
    const set = generateKickbackSet({ reps: 4 });
    const [, second] = set.reps;
    if (second === undefined) throw new Error('expected at least two reps');
    // The second rep's leg drops below the visibility gate for its middle 70 %, as in the dark.
    const span = second.endMs - second.startMs;
    const frames = set.frames.map((f) => {
      if (f.timestampMs < second.startMs + 0.15 * span || f.timestampMs > second.endMs - 0.15 * span) return f;
      return { ...f, landmarks: f.landmarks.map((l, i) => (i === 26 || i === 28 ? { ...l, visibility: 0.1 } : l)) };
    });
    const analyzer = createKickbackAnalyzer();
    const results = frames.map((f) => analyzer.push(f));
    analyzer.finish();
    expect(analyzer.reps.length + analyzer.rejected.length).toBeLessThanOrEqual(4);
    expect(analyzer.reps.length).toBeLessThan(4);
    expect(analyzer.reps.every((r) => r.endMs < second.startMs || r.startMs > second.endMs)).toBe(true);
    const flagged = results.filter((r) => r.rejectedRep !== null);
    expect(flagged.length).toBe(analyzer.rejected.length);
    expect(results.at(-1)?.rejectedCount).toBe(analyzer.rejected.length);
  });
});
