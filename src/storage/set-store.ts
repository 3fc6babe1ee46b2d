/**
 * IndexedDB (through Dexie) for sets and their reps. Each rep is written the moment it
 * completes, so a reload, a crash or a closed tab mid-set loses nothing that was counted.
 */
import Dexie from 'dexie';
import type { FramingRange, RejectedRep, RepMetrics } from '../analysis/types';
import { DB_NAME, KickCheckDb, newSetUid, type StoredLandmarks, type StoredRep, type StoredSeries, type StoredSet } from './kickcheck-db';
import { checkSetLandmarks, checkSetSeries, type SetLandmarks, type SetSeries } from './set-series';
import { planMerge, setContentKey, type ImportedSet } from './import-merge';

export type { StoredRep, StoredSet } from './kickcheck-db';

/** A set with its reps, as the history reads it. */
export type StoredSetWithReps = StoredSet & { reps: StoredRep[] };

/** Everything one set had in storage, kept in memory so a delete can be undone. */
export interface DeletedSet {
  set: StoredSet;
  reps: StoredRep[];
  series: StoredSeries | undefined;
  landmarks: StoredLandmarks | undefined;
}

export interface ImportOutcome {
  added: number;
  /** Sets already stored (same uid or same reps): left as they were. */
  duplicates: number;
}

/** Structured clone refuses $state proxies and class instances: store plain data. */
function plain<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

export class SetStore {
  readonly #db: KickCheckDb;
  readonly #listeners = new Set<() => void>();

  constructor(name = DB_NAME) {
    this.#db = new KickCheckDb(name);
  }

