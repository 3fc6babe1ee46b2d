/**
 * History, pure: each set's score and top fix agree with the end-of-set summary; filter by leg
 * and date; sessions newest first; progress columns oldest first; left vs right in plain words.
 */
import { describe, expect, it } from 'vitest';
import type { RepMetrics, Side } from '../../src/analysis/types';
import { clearFlags, evaluateRep, summarizeSet } from '../../src/feedback';
import { LIFT_SAME_S, RANGE_SAME_DEG, compareLegs, daysWithBothLegs } from '../../src/state/history-asymmetry';
import { groupSessions, matchesFilter, progressColumns, setOverview, type HistorySetInput, type SetOverview } from '../../src/state/history-sets';
import { makeRep } from '../feedback/rep-factory';

const dayOf = (iso: string) => iso.slice(0, 10);
let nextId = 1;

function input(startedAt: string, reps: RepMetrics[], flags?: string[][]): HistorySetInput {
  return {
    id: nextId++,
    uid: `u${nextId}`,
    startedAt,
    endedAt: startedAt,
    source: 'camera',
    detector: 'movenet-lightning',
    reps: reps.map((rep, i) => ({ rep, flags: flags?.[i] ?? clearFlags(evaluateRep(rep)).map((f) => f.ruleId) })),
  };
}

const legReps = (leg: Side, n: number, over: Partial<RepMetrics> = {}) => Array.from({ length: n }, (_, i) => makeRep({ index: i + 1, ...over }, { startMs: 1000 + i * 5000 }, leg));

describe('set overview', () => {
  it('score and top fix are the summary’s, from the flags stored with each rep', () => {
    const reps = [makeRep({ index: 1 }), makeRep({ index: 2, peakHipExtensionDeg: 40 }), makeRep({ index: 3, peakHipExtensionDeg: 42 }), makeRep({ index: 4, concentricS: 0.2 })];
    const verdicts = reps.map((r) => evaluateRep(r));
    const summary = summarizeSet(reps, verdicts);
    expect(summary.toFix.length).toBeGreaterThan(0);
    const o = setOverview(input('2026-12-01T09:00:00.000Z', reps), dayOf);
    expect(o.score).toBe(summary.score);
    expect(o.topFix?.ruleId).toBe(summary.toFix[0]!.ruleId);
    expect(o.topFix?.count).toBe(summary.toFix[0]!.count);
    expect(o.repCount).toBe(4);
    expect(o.legs).toEqual(['right']);
  });

  it('a rep flagged not-visible is not judged; unknown stored ids are ignored; no rep → no score', () => {
    const reps = [makeRep({ index: 1 }), makeRep({ index: 2 })];
    const o = setOverview(input('2026-12-01T09:00:00.000Z', reps, [['not-visible'], ['kick-too-high', 'from-the-future']]), dayOf);
    expect(o.score).toBe(70); // safety (severity 3) costs 30, the not-visible rep is not averaged in
    expect(o.formFlags).toBe(1);
    expect(setOverview(input('2026-12-01T09:00:00.000Z', []), dayOf).score).toBeNull();
  });
});

describe('filter, sessions and progress', () => {
  const sets: SetOverview[] = [
    input('2026-11-30T18:00:00.000Z', legReps('left', 3)),
    input('2026-12-01T09:00:00.000Z', legReps('right', 2)),
    input('2026-12-01T09:10:00.000Z', legReps('left', 4)),
    input('2026-12-02T07:00:00.000Z', []),
  ].map((s) => setOverview(s, dayOf));

  it('filters by leg and by an inclusive date range', () => {
    expect(sets.filter((s) => matchesFilter(s, { leg: 'left', fromDay: '', toDay: '' })).map((s) => s.repCount)).toEqual([3, 4]);
    expect(sets.filter((s) => matchesFilter(s, { leg: 'all', fromDay: '2026-12-01', toDay: '2026-12-01' })).map((s) => s.repCount)).toEqual([2, 4]);
    expect(sets.filter((s) => matchesFilter(s, { leg: 'right', fromDay: '2026-12-02', toDay: '' }))).toHaveLength(0);
  });

  it('groups by day, newest day first and newest set first', () => {
    const sessions = groupSessions(sets);
    expect(sessions.map((s) => s.day)).toEqual(['2026-12-02', '2026-12-01', '2026-11-30']);
    expect(sessions[1]!.sets.map((s) => s.startedAt)).toEqual(['2026-12-01T09:10:00.000Z', '2026-12-01T09:00:00.000Z']);
  });

  it('progress: sets with counted reps, oldest first, one value per set', () => {
    const p = progressColumns([...sets].reverse());
    expect(p.startedAt).toEqual(['2026-11-30T18:00:00.000Z', '2026-12-01T09:00:00.000Z', '2026-12-01T09:10:00.000Z']);
    expect(p.score).toHaveLength(3);
    expect(p.romDeg.every((r) => typeof r === 'number')).toBe(true);
  });
});

describe('left vs right', () => {
  it('says the smaller range in plain words, with the numbers', () => {
    const sets = [input('2026-12-01T09:00:00.000Z', legReps('left', 3, { romDeg: 24 })), input('2026-12-01T09:05:00.000Z', legReps('right', 3, { romDeg: 36 }))].map((s) => setOverview(s, dayOf));
    expect(daysWithBothLegs(sets)).toEqual(['2026-12-01']);
    const c = compareLegs(sets, '2026-12-01');
    expect(c?.sentences[0]).toBe("Your left leg's range was 12° smaller than your right (24° against 36°).");
    const flipped = compareLegs(
      [input('2026-12-01T09:00:00.000Z', legReps('left', 2, { romDeg: 40 })), input('2026-12-01T09:05:00.000Z', legReps('right', 2, { romDeg: 31 }))].map((s) => setOverview(s, dayOf)),
      '2026-12-01',
    );
    expect(flipped?.sentences[0]).toBe("Your right leg's range was 9° smaller than your left (31° against 40°).");
  });

  it('within the camera’s noise it says "about the same"; tempo and flags get their sentences', () => {
    const left = legReps('left', 2, { romDeg: 30, concentricS: 0.5 });
    const right = legReps('right', 2, { romDeg: 30 + RANGE_SAME_DEG * 0.9, concentricS: 0.5 + LIFT_SAME_S * 3 });
    const sets = [input('2026-12-01T09:00:00.000Z', left, [['momentum'], ['momentum']]), input('2026-12-01T09:05:00.000Z', right, [[], []])].map((s) => setOverview(s, dayOf));
    const c = compareLegs(sets, '2026-12-01');
    expect(c?.sentences[0]).toMatch(/^Your legs' range was about the same/);
    expect(c?.sentences[1]).toMatch(/^You lifted faster with the left leg \(0\.5 s up against 0\.8 s\)/);
    expect(c?.sentences[2]).toBe('Your left leg was flagged more often: on 2 of 2 reps, most often momentum / swinging, against 0 of 2 reps on your right.');
  });

  it('no comparison on a day with one leg only', () => {
    const sets = [input('2026-12-01T09:00:00.000Z', legReps('left', 2))].map((s) => setOverview(s, dayOf));
    expect(daysWithBothLegs(sets)).toEqual([]);
    expect(compareLegs(sets, '2026-12-01')).toBeNull();
  });
});
