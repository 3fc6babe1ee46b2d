/**
 * Notices that the picture stopped: no frame for a while (camera stalled, laptop asleep), the
 * track muted (the system took the camera, a privacy shutter), or the tab hidden (the browser
 * stops presenting frames to a background tab). Pure: every input comes with its time.
 */
export type PauseReason = 'hidden' | 'muted' | 'stalled';

/** ref: docs/design.md#reliability, live app "no frame for 2 s" — a 30 fps camera missing 60 frames in a row has stopped. */
export const FRAME_STALL_MS = 2000;

export interface FrameWatchdogOptions {
  stallMs: number;
  /** Whether a gap in frames counts (a camera: yes; a video file played slowly: no). */
  watchFrames: boolean;
}

export const DEFAULT_FRAME_WATCHDOG_OPTIONS: FrameWatchdogOptions = { stallMs: FRAME_STALL_MS, watchFrames: true };

export class FrameWatchdog {
  readonly #opts: FrameWatchdogOptions;
  /** When the last frame came, or when waiting for one started (start, shown again, unmuted). */
  #waitingSinceMs: number;
  #stalled = false;
  #muted = false;
  #hidden = false;

  constructor(startMs: number, options: Partial<FrameWatchdogOptions> = {}) {
    this.#opts = { ...DEFAULT_FRAME_WATCHDOG_OPTIONS, ...options };
    if (!(this.#opts.stallMs > 0)) throw new RangeError(`expected stallMs > 0, got ${this.#opts.stallMs}`);
    this.#waitingSinceMs = startMs;
  }

  /** Why analysis is paused now, most telling reason first; null while frames flow. */
  get reason(): PauseReason | null {
    if (this.#hidden) return 'hidden';
    if (this.#muted) return 'muted';
    return this.#stalled ? 'stalled' : null;
  }

  /** A frame was presented. Returns whether it may be analysed (not while hidden or muted). */
  frame(nowMs: number): boolean {
    this.#waitingSinceMs = nowMs;
    this.#stalled = false;
    return this.reason === null;
  }

  setHidden(hidden: boolean, nowMs: number): void {
    // Back in view: the first frame gets a full stall period to arrive.
    if (this.#hidden && !hidden) this.#restartWait(nowMs);
    this.#hidden = hidden;
  }

  setMuted(muted: boolean, nowMs: number): void {
    if (this.#muted && !muted) this.#restartWait(nowMs);
    this.#muted = muted;
  }

  /** Called periodically: marks a stall once no frame came for `stallMs`. */
  check(nowMs: number): PauseReason | null {
    if (this.#opts.watchFrames && !this.#hidden && !this.#muted && nowMs - this.#waitingSinceMs > this.#opts.stallMs) {
      this.#stalled = true;
    }
    return this.reason;
  }

  #restartWait(nowMs: number): void {
    this.#waitingSinceMs = nowMs;
    this.#stalled = false;
  }
}