  /**
   * Calls `listener` after a set starts or ends here (an open History refreshes); returns the
   * unsubscribe. Only this page's writes are seen: another tab's are read on the next load.
   */
  onSetsChanged(listener: () => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  #changed(): void {
    for (const listener of this.#listeners) listener();
  }

  async beginSet(meta: Pick<StoredSet, 'source' | 'detector'>, startedAtMs: number): Promise<number> {
    const id = await this.#db.sets.add({ ...meta, uid: newSetUid(), startedAt: new Date(startedAtMs).toISOString(), endedAt: null, repCount: 0 });
    this.#changed();
    return id;
  }

  async addRep(setId: number, rep: RepMetrics, flags: string[] = []): Promise<void> {
    const stored = plain(rep);
    await this.#db.transaction('rw', this.#db.sets, this.#db.reps, async () => {
      await this.#db.reps.put({ setId, index: rep.index, rep: stored, flags } as StoredRep);
      await this.#db.sets.update(setId, { repCount: await this.#db.reps.where('setId').equals(setId).count() });
    });
  }

  async addRejected(setId: number, rep: RejectedRep): Promise<void> {
    const stored = plain(rep);
    await this.#db.transaction('rw', this.#db.sets, async () => {
      const set = await this.#db.sets.get(setId);
      if (!set) throw new Error(`expected set ${setId} in storage, got none`);
      await this.#db.sets.update(setId, { rejected: [...(set.rejected ?? []), stored] });
    });
  }

  async endSet(setId: number, endedAtMs: number, framing?: readonly FramingRange[]): Promise<void> {
    const ended = { endedAt: new Date(endedAtMs).toISOString() };
    await this.#db.sets.update(setId, framing ? { ...ended, framing: plain([...framing]) } : ended);
    this.#changed();
  }

  async getSet(setId: number): Promise<StoredSet | undefined> {
    return this.#db.sets.get(setId);
  }

  /** The newest set that never ended and holds at least one rep (an interrupted set). */
  async interruptedSet(): Promise<{ set: StoredSet; reps: StoredRep[] } | null> {
    const sets = await this.#openSets();
    const set = sets.find((s) => s.repCount > 0);
    if (!set) return null;
    return { set, reps: await this.repsOf(set.id) };
  }

  /**
   * Ends every set left open (a reload mid-set, while a model loaded, a closed tab). Call it
   * only while holding the live-set lock: another tab's open set is live, not interrupted.
   * Returns how many were closed, and how many of those had no counted rep (closed quietly).
   */
  async closeInterruptedSets(endedAtMs: number): Promise<{ closed: number; empty: number }> {
    const sets = await this.#openSets();
    const endedAt = new Date(endedAtMs).toISOString();
    await this.#db.transaction('rw', this.#db.sets, async () => {
      for (const set of sets) await this.#db.sets.update(set.id, { endedAt });
    });
    if (sets.length > 0) this.#changed();
    return { closed: sets.length, empty: sets.filter((s) => s.repCount === 0).length };
  }

  /** Sets with no end, newest first (null is not an IndexedDB key, so no index lookup). */
  async #openSets(): Promise<StoredSet[]> {
    const sets = await this.#db.sets.orderBy('startedAt').reverse().toArray();
    return sets.filter((s) => s.endedAt === null);
  }

  async repsOf(setId: number): Promise<StoredRep[]> {
    return this.#db.reps.where('[setId+index]').between([setId, Dexie.minKey], [setId, Dexie.maxKey]).toArray();
  }

  /** Every set with its reps, newest first (the history; a few hundred sets read in well under a second). */
  async listSets(): Promise<StoredSetWithReps[]> {
    return this.#db.transaction('r', this.#db.sets, this.#db.reps, async () => {
      const sets = await this.#db.sets.orderBy('startedAt').reverse().toArray();
      const reps = await this.#db.reps.toArray();
      const bySet = new Map<number, StoredRep[]>();
      for (const r of reps) bySet.set(r.setId, [...(bySet.get(r.setId) ?? []), r]);
      return sets.map((set) => ({ ...set, reps: (bySet.get(set.id) ?? []).sort((a, b) => a.index - b.index) }));
    });
  }

  /** Deletes one set and everything kept with it; returns it all so `restoreSet` can undo. */
  async deleteSet(setId: number): Promise<DeletedSet> {
    const db = this.#db;
    return db.transaction('rw', [db.sets, db.reps, db.series, db.landmarks], async () => {
      const set = await db.sets.get(setId);
      if (!set) throw new Error(`expected set ${setId} in storage, got none`);
      const reps = await db.reps.where('setId').equals(setId).toArray();
      const series = await db.series.get(setId);
      const landmarks = await db.landmarks.get(setId);
      await db.reps.where('setId').equals(setId).delete();
      await db.series.delete(setId);
      await db.landmarks.delete(setId);
      await db.sets.delete(setId);
      return { set, reps, series, landmarks };
    });
  }

  /** Puts a deleted set back with its own ids (undo). */
  async restoreSet(deleted: DeletedSet): Promise<void> {
    const db = this.#db;
    await db.transaction('rw', [db.sets, db.reps, db.series, db.landmarks], async () => {
      await db.sets.put(deleted.set);
      await db.reps.bulkPut(deleted.reps);
      if (deleted.series) await db.series.put(deleted.series);
      if (deleted.landmarks) await db.landmarks.put(deleted.landmarks);
    });
  }

  /** Empties every table (the "delete all my data" button). The database itself stays open. */
  async deleteAll(): Promise<void> {
    const db = this.#db;
    await db.transaction('rw', [db.sets, db.reps, db.series, db.landmarks], async () => {
      await Promise.all([db.sets.clear(), db.reps.clear(), db.series.clear(), db.landmarks.clear()]);
    });
  }

  /** Keeps the set's downsampled angle series (summary plots); replaces an earlier one. */
  async saveSetSeries(setId: number, series: SetSeries): Promise<void> {
    checkSetSeries(series);
    await this.#db.series.put({ ...plain(series), setId });
  }

  async setSeries(setId: number): Promise<SetSeries | undefined> {
    const row = await this.#db.series.get(setId);
    if (!row) return undefined;
    const { setId: _id, ...series } = row;
    return series;
  }

  /** Keeps the set's smoothed landmarks and shown cues (replay); replaces earlier ones. */
  async saveSetLandmarks(setId: number, landmarks: SetLandmarks): Promise<void> {
    checkSetLandmarks(landmarks);
    await this.#db.landmarks.put({ ...plain(landmarks), setId });
  }

  async setLandmarks(setId: number): Promise<SetLandmarks | undefined> {
    const row = await this.#db.landmarks.get(setId);
    if (!row) return undefined;
    const { setId: _id, ...landmarks } = row;
    return landmarks;
  }

  /** Every set with its reps and angle series (the full export; landmarks stay on the device). */
  async exportAll(): Promise<(StoredSetWithReps & { series: SetSeries | undefined })[]> {
    const sets = await this.listSets();
    const series = new Map((await this.#db.series.toArray()).map((s) => [s.setId, s]));
    return sets.map((set) => {
      const row = series.get(set.id);
      if (!row) return { ...set, series: undefined };
      const { setId: _id, ...rest } = row;
      return { ...set, series: rest };
    });
  }

  /**
   * Adds the sets not stored yet (merge planned by `planMerge`: same uid or same reps is a
   * duplicate), in one transaction: a failure part-way leaves storage as it was.
   */
  async importSets(incoming: readonly ImportedSet[], importedAtMs: number): Promise<ImportOutcome> {
    const db = this.#db;
    const importedAt = new Date(importedAtMs).toISOString();
    return db.transaction('rw', [db.sets, db.reps, db.series], async () => {
      const sets = await db.sets.toArray();
      const reps = await db.reps.toArray();
      const existing = sets.map((s) => ({
        uid: s.uid,
        contentKey: setContentKey(s.source, reps.filter((r) => r.setId === s.id).map((r) => r.rep), s.rejected ?? []),
      }));
      const plan = planMerge(existing, incoming);
      for (const set of plan.add) {
        const setId = await db.sets.add({
          uid: set.uid,
          startedAt: set.startedAt,
          endedAt: set.endedAt,
          source: set.source,
          detector: set.detector,
          repCount: set.reps.length,
          rejected: plain(set.rejected),
          framing: plain(set.framing),
          importedAt,
        } as StoredSet);
        await db.reps.bulkAdd(set.reps.map((r) => ({ setId, index: r.rep.index, rep: plain(r.rep), flags: [...r.flags] }) as StoredRep));
        if (set.series) await db.series.put({ ...plain(set.series), setId });
      }
      return { added: plan.add.length, duplicates: plan.duplicates };
    });
  }

  close(): void {
    this.#db.close();
  }
}
