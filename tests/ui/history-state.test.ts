/** The history state with an in-memory store: delete then undo, import messages, a failing store. */
import { describe, expect, it } from 'vitest';
import type { HistorySetInput } from '../../src/state/history-sets';
import { HistoryState, type HistoryStore, type ImportReply } from '../../src/state/history.svelte';
import { makeRep } from '../feedback/rep-factory';

function memoryStore(initial: HistorySetInput[]) {
  let sets = [...initial];
  const store: HistoryStore<HistorySetInput> & { replies: ImportReply[] } = {
    replies: [],
    listSets: async () => [...sets].sort((a, b) => (a.startedAt < b.startedAt ? 1 : -1)),
    deleteSet: async (id) => {
      const found = sets.find((s) => s.id === id);
      if (!found) throw new Error(`no set ${id}`);
      sets = sets.filter((s) => s.id !== id);
      return found;
    },
    restoreSet: async (d) => {
      sets = [...sets, d];
    },
    importText: async () => store.replies.shift() ?? { ok: false, message: 'no reply' },
    deleteAll: async () => {
      sets = [];
    },
  };
  return store;
}

const set = (id: number, startedAt: string, endedAt: string | null = startedAt): HistorySetInput => ({
  id,
  uid: `u${id}`,
  startedAt,
  endedAt,
  source: 'camera',
  detector: 'x',
  reps: [{ rep: makeRep({ index: 1 }), flags: [] }],
});

describe('HistoryState', () => {
  it('deletes a set, offers undo, and undo brings it back', async () => {
    const h = new HistoryState(memoryStore([set(1, '2026-12-01T09:00:00.000Z'), set(2, '2026-12-01T10:00:00.000Z')]), (iso) => iso.slice(0, 10));
    await h.load();
    expect(h.totalSets).toBe(2);
    await h.remove(h.visible[0]!, 'Set of 10:00 deleted.');
    expect(h.totalSets).toBe(1);
    expect(h.undoLabel).toBe('Set of 10:00 deleted.');
    await h.undo();
    expect(h.totalSets).toBe(2);
    expect(h.undoLabel).toBeNull();
    expect(h.sessions[0]!.sets.map((s) => s.id)).toEqual([2, 1]);
  });

  it('never deletes a set still being recorded', async () => {
    const h = new HistoryState(memoryStore([set(1, '2026-12-01T09:00:00.000Z', null)]));
    await h.load();
    await h.remove(h.visible[0]!, 'x');
    expect(h.totalSets).toBe(1);
    expect(h.undoLabel).toBeNull();
  });

  it('says what an import did, or why it was refused', async () => {
    const store = memoryStore([]);
    const h = new HistoryState(store);
    store.replies.push({ ok: true, added: 2, duplicates: 1 }, { ok: true, added: 0, duplicates: 3 }, { ok: false, message: "This file can't be imported: x. Nothing was changed." });
    await h.importText('{}', 2);
    expect(h.message).toEqual({ kind: 'ok', text: 'Imported 2 sets (1 set already here, skipped).' });
    await h.importText('{}', 2);
    expect(h.message?.text).toBe("Nothing new: the file's 3 sets are already here.");
    await h.importText('{}', 2);
    expect(h.message).toEqual({ kind: 'error', text: "This file can't be imported: x. Nothing was changed." });
  });

  it('a store that fails leaves a message, not an exception', async () => {
    const store = memoryStore([set(9, '2026-12-01T09:00:00.000Z')]);
    store.deleteSet = async () => {
      throw new Error('QuotaExceededError');
    };
    const h = new HistoryState(store);
    await h.load();
    await h.remove(h.visible[0]!, 'x');
    expect(h.message?.kind).toBe('error');
    expect(h.message?.text).toContain('QuotaExceededError');
    expect(h.busy).toBe(false);
  });
});
