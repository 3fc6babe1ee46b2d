/**
 * A stored set opened from History: stored flags placed on the plots where the summary puts them,
 * what the review says without a replay or a series, the same day's other-leg set, and the
 * history state opening a set and finding its other leg.
 */
import { describe, expect, it } from 'vitest';
import type { RepMetrics, Side } from '../../src/analysis/types';
import { clearFlags, evaluateRep } from '../../src/feedback';
import { otherLegSet } from '../../src/state/history-asymmetry';
import { plotsFromRepsNote, replayMissingReason, storedFlagMoments, storedReps, withRepEdges } from '../../src/state/history-review';
import { setOverview, type HistorySetInput } from '../../src/state/history-sets';
import { HistoryState } from '../../src/state/history.svelte';
import { flagMoments } from '../../src/state/set-series';
import { makeRep } from '../feedback/rep-factory';

const dayOf = (iso: string) => iso.slice(0, 10);
let nextId = 1;

function input(startedAt: string, leg: Side, reps: Partial<RepMetrics>[], flags?: string[][]): HistorySetInput {
  const made = reps.map((over, i) => makeRep({ index: i + 1, ...over }, { startMs: 1000 + i * 5000 }, leg));
  return {
    id: nextId++,
    uid: `u${nextId}`,
    startedAt,
    endedAt: startedAt,
    source: 'camera',
    detector: 'movenet-lightning',
    reps: made.map((rep, i) => ({ rep, flags: flags?.[i] ?? clearFlags(evaluateRep(rep)).map((f) => f.ruleId) })),
  };
}

describe('stored set review, pure', () => {
  it('places stored flags where the summary placed the live verdicts (same time, same plot)', () => {
    const set = input('2026-12-01T09:00:00.000Z', 'right', [{}, { peakHipExtensionDeg: 40 }, { kneeFlexionAtPeakDeg: 60 }]);
    const flagged = set.reps.filter((r) => r.flags.length > 0);
    expect(flagged.length).toBeGreaterThan(0);
    const live = flagMoments(storedReps(set.reps), set.reps.map((r) => evaluateRep(r.rep))).filter((m) => !m.borderline);
    const stored = storedFlagMoments(set.reps);
    expect(stored.length).toBe(live.length);
    expect(stored.map((m) => [m.repIndex, m.ruleId, m.channel, m.tMs])).toEqual(live.map((m) => [m.repIndex, m.ruleId, m.channel, m.tMs]));
  });

  it('a flag the preset does not raise again (a personal threshold) goes mid-rep on the hip plot; an unknown id is left out', () => {
    const set = input('2026-12-01T09:00:00.000Z', 'right', [{}], [['kick-too-high', 'no-such-rule']]);
    expect(clearFlags(evaluateRep(set.reps[0]!.rep)).map((f) => f.ruleId)).not.toContain('kick-too-high');
    const moments = storedFlagMoments(set.reps);
    expect(moments).toHaveLength(1);
    const rep = set.reps[0]!.rep;
    expect(moments[0]).toMatchObject({ ruleId: 'kick-too-high', channel: 'hipExtensionDeg', tMs: (rep.startMs + rep.endMs) / 2, borderline: false });
  });

  it('says why there is no replay, and when the plots come from the reps alone', () => {
    expect(replayMissingReason({ hasSeries: true, hasLandmarks: true, imported: false })).toBeNull();
    expect(replayMissingReason({ hasSeries: true, hasLandmarks: false, imported: true })).toMatch(/imported.*never exported/);
    expect(replayMissingReason({ hasSeries: false, hasLandmarks: false, imported: false })).toMatch(/reloaded or closed mid-set/);
    expect(plotsFromRepsNote({ hasSeries: true, hasLandmarks: false, imported: true })).toBeNull();
    expect(plotsFromRepsNote({ hasSeries: false, hasLandmarks: false, imported: false })).toMatch(/rebuilt from the counted reps/);
  });

  it('the other leg: the same day, nearest in time; none for a set of both legs or on a day of one leg', () => {
    const sets = [
      input('2026-12-01T09:00:00.000Z', 'right', [{}]),
      input('2026-12-01T09:06:00.000Z', 'left', [{}]),
      input('2026-12-01T18:00:00.000Z', 'left', [{}]),
      input('2026-11-30T09:03:00.000Z', 'left', [{}]),
      input('2026-11-30T09:00:00.000Z', 'left', [{}]),
    ].map((s) => setOverview(s, dayOf));
    expect(otherLegSet(sets, sets[0]!)?.id).toBe(sets[1]!.id);
    expect(otherLegSet(sets, sets[2]!)?.id).toBe(sets[0]!.id);
    expect(otherLegSet(sets, sets[3]!)).toBeNull();
    const both = setOverview({ ...input('2026-12-01T10:00:00.000Z', 'right', [{}]), reps: [...input('x', 'left', [{}]).reps, ...input('x', 'right', [{}]).reps] }, dayOf);
    expect(both.legs).toHaveLength(2);
    expect(otherLegSet([...sets, both], both)).toBeNull();
  });
});

describe('history state: a set opened for review', () => {
  it('opens a set, finds its other leg and the day\'s comparison, and closes', async () => {
    const right = input('2026-12-01T09:00:00.000Z', 'right', [{ romDeg: 36 }, { romDeg: 36 }]);
    const left = input('2026-12-01T09:06:00.000Z', 'left', [{ romDeg: 24 }, { romDeg: 25 }]);
    const history = new HistoryState(
      { listSets: async () => [left, right], deleteSet: async () => null, restoreSet: async () => {}, importText: async () => ({ ok: false, message: '' }), deleteAll: async () => {} },
      dayOf,
    );
    await history.load();
    expect(history.opened).toBeNull();
    history.open(left.id);
    expect(history.opened?.id).toBe(left.id);
    expect(history.openedOther?.id).toBe(right.id);
    expect(history.openedComparison?.sentences[0]).toMatch(/left leg's range was 1[12]° smaller/);
    // The filter hides the right leg's sets from the list, not from the review's link.
    history.leg = 'left';
    expect(history.openedOther?.id).toBe(right.id);
    history.open(null);
    expect(history.opened).toBeNull();
  });
});

describe('a stored series with the reps at its edges', () => {
  const sample = (tMs: number, hip: number) => ({ tMs, hipExtensionDeg: hip, kneeFlexionDeg: null, torsoLeanDeg: null, lumbarArchDeg: null });
  it('takes the reps\' samples before and after the series, never inside it', () => {
    const series = [sample(400, 1), sample(800, 2)];
    const reps = [sample(0, -20), sample(200, -5), sample(400, 99), sample(600, 99), sample(1000, -20)];
    const out = withRepEdges(series, reps);
    expect(out.map((s) => s.tMs)).toEqual([0, 200, 400, 800, 1000]);
    expect(out.map((s) => s.hipExtensionDeg)).toEqual([-20, -5, 1, 2, -20]);
    expect(withRepEdges([], reps)).toEqual(reps);
  });
});
