/**
 * Latest-frame-wins scheduling: at most one frame in flight and at most one waiting.
 * A newer frame replaces the waiting one (which is released and counted as dropped), so when
 * inference is slower than the camera the app drops frames instead of building a queue and
 * falling ever further behind. Pure: frames are opaque, time is not read here.
 */
export interface Releasable {
  close(): void;
}

export interface SlotStats {
  offered: number;
  processed: number;
  dropped: number;
  failed: number;
}

export class LatestFrameSlot<F extends Releasable, R> {
  #inFlight = false;
  #waiting: { frame: F; timestampMs: number } | null = null;
  #stats: SlotStats = { offered: 0, processed: 0, dropped: 0, failed: 0 };
  #closed = false;
  readonly #process: (frame: F, timestampMs: number) => Promise<R>;
  readonly #onResult: (result: R, timestampMs: number) => void;
  readonly #onError: (error: unknown, timestampMs: number) => void;

  constructor(
    process: (frame: F, timestampMs: number) => Promise<R>,
    onResult: (result: R, timestampMs: number) => void,
    onError: (error: unknown, timestampMs: number) => void,
  ) {
    this.#process = process;
    this.#onResult = onResult;
    this.#onError = onError;
  }

  get stats(): Readonly<SlotStats> {
    return { ...this.#stats };
  }

  get busy(): boolean {
    return this.#inFlight;
  }

  /** Hands a frame over; the slot owns it from here (processes, or closes it when replaced). */
  offer(frame: F, timestampMs: number): void {
    if (this.#closed) {
      frame.close();
      return;
    }
    this.#stats.offered++;
    if (!this.#inFlight) {
      this.#run(frame, timestampMs);
      return;
    }
    if (this.#waiting) {
      this.#waiting.frame.close();
      this.#stats.dropped++;
    }
    this.#waiting = { frame, timestampMs };
  }

  /** Stops taking frames; a waiting frame is released. The one in flight still reports. */
  close(): void {
    this.#closed = true;
    if (this.#waiting) {
      this.#waiting.frame.close();
      this.#stats.dropped++;
      this.#waiting = null;
    }
  }

  #run(frame: F, timestampMs: number): void {
    this.#inFlight = true;
    this.#process(frame, timestampMs).then(
      (result) => {
        this.#stats.processed++;
        this.#finish();
        this.#onResult(result, timestampMs);
      },
      (error: unknown) => {
        this.#stats.failed++;
        this.#finish();
        this.#onError(error, timestampMs);
      },
    );
  }

  #finish(): void {
    this.#inFlight = false;
    const next = this.#waiting;
    this.#waiting = null;
    if (next && !this.#closed) this.#run(next.frame, next.timestampMs);
  }
}
