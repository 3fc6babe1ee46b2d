/**
 * Component tests for the live screen, rendered with Svelte's own server renderer: the markup a
 * lifter sees (counter, cue, framing check, gauge zone, ARIA) for given analysis states.
 */
import { render } from 'svelte/server';
import { describe, expect, it } from 'vitest';
import type { FrameAnalysis } from '../../src/analysis/types';
import LiveOverlay from '../../src/ui/LiveOverlay.svelte';
import HipGauge from '../../src/ui/HipGauge.svelte';

function analysis(over: Partial<FrameAnalysis> = {}): FrameAnalysis {
  return {
    timestampMs: 1000,
    angles: { torsoLeanDeg: 45, hipExtensionDeg: 12, thighElevationDeg: 50, kneeFlexionDeg: 15, lumbarArchDeg: 1, pelvisTiltDeg: null },
    anglePath: '2d',
    lumbarArchSource: 'trunk-lean',
    workingLeg: 'right',
    facing: 'left',
    view: { kind: 'side', personFound: true, inFrame: true, usable: true, reason: null, missingJoints: [] },
    phase: 'lifting',
    repCount: 3,
    completedRep: null,
    ...over,
  };
}

const base = { status: 'active' as const, repCount: 3, elapsedMs: 65_000, cue: null, lastPeakDeg: 18, targetMinDeg: 5, targetMaxDeg: 25, learning: false };

