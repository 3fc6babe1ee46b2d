/**
 * One live set at a time across tabs, through the Web Locks API: a tab holds the lock while its
 * camera or video runs and while its set is open in storage. The browser hands the lock back
 * when the tab closes, reloads or crashes, so a lock is never left behind. A second tab that
 * cannot take it says the set is open elsewhere and leaves that set alone (no "recovery").
 */
export const LIVE_SET_LOCK_NAME = 'kickcheck-live-set';

export class LiveSetLock {
  readonly #name: string;
  #release: (() => void) | null = null;
  #pending: Promise<boolean> | null = null;

  constructor(name = LIVE_SET_LOCK_NAME) {
    this.#name = name;
  }

  get held(): boolean {
    return this.#release !== null;
  }

  /**
   * Takes the lock if no other tab holds it, waiting at most `waitMs` for it (0: not at all);
   * true when this tab holds it now.
   */
  acquire(waitMs = 0): Promise<boolean> {
    if (this.#release) return Promise.resolve(true);
    if (this.#pending) return this.#pending;
    // No Web Locks (an old browser, an insecure page): nothing to coordinate with, as before.
    if (typeof navigator === 'undefined' || !navigator.locks) return Promise.resolve(true);
    this.#pending = new Promise<boolean>((resolve) => {
      const options: LockOptions = waitMs > 0 ? { signal: AbortSignal.timeout(waitMs) } : { ifAvailable: true };
      navigator.locks
        .request(this.#name, options, (lock) => {
          if (!lock) {
            resolve(false);
            return undefined;
          }
          // Held until release(): the callback's promise is the lock's lifetime.
          return new Promise<void>((done) => {
            this.#release = done;
            resolve(true);
          });
        })
        // Waited `waitMs` in vain (AbortError), or no lock manager: not ours.
        .catch(() => resolve(false));
    }).finally(() => {
      this.#pending = null;
    });
    return this.#pending;
  }

  release(): void {
    const release = this.#release;
    this.#release = null;
    release?.();
  }
}
