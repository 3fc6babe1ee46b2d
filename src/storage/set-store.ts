/**
 * IndexedDB (through Dexie) for sets and their reps. Each rep is written the moment it
 * completes, so a reload, a crash or a closed tab mid-set loses nothing that was counted.
 */
import Dexie, { type EntityTable } from 'dexie';
import type { FramingRange, RejectedRep, RepMetrics } from '../analysis/types';

export interface StoredSet {
  id: number;
  /** ISO time the set started (wall clock, for the history list). */
  startedAt: string;
  /** Null while the set is in progress: a set left null was interrupted. */
  endedAt: string | null;
  source: 'camera' | 'file';
  detector: string;
  repCount: number;
  /**
   * Reps seen but not counted, in order. Optional (not indexed, so the schema is unchanged):
   * sets stored before issue 8 have none and still load.
   */
  rejected?: RejectedRep[];
  /** Framing problems over the set, written when it ends. Optional, as `rejected`. */
  framing?: FramingRange[];
}

export interface StoredRep {
  id: number;
  setId: number;
  index: number;
  rep: RepMetrics;
  /** Rule ids flagged on this rep. */
  flags: string[];
}

class KickCheckDb extends Dexie {
  sets!: EntityTable<StoredSet, 'id'>;
  reps!: EntityTable<StoredRep, 'id'>;

  constructor(name: string) {
    super(name);
    this.version(1).stores({
      sets: '++id, startedAt, endedAt',
      reps: '++id, setId, [setId+index]',
    });
  }
}

export class SetStore {
  readonly #db: KickCheckDb;

  constructor(name = 'kickcheck') {
    this.#db = new KickCheckDb(name);
  }

  async beginSet(meta: Pick<StoredSet, 'source' | 'detector'>, startedAtMs: number): Promise<number> {
    return this.#db.sets.add({ ...meta, startedAt: new Date(startedAtMs).toISOString(), endedAt: null, repCount: 0 });
  }

  async addRep(setId: number, rep: RepMetrics, flags: string[] = []): Promise<void> {
    // $state proxies and class instances do not survive structured clone: store plain data.
    const plain = JSON.parse(JSON.stringify(rep)) as RepMetrics;
    await this.#db.transaction('rw', this.#db.sets, this.#db.reps, async () => {
      await this.#db.reps.put({ setId, index: rep.index, rep: plain, flags } as StoredRep);
      await this.#db.sets.update(setId, { repCount: await this.#db.reps.where('setId').equals(setId).count() });
    });
  }

  async addRejected(setId: number, rep: RejectedRep): Promise<void> {
    const plain = JSON.parse(JSON.stringify(rep)) as RejectedRep;
    await this.#db.transaction('rw', this.#db.sets, async () => {
      const set = await this.#db.sets.get(setId);
      if (!set) throw new Error(`expected set ${setId} in storage, got none`);
      await this.#db.sets.update(setId, { rejected: [...(set.rejected ?? []), plain] });
    });
  }

  async endSet(setId: number, endedAtMs: number, framing?: readonly FramingRange[]): Promise<void> {
    const ended = { endedAt: new Date(endedAtMs).toISOString() };
    await this.#db.sets.update(setId, framing ? { ...ended, framing: JSON.parse(JSON.stringify(framing)) as FramingRange[] } : ended);
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

  close(): void {
    this.#db.close();
  }
}
