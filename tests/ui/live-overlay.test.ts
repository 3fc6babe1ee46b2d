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
    expect(body).toContain(value === null ? 'aria-valuetext="not visible"' : `aria-valuetext="${value} degrees"`);
  });

  it('says when it is still learning the personal limit', () => {
    expect(render(HipGauge, { props: { valueDeg: 0, targetMinDeg: 5, targetMaxDeg: 25, learning: true } }).body).toContain('learning your limit');
    expect(render(HipGauge, { props: { valueDeg: 0, targetMinDeg: 5, targetMaxDeg: 22, learning: false } }).body).toContain('target ≤ 22°');
  });
});
