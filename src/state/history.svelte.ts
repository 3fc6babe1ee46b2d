/**
 * The history screen's state (docs/design.md#after-the-set: history, import, storage): the stored sets, the leg/date filter, the
 * chosen day of the left-vs-right view, delete with undo, import and "delete all". Storage comes
 * in through `HistoryStore` (the app wires SetStore and the import parser into it): state does
 * not import storage.
 */
import { compareLegs, daysWithBothLegs, otherLegSet, type LegComparison } from './history-asymmetry';
import {
  NO_FILTER,
  groupSessions,
  localDay,
  matchesFilter,
  progressColumns,
  setOverview,
  type HistoryFilter,
  type HistorySetInput,
  type LegFilter,
  type ProgressColumns,
  type Session,
  type SetOverview,
} from './history-sets';

export type ImportReply = { ok: true; added: number; duplicates: number } | { ok: false; message: string };

/** What history needs from storage. `D` is whatever a delete hands back for its undo. */
export interface HistoryStore<D> {
  listSets(): Promise<readonly HistorySetInput[]>;
  deleteSet(id: number): Promise<D>;
  restoreSet(deleted: D): Promise<void>;
  /** Validates and merges an export file's text; never throws for a bad file. */
  importText(text: string, byteLength: number): Promise<ImportReply>;
  deleteAll(): Promise<void>;
}

export interface HistoryMessage {
  kind: 'ok' | 'error';
  text: string;
}

export class HistoryState<D> {
  readonly #store: HistoryStore<D>;
  readonly #dayOf: (iso: string) => string;
  #sets = $state.raw<readonly SetOverview[]>([]);
  #loaded = $state(false);
  #filter = $state.raw<HistoryFilter>(NO_FILTER);
  #day = $state<string | null>(null);
  #undo = $state.raw<{ deleted: D; label: string } | null>(null);
  #message = $state.raw<HistoryMessage | null>(null);
  #busy = $state(false);
  /** The set whose review is open (its id), or null: the list. */
  #openId = $state<number | null>(null);

  constructor(store: HistoryStore<D>, dayOf: (iso: string) => string = localDay) {
    this.#store = store;
    this.#dayOf = dayOf;
  }

  get loaded() { return this.#loaded; }
  get busy() { return this.#busy; }
  get filter() { return this.#filter; }
  get message() { return this.#message; }
  /** "Set of 14:05 deleted" while its undo is offered. */
  get undoLabel() { return this.#undo?.label ?? null; }
  get totalSets() { return this.#sets.length; }

  get visible(): readonly SetOverview[] {
    return this.#sets.filter((s) => matchesFilter(s, this.#filter));
  }

  get sessions(): Session[] {
    return groupSessions(this.visible);
  }

  get progress(): ProgressColumns {
    return progressColumns(this.visible);
  }

  /** Days on which both legs kicked, newest first (the date filter applies, the leg filter does not). */
  get comparisonDays(): string[] {
    return daysWithBothLegs(this.#sets.filter((s) => matchesFilter(s, { ...this.#filter, leg: 'all' })));
  }

  get comparisonDay(): string | null {
    const days = this.comparisonDays;
    return this.#day !== null && days.includes(this.#day) ? this.#day : (days[0] ?? null);
  }

  get comparison(): LegComparison | null {
    const day = this.comparisonDay;
    return day === null ? null : compareLegs(this.#sets, day);
  }

  /** The set opened for review (null: none, or it is no longer stored). */
  get opened(): SetOverview | null {
    return this.#openId === null ? null : (this.#sets.find((s) => s.id === this.#openId) ?? null);
  }

  /** The same day's other-leg set beside the opened one (the filter does not hide it). */
  get openedOther(): SetOverview | null {
    const set = this.opened;
    return set ? otherLegSet(this.#sets, set) : null;
  }

  /** Left vs right on the opened set's day, when that day has both legs. */
  get openedComparison(): LegComparison | null {
    const set = this.opened;
    return set ? compareLegs(this.#sets, set.day) : null;
  }

  /** Opens a set's review (null closes it). */
  open(id: number | null): void {
    this.#openId = id;
  }

  set leg(leg: LegFilter) { this.#filter = { ...this.#filter, leg }; }
  set fromDay(day: string) { this.#filter = { ...this.#filter, fromDay: day }; }
  set toDay(day: string) { this.#filter = { ...this.#filter, toDay: day }; }
  set comparisonDay(day: string | null) { this.#day = day; }

  clearFilter(): void {
    this.#filter = NO_FILTER;
  }

  dismissMessage(): void {
    this.#message = null;
  }

  async load(): Promise<void> {
    try {
      const sets = await this.#store.listSets();
      this.#sets = sets.map((s) => setOverview(s, this.#dayOf));
    } catch (error) {
      this.#message = { kind: 'error', text: `Your sets can't be read in this browser (${error instanceof Error ? error.message : String(error)}).` };
    }
    this.#loaded = true;
  }

  async remove(set: SetOverview, label: string): Promise<void> {
    if (set.open) return;
    await this.#run(async () => {
      const deleted = await this.#store.deleteSet(set.id);
      this.#undo = { deleted, label };
      await this.load();
    });
  }

  async undo(): Promise<void> {
    const pending = this.#undo;
    if (!pending) return;
    await this.#run(async () => {
      await this.#store.restoreSet(pending.deleted);
      this.#undo = null;
      await this.load();
    });
  }

  /** The undo offer ends (the toast closed): the delete stays. */
  forgetUndo(): void {
    this.#undo = null;
  }

  async importText(text: string, byteLength: number): Promise<void> {
    await this.#run(async () => {
      const reply = await this.#store.importText(text, byteLength);
      if (!reply.ok) {
        this.#message = { kind: 'error', text: reply.message };
        return;
      }
      const sets = (n: number) => `${n} set${n === 1 ? '' : 's'}`;
      this.#message = {
        kind: 'ok',
        text:
          reply.added === 0
            ? `Nothing new: the file's ${sets(reply.duplicates)} ${reply.duplicates === 1 ? 'is' : 'are'} already here.`
            : `Imported ${sets(reply.added)}${reply.duplicates ? ` (${sets(reply.duplicates)} already here, skipped)` : ''}.`,
      };
      await this.load();
    });
  }

  async deleteAll(): Promise<void> {
    await this.#run(async () => {
      await this.#store.deleteAll();
      this.#undo = null;
      await this.load();
    });
  }

  async #run(action: () => Promise<void>): Promise<void> {
    this.#busy = true;
    try {
      await action();
    } catch (error) {
      this.#message = { kind: 'error', text: `That did not work: ${error instanceof Error ? error.message : String(error)}. Your sets are as they were.` };
    } finally {
      this.#busy = false;
    }
  }
}
