/**
 * Writes the set being coached to IndexedDB as it happens: the set row when it starts, each rep
 * the moment it completes (counted, or seen but not counted), the end time and the set's framing
 * problems when it ends. Writes are chained so they land in order;
 * a storage failure is reported once and never stops the coaching.
 */
import type { FramingRange, RejectedRep, RepMetrics } from '../analysis/types';
import { SetStore, type StoredSet } from '../storage/set-store';
import type { SetLandmarks, SetSeries } from '../storage/set-series';

export class SetRecorder {
  readonly #store: SetStore;
  readonly #onError: (message: string) => void;
  #setId: Promise<number | null> = Promise.resolve(null);
  /** The set that ended last: its series and landmarks are written after it ends. */
  #endedId: Promise<number | null> = Promise.resolve(null);
  #chain: Promise<unknown> = Promise.resolve();
  #reported = false;

  constructor(store: SetStore, onError: (message: string) => void) {
    this.#store = store;
    this.#onError = onError;
  }

  get store(): SetStore {
    return this.#store;
  }

  #fail(error: unknown): null {
    if (!this.#reported) {
      this.#reported = true;
      this.#onError(`Reps can't be saved in this browser (${error instanceof Error ? error.message : String(error)}). They are still counted and shown.`);
    }
    return null;
  }

  begin(meta: Pick<StoredSet, 'source' | 'detector'>): void {
    this.#setId = this.#store.beginSet(meta, Date.now()).catch((e: unknown) => this.#fail(e));
    this.#chain = this.#setId;
  }

  rep(rep: RepMetrics, flags: string[] = []): void {
    const setId = this.#setId;
    this.#chain = this.#chain.then(async () => {
      const id = await setId;
      if (id !== null) await this.#store.addRep(id, rep, flags).catch((e: unknown) => this.#fail(e));
    });
  }

  rejected(rep: RejectedRep): void {
    const setId = this.#setId;
    this.#chain = this.#chain.then(async () => {
      const id = await setId;
      if (id !== null) await this.#store.addRejected(id, rep).catch((e: unknown) => this.#fail(e));
    });
  }

  end(framing?: readonly FramingRange[]): void {
    const setId = this.#setId;
    this.#chain = this.#chain.then(async () => {
      const id = await setId;
      if (id !== null) await this.#store.endSet(id, Date.now(), framing).catch((e: unknown) => this.#fail(e));
    });
    this.#endedId = setId;
    this.#setId = Promise.resolve(null);
  }

  /**
   * The set that just ended: its angle series (plots) and, when recorded, its smoothed landmarks
   * and shown cues (replay). Stored with the set, in order after its other writes.
   */
  recording(series: SetSeries, landmarks: SetLandmarks | null): void {
    const setId = this.#endedId;
    this.#chain = this.#chain.then(async () => {
      const id = await setId;
      if (id === null) return;
      await this.#store.saveSetSeries(id, series).catch((e: unknown) => this.#fail(e));
      if (landmarks) await this.#store.saveSetLandmarks(id, landmarks).catch((e: unknown) => this.#fail(e));
    });
  }

  /** Resolves when every write so far has landed (tests, and before showing history). */
  flushed(): Promise<unknown> {
    return this.#chain;
  }
}