describe('LiveOverlay', () => {
  it('shows the rep count, working leg, set time and phase', () => {
    const { body } = render(LiveOverlay, { props: { ...base, analysis: analysis() } });
    expect(body).toMatch(/<span class="count[^"]*">3<\/span>/);
    expect(body).toContain('Right leg');
    expect(body).toContain('1:05');
    expect(body).toContain('Kick');
  });

  it('shows the current cue with its tone', () => {
    const { body } = render(LiveOverlay, { props: { ...base, analysis: analysis(), cue: { text: 'Lower the kick', tone: 'bad' } } });
    expect(body).toMatch(/class="cue bad[^"]*"[^>]*>Lower the kick</);
  });

  it('before the set, shows what is wrong with the framing', () => {
    const view = { kind: 'front' as const, personFound: true, inFrame: false, usable: false, reason: 'Step back: feet out of frame', missingJoints: ['leftAnkle'] };
    const { body } = render(LiveOverlay, { props: { ...base, status: 'ready', repCount: 0, analysis: analysis({ view }) } });
    expect(body).toContain('Step back: feet out of frame');
    expect(body).toMatch(/data-ready="false"/);
    expect(body).toMatch(/✗<\/span> Whole body in frame/);
  });

  it('no longer asks for the lifter to be alone in the picture', () => {
    const { body } = render(LiveOverlay, { props: { ...base, status: 'ready', repCount: 0, analysis: analysis() } });
    expect(body).toContain('Side-on to the camera');
    expect(body).not.toContain('Only you in the picture');
  });

  it('during the set, shows the framing problem at the edge and that reps are not counted', () => {
    const framing = [{ reason: 'feet-out-of-frame' as const, message: 'Step back: feet out of frame', pausesCounting: true }];
    const { body } = render(LiveOverlay, { props: { ...base, analysis: analysis(), framing } });
    expect(body).toMatch(/data-testid="framing" data-reason="feet-out-of-frame"/);
    expect(body).toContain('Step back: feet out of frame — reps not counted');
    // The checklist is for before the set; during it, the counter and the banner stay.
    expect(body).not.toContain('Whole body in frame');
    expect(body).toMatch(/<span class="count[^"]*">3<\/span>/);
  });

  it('during the set, shows a problem that does not stop counting without saying reps are lost', () => {
    const framing = [{ reason: 'head-out-of-frame' as const, message: 'Step back: head out of frame', pausesCounting: false }];
    const { body } = render(LiveOverlay, { props: { ...base, analysis: analysis(), framing } });
    expect(body).toContain('Step back: head out of frame');
    expect(body).not.toContain('reps not counted');
  });

  it('shows no framing banner during the set while the picture is fine, nor after the set', () => {
    const framing = [{ reason: 'feet-out-of-frame' as const, message: 'Step back: feet out of frame', pausesCounting: true }];
    expect(render(LiveOverlay, { props: { ...base, analysis: analysis() } }).body).not.toContain('data-testid="framing"');
    expect(render(LiveOverlay, { props: { ...base, status: 'done', analysis: analysis(), framing } }).body).not.toContain('reps not counted');
  });

  it('shows the framing banner instead of the same words as a cue', () => {
    const framing = [{ reason: 'front-on' as const, message: 'Turn side-on to the camera', pausesCounting: true }];
    const cue = { text: 'Turn side-on to the camera', tone: 'bad' as const, ruleId: 'not-visible' };
    const { body } = render(LiveOverlay, { props: { ...base, analysis: analysis(), framing, cue } });
    expect(body).toContain('Turn side-on to the camera — reps not counted');
    expect(body).not.toContain('data-testid="cue"');
    const rule = { text: 'Lower the kick', tone: 'bad' as const, ruleId: 'kick-too-high' };
    expect(render(LiveOverlay, { props: { ...base, analysis: analysis(), framing, cue: rule } }).body).toContain('Lower the kick');
  });

  it('says who is tracked while other people are in view', () => {
    const lifterLock = { state: 'locked' as const, otherPeople: 1, text: 'Tracking you — 1 other person in view' };
    const { body } = render(LiveOverlay, { props: { ...base, analysis: analysis(), lifterLock } });
    expect(body).toMatch(/data-testid="lifter-lock" data-state="locked"[^>]*>Tracking you — 1 other person in view</);
    expect(render(LiveOverlay, { props: { ...base, analysis: analysis() } }).body).not.toContain('lifter-lock');
  });

  it('says counting is paused when the lifter cannot be told apart', () => {
    const lifterLock = { state: 'ambiguous' as const, otherPeople: 1, text: "Can't tell you apart from the person next to you — counting paused" };
    const { body } = render(LiveOverlay, { props: { ...base, status: 'ready', repCount: 0, analysis: analysis(), lifterLock } });
    expect(body).toMatch(/data-state="ambiguous"[^>]*>Can't tell you apart from the person next to you — counting paused</);
    expect(body).toMatch(/data-ready="false"/);
    expect(body).not.toContain('Ready — start kicking');
  });

  it('shows a rep that was not counted next to the counter', () => {
    const { body } = render(LiveOverlay, { props: { ...base, analysis: analysis(), rejectedNotice: '1 rep not counted: legs not clearly visible' } });
    expect(body).toMatch(/data-testid="rejected-reps"[^>]*>1 rep not counted: legs not clearly visible</);
    expect(render(LiveOverlay, { props: { ...base, analysis: analysis() } }).body).not.toContain('rejected-reps');
  });

  it('says ready when the view is usable', () => {
    const { body } = render(LiveOverlay, { props: { ...base, status: 'ready', repCount: 0, analysis: analysis() } });
    expect(body).toContain('Ready — start kicking');
    expect(body).toMatch(/data-ready="true"/);
  });
});

describe('HipGauge', () => {
  it.each([
    [30, 'high'],
    [12, 'good'],
    [-10, 'low'],
    [null, 'unknown'],
  ] as const)('puts %s° in the %s zone of a 5–25° band', (value, zone) => {
    const { body } = render(HipGauge, { props: { valueDeg: value, targetMinDeg: 5, targetMaxDeg: 25 } });
    expect(body).toContain(`data-zone="${zone}"`);
    expect(body).toContain(value === null ? 'aria-label="Hip extension: not visible"' : `aria-valuetext="${value} degrees"`);
  });

  it('says when it is still learning the personal limit', () => {
    expect(render(HipGauge, { props: { valueDeg: 0, targetMinDeg: 5, targetMaxDeg: 25, learning: true } }).body).toContain('learning your limit');
    expect(render(HipGauge, { props: { valueDeg: 0, targetMinDeg: 5, targetMaxDeg: 22, learning: false } }).body).toContain('target ≤ 22°');
  });

  it('shows the lumbar arch against rest beside the hip angle, and a dash before rest is known', () => {
    const arched = render(HipGauge, { props: { valueDeg: 20, targetMinDeg: 5, targetMaxDeg: 25, archDeg: 7.6 } }).body;
    expect(arched).toMatch(/data-testid="arch-readout"[^>]*>Arch <b>\+8°<\/b>/);
    expect(arched).toContain('aria-label="Lumbar arch 8 degrees against rest"');
    expect(render(HipGauge, { props: { valueDeg: 20, targetMinDeg: 5, targetMaxDeg: 25 } }).body).toMatch(/Arch <b>–<\/b>/);
    // From the live overlay: the frame's own arch reading reaches the gauge.
    expect(render(LiveOverlay, { props: { ...base, analysis: analysis({ angles: { ...analysis().angles, lumbarArchDeg: -3 } }) } }).body).toMatch(/Arch <b>-3°<\/b>/);
  });
});
