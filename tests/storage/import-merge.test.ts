/** Import merge planning: importing twice, or back into the browser that recorded it, adds nothing. */
import { describe, expect, it } from 'vitest';
import { hash53, planMerge, setContentKey, type ImportedSet } from '../../src/storage/import-merge';
import { makeRep } from '../feedback/rep-factory';

function set(uid: string, startMss: number[], extra: Partial<ImportedSet> = {}): ImportedSet {
  return {
    uid,
    startedAt: '2026-12-01T09:00:00.000Z',
    endedAt: '2026-12-01T09:02:00.000Z',
    source: 'camera',
    detector: 'movenet-lightning',
    reps: startMss.map((startMs, i) => ({ rep: makeRep({ index: i + 1 }, { startMs }), flags: [] })),
    rejected: [],
    framing: [],
    series: null,
    ...extra,
  };
}

describe('planMerge', () => {
  it('adds what is new; a second import of the same sets adds nothing', () => {
    const incoming = [set('a', [1000, 5000]), set('b', [9000])];
    const first = planMerge([], incoming);
    expect(first.add.map((s) => s.uid)).toEqual(['a', 'b']);
    expect(first.duplicates).toBe(0);
    const stored = first.add.map((s) => ({ uid: s.uid, contentKey: setContentKey(s.source, s.reps.map((r) => r.rep), s.rejected) }));
    const second = planMerge(stored, incoming);
    expect(second.add).toHaveLength(0);
    expect(second.duplicates).toBe(2);
  });

  it('a set with a new uid but the same reps as a stored one is a duplicate (a v1 file back home)', () => {
    const home = set('recorded-uuid', [1000, 5000]);
    const stored = [{ uid: home.uid, contentKey: setContentKey('camera', home.reps.map((r) => r.rep), []) }];
    const back = set('v1-xyz', [1000, 5000]);
    expect(planMerge(stored, [back]).add).toHaveLength(0);
    // Same times, other source: another set.
    expect(planMerge(stored, [set('v1-xyz', [1000, 5000], { source: 'file' })]).add).toHaveLength(1);
    // One rep different: another set.
    expect(planMerge(stored, [set('v1-abc', [1000, 5001])]).add).toHaveLength(1);
  });

  it('drops duplicates inside the file itself, first one wins', () => {
    const plan = planMerge([], [set('a', [1000]), set('a', [2000]), set('c', [1000])]);
    expect(plan.add.map((s) => s.reps[0]!.rep.startMs)).toEqual([1000]);
    expect(plan.duplicates).toBe(2);
  });

  it('sets with no rep at all are told apart by uid only', () => {
    const plan = planMerge([{ uid: 'x', contentKey: '' }], [set('y', []), set('z', []), set('x', [])]);
    expect(plan.add.map((s) => s.uid)).toEqual(['y', 'z']);
    expect(plan.duplicates).toBe(1);
  });
});

describe('setContentKey and hash53', () => {
  it('ignores rep order and sub-millisecond differences (what a JSON round trip may change)', () => {
    const a = makeRep({ index: 1 }, { startMs: 1000 });
    const b = makeRep({ index: 2 }, { startMs: 5000 });
    expect(setContentKey('camera', [b, a], [])).toBe(setContentKey('camera', [a, { ...b, startMs: b.startMs + 0.2 }], []));
    expect(setContentKey('camera', [], [])).toBe('');
  });

  it('is stable and spreads', () => {
    expect(hash53('kickcheck')).toBe(hash53('kickcheck'));
    const hashes = new Set(Array.from({ length: 1000 }, (_, i) => hash53(`set-${i}`)));
    expect(hashes.size).toBe(1000);
  });
});
