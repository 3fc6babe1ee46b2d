/**
 * The set review: the replay clock at 0.25×–2×, rep-by-rep stepping, choosing a rep from the
 * table or a plot; the plots' model (bands, zoom, what a screen reader hears); and the summary
 * rendering the replay and the plots for a recorded set.
 */
import { render } from 'svelte/server';
import { describe, expect, it } from 'vitest';
import { evaluateRep, summarizeSet } from '../../src/feedback';
import { SetReview, REPLAY_SPEEDS } from '../../src/state/replay.svelte';
import { flagMoments, packLandmarks, type ReplayFrame, type SetRecording } from '../../src/state/set-series';
import { plotPanels, repBands, zoomRange } from '../../src/ui/plots/plot-model';
import SetSummaryPanel from '../../src/ui/SetSummaryPanel.svelte';
import { makeRep } from '../feedback/rep-factory';

const reps = [
  makeRep({ index: 1, startMs: 1000, peakMs: 2000, endMs: 3000 }),
  makeRep({ index: 2, startMs: 4000, peakMs: 5000, endMs: 6000, peakHipExtensionDeg: 40 }),
];

function recording(fromMs = 0, toMs = 7000, stepMs = 100): SetRecording {
  const frames: ReplayFrame[] = [];
  for (let t = fromMs; t <= toMs; t += stepMs) {
    frames.push({
      tMs: t,
      imageWidth: 640,
      imageHeight: 480,
      keypointSet: 'movenet17',
      xyv: packLandmarks([{ x: 100, y: 100, visibility: 1 }]),
      workingLeg: 'right',
      phase: 'lifting',
      angles: { tMs: t, hipExtensionDeg: Math.sin(t / 500) * 20, kneeFlexionDeg: 15, torsoLeanDeg: 45, lumbarArchDeg: 1 },
    });
  }
  return { frames, cues: [{ startMs: 3000, endMs: 6500, text: 'Lower the kick', tone: 'bad', ruleId: 'kick-too-high' }] };
}

describe('SetReview', () => {
  it('plays at the chosen speed and stops at the end', () => {
    const r = new SetReview(recording(), reps);
    expect(r.timeMs).toBe(0);
    expect(REPLAY_SPEEDS[0]).toBe(0.25);
    expect(REPLAY_SPEEDS.at(-1)).toBe(2);
    r.speed = 0.25;
    r.play();
    r.tick(1000);
    expect(r.timeMs).toBe(250);
    r.speed = 2;
    r.tick(1000);
    expect(r.timeMs).toBe(2250);
    r.tick(60_000);
    expect(r.timeMs).toBe(7000);
    expect(r.playing).toBe(false);
    // Play from the end starts over.
    r.play();
    expect(r.timeMs).toBe(0);
  });

  it('shows the frame, the counter and the cue of the moment', () => {
    const r = new SetReview(recording(), reps);
    r.seek(3550);
    expect(r.frame?.tMs).toBe(3500);
    expect(r.repCount).toBe(1);
    expect(r.cue?.text).toBe('Lower the kick');
    r.seek(500);
    expect(r.cue).toBeNull();
    expect(r.repCount).toBe(0);
  });

  it('steps rep by rep, and choosing a rep jumps to its start', () => {
    const r = new SetReview(recording(), reps);
    r.step(1);
    expect(r.selected).toBe(1);
    expect(r.timeMs).toBe(1000);
    r.step(1);
    expect(r.selected).toBe(2);
    expect(r.timeMs).toBe(4000);
    r.step(1);
    expect(r.selected).toBe(2);
    r.step(-1);
    expect(r.selected).toBe(1);
    r.select(null);
    expect(r.selected).toBeNull();
  });

  it('without recorded frames it does not play', () => {
    const r = new SetReview({ frames: [], cues: [] }, reps);
    r.play();
    expect(r.playing).toBe(false);
    expect(r.hasFrames).toBe(false);
  });
});

describe('plot model', () => {
  it('has one band per rep and zooms to the chosen rep with a margin', () => {
    const bands = repBands(reps, 1000);
    expect(bands.map((b) => [b.x0S, b.x1S])).toEqual([[0, 2], [3, 5]]);
    expect(zoomRange(reps, 2, 1000, [0, 6])).toEqual([2.5, 5.5]);
    expect(zoomRange(reps, null, 1000, [0, 6])).toEqual([0, 6]);
  });
  it('tells a screen reader the range, the target band and the flags', () => {
    const verdicts = reps.map((r) => evaluateRep(r));
    const moments = flagMoments(reps, verdicts);
    expect(moments.some((m) => m.ruleId === 'kick-too-high')).toBe(true);
    const panels = plotPanels(recording().frames.map((f) => f.angles), reps, moments, 0, { minDeg: 5, maxDeg: 25 });
    expect(panels.map((p) => p.channel)).toEqual(['hipExtensionDeg', 'kneeFlexionDeg', 'torsoLeanDeg', 'lumbarArchDeg']);
    const hip = panels[0]!;
    expect(hip.description).toMatch(/2 reps shaded/);
    expect(hip.description).toMatch(/Target band 5° to 25°/);
    expect(hip.description).toMatch(/rep 2 kick too high/);
    expect(panels[1]!.description).not.toMatch(/Target band/);
  });
});

describe('SetSummaryPanel with a recorded set', () => {
  it('renders the replay and the four plots; without frames, the plots alone', () => {
    const verdicts = reps.map((r) => evaluateRep(r));
    const props = { summary: summarizeSet(reps, verdicts), reps, verdicts, originMs: 0, onNewSet: () => {}, band: { minDeg: 5, maxDeg: 25 } };
    const withRec = render(SetSummaryPanel, { props: { ...props, recording: recording() } }).body;
    expect(withRec).toContain('data-testid="replay"');
    expect(withRec).toContain('data-testid="replay-scrubber"');
    // The replay's clock shows tenths: a rep lasts a couple of seconds.
    expect(withRec).toMatch(/0:00\.0 \/ 0:07\.0/);
    expect(withRec.match(/data-testid="plot-/g)?.length).toBe(4);
    expect(withRec).toContain('data-testid="rep-pick-2"');
    const without = render(SetSummaryPanel, { props }).body;
    expect(without).not.toContain('data-testid="replay"');
    expect(without).toContain('data-testid="angle-plots"');
  });
});
