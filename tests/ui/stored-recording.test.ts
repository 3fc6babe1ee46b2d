/**
 * A recording to its stored form and back: the stored series passes the store's own checks,
 * keeps every rep peak, the landmarks come back as recorded, cues keep their text and colour.
 */
import { describe, expect, it } from 'vitest';
import { evaluateRep } from '../../src/feedback';
import { packLandmarks, type ReplayFrame, type SetRecording } from '../../src/state/set-series';
import { checkSetLandmarks, checkSetSeries } from '../../src/storage/set-series';
import { fromStored, toStoredLandmarks, toStoredSeries, STORED_SERIES_POINTS } from '../../src/ui/replay/stored-recording';
import { makeRep } from '../feedback/rep-factory';

function recording(n: number): SetRecording {
  const frames: ReplayFrame[] = [];
  for (let i = 0; i < n; i++) {
    const t = i * 33;
    frames.push({
      tMs: t,
      imageWidth: 640,
      imageHeight: 480,
      keypointSet: 'movenet17',
      xyv: packLandmarks([{ x: i, y: 2 * i, visibility: 0.5 }]),
      workingLeg: 'left',
      phase: 'lifting',
      angles: { tMs: t, hipExtensionDeg: 20 * Math.sin(i / 30) + (i === 4321 ? 30 : 0), kneeFlexionDeg: 10, torsoLeanDeg: null, lumbarArchDeg: 2 },
    });
  }
  return {
    frames,
    cues: [
      { startMs: 1000, endMs: 4500, text: 'Lower the kick', tone: 'bad', ruleId: 'kick-too-high' },
      { startMs: 6000, endMs: 9500, text: 'Nice squeeze', tone: 'good', ruleId: 'positive' },
    ],
  };
}

describe('stored recording', () => {
  it('stores a long set within the limits, with its peaks, and reads it back', () => {
    const rec = recording(9000);
    const peakT = 4321 * 33;
    const rep = makeRep({ index: 1, startMs: peakT - 1000, peakMs: peakT, endMs: peakT + 1000 });
    const series = toStoredSeries(rec, [rep], [evaluateRep(rep)]);
    expect(() => checkSetSeries(series)).not.toThrow();
    expect(series.tMs.length).toBeGreaterThan(0);
    expect(series.tMs.length).toBeLessThanOrEqual(STORED_SERIES_POINTS + 10);
    expect(series.tMs).toContain(peakT);
    expect(series.leg?.[0]).toBe('left');
    const landmarks = toStoredLandmarks(rec, true)!;
    expect(() => checkSetLandmarks(landmarks)).not.toThrow();
    expect(landmarks.frames.length).toBe(9000);

    const back = fromStored(series, landmarks);
    expect(back.frames.length).toBe(9000);
    expect(Array.from(back.frames[100]!.xyv)).toEqual([100, 200, 0.5]);
    expect(back.frames.find((f) => f.tMs === peakT)?.angles.hipExtensionDeg).toBeCloseTo(rec.frames[4321]!.angles.hipExtensionDeg!, 5);
    expect(back.cues.map((c) => [c.text, c.tone, c.endMs])).toEqual([['Lower the kick', 'bad', 4500], ['Nice squeeze', 'good', 9500]]);
  });

  it('stores no landmarks for an empty recording, and reads none back', () => {
    expect(toStoredLandmarks({ frames: [], cues: [] }, false)).toBeNull();
    expect(fromStored(undefined, undefined).frames).toEqual([]);
  });
});
