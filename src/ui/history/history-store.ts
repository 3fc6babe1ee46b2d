/**
 * Wires storage into the history state: SetStore for the rows, set-import.ts for the file check.
 * (The state layer may not import storage; the app layer joins them.)
 */
import type { HistoryStore, ImportReply } from '../../state/history.svelte';
import { parseExport } from '../../storage/set-import';
import type { DeletedSet, SetStore } from '../../storage/set-store';

export function historyStore(store: SetStore, nowMs: () => number = Date.now): HistoryStore<DeletedSet> {
  return {
    listSets: () => store.listSets(),
    deleteSet: (id) => store.deleteSet(id),
    restoreSet: (deleted) => store.restoreSet(deleted),
    deleteAll: () => store.deleteAll(),
    async importText(text: string, byteLength: number): Promise<ImportReply> {
      const parsed = parseExport(text, byteLength);
      if (!parsed.ok) return parsed;
      const outcome = await store.importSets(parsed.sets, nowMs());
      return { ok: true, ...outcome };
    },
  };
}
