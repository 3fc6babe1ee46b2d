/**
 * The IndexedDB schema, every version of it (docs/storage.md). Dexie keeps the old version
 * declarations so a browser holding any earlier version is upgraded step by step on open.
 *
 * v1 (the release before history, import and replay): sets and reps.
 * v2 (docs/design.md#after-the-set): each set gets a `uid` (unique; import merges on it), and two tables keyed by
 *   set id: `series` (downsampled angles, plots) and `landmarks` (smoothed landmarks, replay).
 */
import Dexie, { type EntityTable, type Transaction } from 'dexie';
import type { FramingRange, RejectedRep, RepMetrics } from '../analysis/types';
import type { SetLandmarks, SetSeries } from './set-series';

export const DB_NAME = 'kickcheck';
export const DB_VERSION = 2;

/** The v1 stores exactly as the previous release declared them (the migration test opens these). */
export const SCHEMA_V1 = {
  sets: '++id, startedAt, endedAt',
  reps: '++id, setId, [setId+index]',
} as const;

export const SCHEMA_V2 = {
  sets: '++id, startedAt, endedAt, &uid',
  reps: '++id, setId, [setId+index]',
  series: 'setId',
  landmarks: 'setId',
} as const;

export interface StoredSet {
  id: number;
  /** Stable identity across browsers (v2): import skips a set whose uid is already stored. */
  uid: string;
  /** ISO time the set started (wall clock, for the history list). */
  startedAt: string;
  /** Null while the set is in progress: a set left null was interrupted. */
  endedAt: string | null;
  source: 'camera' | 'file';
  detector: string;
  repCount: number;
  /**
   * Reps seen but not counted, in order. Optional (not indexed, so the schema is unchanged):
   * sets stored before the evidence gate (docs/trust.md#a-rep-counts-only-on-evidence) have none
   * and still load.
   */
  rejected?: RejectedRep[];
  /** Framing problems over the set, written when it ends. Optional, as `rejected`. */
  framing?: FramingRange[];
  /** ISO time the set was imported from a file; absent for sets recorded here. */
  importedAt?: string;
}

export interface StoredRep {
  id: number;
  setId: number;
  index: number;
  rep: RepMetrics;
  /** Rule ids flagged clearly on this rep (borderline ones are not stored). */
  flags: string[];
}

export type StoredSeries = SetSeries & { setId: number };
export type StoredLandmarks = SetLandmarks & { setId: number };

/** A random set uid (v4 UUID from the platform's CSPRNG). */
export function newSetUid(): string {
  return globalThis.crypto.randomUUID();
}

/** v1 → v2: every stored set gets a uid; nothing else in a row changes. */
export async function upgradeToV2(tx: Transaction): Promise<void> {
  await tx
    .table('sets')
    .toCollection()
    .modify((set: Partial<StoredSet>) => {
      if (typeof set.uid !== 'string' || set.uid === '') set.uid = newSetUid();
    });
}

export class KickCheckDb extends Dexie {
  sets!: EntityTable<StoredSet, 'id'>;
  reps!: EntityTable<StoredRep, 'id'>;
  series!: EntityTable<StoredSeries, 'setId'>;
  landmarks!: EntityTable<StoredLandmarks, 'setId'>;

  constructor(name: string = DB_NAME) {
    super(name);
    this.version(1).stores(SCHEMA_V1);
    this.version(2).stores(SCHEMA_V2).upgrade(upgradeToV2);
  }
}
