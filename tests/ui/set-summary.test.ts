/**
 * The end-of-set summary, rendered with Svelte's server renderer: every rep that was seen but not
 * counted gets a line with its time and reason, and the time with counting paused is named.
 */
import { render } from 'svelte/server';
import { describe, expect, it } from 'vitest';
import type { FramingRange, RejectedRep } from '../../src/analysis/types';
import { evaluateRep, summarizeSet } from '../../src/feedback';
import SetSummaryPanel from '../../src/ui/SetSummaryPanel.svelte';
import { makeRep } from '../feedback/rep-factory';

const rejected: RejectedRep[] = [
  { leg: 'left', startMs: 13_000, peakMs: 14_200, endMs: 16_000, reason: 'legs-not-visible', message: 'legs not clearly visible', evidence: 0.3 },
  { leg: 'left', startMs: 71_000, peakMs: 72_500, endMs: 74_000, reason: 'not-seen-at-peak', message: 'leg not seen at the top of the kick', evidence: 0.6 },
];
const framing: FramingRange[] = [
  { reason: 'feet-out-of-frame', message: 'Step back: feet out of frame', startMs: 12_000, endMs: 20_000 },
  { reason: 'other-people', message: '1 other person in view', startMs: 0, endMs: 80_000 },
];

describe('SetSummaryPanel', () => {
  it('lists each rep that was not counted with its set time and reason', () => {
    const reps = [makeRep({ index: 1 })];
    const verdicts = reps.map((r) => evaluateRep(r));
    const { body } = render(SetSummaryPanel, {
      props: { summary: summarizeSet(reps, verdicts), reps, verdicts, rejected, framing, originMs: 1000, onNewSet: () => {} },
    });
    expect(body).toMatch(/Set summary — 1 rep(<!--[^>]*>)?<span[^>]*> · 2 not counted/);
    expect(body).toContain('data-testid="rejected-list"');
    // Set time from the set's start (1 s): peaks at 14.2 s and 72.5 s.
    expect(body).toMatch(/0:13<\/span> left leg — legs not clearly visible/);
    expect(body).toMatch(/1:11<\/span> left leg — leg not seen at the top of the kick/);
    // Counted reps keep their table; the informational people range is no paused time.
    expect(body).toContain('data-testid="rep-table"');
    expect(body).toMatch(/data-testid="framing-summary"[\s\S]*Step back: feet out of frame <span[^>]*>\(8 s\)/);
    expect(body).not.toContain('1 other person in view');
  });

  it('with nothing counted, still lists what was not counted and offers the export', () => {
    const { body } = render(SetSummaryPanel, { props: { summary: summarizeSet([], []), reps: [], verdicts: [], rejected: rejected.slice(0, 1), onNewSet: () => {} } });
    expect(body).toContain('Set summary — 0 reps');
    // No set start given: time runs from the first rep seen.
    expect(body).toMatch(/0:01<\/span> left leg — legs not clearly visible/);
    expect(body).toContain('No rep was counted in this set');
    expect(body).toContain('data-testid="export-json"');
    // The CSV has one row per counted rep: with none, there is nothing to export.
    expect(body).not.toContain('data-testid="export-csv"');
  });

  it('says nothing about uncounted reps when there were none', () => {
    const { body } = render(SetSummaryPanel, { props: { summary: summarizeSet([], []), reps: [], verdicts: [], onNewSet: () => {} } });
    expect(body).not.toContain('rejected-list');
    expect(body).not.toContain('not counted');
    expect(body).toContain('No complete rep was seen in this set');
  });
});
