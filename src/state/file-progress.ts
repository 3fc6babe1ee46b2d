/**
 * Progress and time left while a recorded video is analysed. Pure: the session passes the
 * video position (media seconds) and the time it read it (wall ms); nothing here reads a clock.
 *
 * The time left comes from the measured analysis rate (media seconds analysed per wall second),
 * smoothed, so one slow inference does not make the estimate jump; it is withheld until enough
 * of the run has been seen, because the first seconds (model warm-up, playback starting slow)
 * are far slower than the rest.
 */

export interface FileProgress {
  /** Part of the video done, 0..1. */
  fraction: number;
  doneS: number;
  durationS: number;
  /** Wall seconds left at the measured rate, never negative; null while still estimating. */
  etaS: number | null;
  /** Smoothed media seconds analysed per wall second (× real time); null before two samples. */
  speed: number | null;
  complete: boolean;
}

export interface FileProgressOptions {
  /**
   * Weight of the newest interval's rate in the running average (exponential smoothing).
   * ref: the session samples every 250 ms (live-session STATS_INTERVAL_MS); 0.2 averages over
   * about the last 5 samples (1.25 s), a few inferences at 8-10 per second, so one slow frame
   * moves the estimate by a fifth of its excess, not all of it.
   */
  smoothing: number;
  /** Rate intervals needed before a time left is shown. */
  minIntervals: number;
  /**
   * Wall time the measured intervals must cover before a time left is shown. ref: the file
   * run starts at a tenth of normal speed until the first pose arrives (live-session
   * FILE_MIN_PLAYBACK_RATE) and the rate settles over the frame loop's 2 s rate window
   * (capture/rate-meter.ts): an estimate before that would be several times too long.
   */
  minSpanMs: number;
}

export const DEFAULT_FILE_PROGRESS_OPTIONS: FileProgressOptions = {
  smoothing: 0.2,
  minIntervals: 4,
  minSpanMs: 2000,
};

function clamp01(value: number): number {
  return value < 0 ? 0 : value > 1 ? 1 : value;
}

export class FileProgressEstimator {
  readonly #opts: FileProgressOptions;
  #durationS = 0;
  #doneS = 0;
  #last: { doneS: number; nowMs: number } | null = null;
  #speed: number | null = null;
  #intervals = 0;
  #spanMs = 0;
  #complete = false;

  constructor(options: Partial<FileProgressOptions> = {}) {
    this.#opts = { ...DEFAULT_FILE_PROGRESS_OPTIONS, ...options };
    const { smoothing, minIntervals, minSpanMs } = this.#opts;
    if (!(smoothing > 0 && smoothing <= 1)) throw new RangeError(`expected smoothing in (0, 1], got ${smoothing}`);
    if (!(minIntervals >= 1)) throw new RangeError(`expected minIntervals >= 1, got ${minIntervals}`);
    if (!(minSpanMs >= 0)) throw new RangeError(`expected minSpanMs >= 0, got ${minSpanMs}`);
  }

  /** The video is at `doneS` of `durationS` media seconds at wall time `nowMs`. */
  sample(doneS: number, durationS: number, nowMs: number): void {
    if (Number.isFinite(durationS) && durationS > 0) this.#durationS = durationS;
    if (!Number.isFinite(doneS) || !Number.isFinite(nowMs)) return;
    const done = Math.max(0, this.#durationS > 0 ? Math.min(doneS, this.#durationS) : doneS);
    const last = this.#last;
    if (last && done < last.doneS) {
      // The video went back (seeked or restarted): the rate so far says nothing about it.
      this.#restartRate();
    } else if (last && nowMs > last.nowMs) {
      const rate = (done - last.doneS) / ((nowMs - last.nowMs) / 1000);
      this.#speed = this.#speed === null ? rate : this.#speed + this.#opts.smoothing * (rate - this.#speed);
      this.#intervals++;
      this.#spanMs += nowMs - last.nowMs;
    } else if (last) {
      // Same instant (or a clock going back): nothing to measure; keep the older anchor.
      this.#doneS = Math.max(this.#doneS, done);
      return;
    }
    this.#last = { doneS: done, nowMs };
    this.#doneS = done;
  }

  /**
   * Analysis stopped for a while (the tab was hidden): the wall time until the next sample is
   * not analysis time, so the next sample starts a new interval instead of measuring across it.
   */
  gap(): void {
    this.#last = null;
  }

  /** The video was analysed to its end. */
  finish(): void {
    this.#complete = true;
    if (this.#durationS > 0) this.#doneS = this.#durationS;
  }

  get progress(): FileProgress {
    const durationS = this.#durationS;
    const fraction = this.#complete ? 1 : durationS > 0 ? clamp01(this.#doneS / durationS) : 0;
    return {
      fraction,
      doneS: this.#doneS,
      durationS,
      etaS: this.#complete ? 0 : this.#eta(),
      speed: this.#speed,
      complete: this.#complete,
    };
  }

  #eta(): number | null {
    const speed = this.#speed;
    if (speed === null || !(speed > 0) || !(this.#durationS > 0)) return null;
    if (this.#intervals < this.#opts.minIntervals || this.#spanMs < this.#opts.minSpanMs) return null;
    return Math.max(0, (this.#durationS - this.#doneS) / speed);
  }

  #restartRate(): void {
    this.#speed = null;
    this.#intervals = 0;
    this.#spanMs = 0;
  }
}

/** What the bar says: percent done and the time left ("estimating" until there is one). */
export function describeFileProgress(progress: FileProgress): string {
  const percent = Math.floor(progress.fraction * 100);
  if (progress.complete) return 'Video analysed: 100 %';
  if (progress.etaS === null) return `${percent} % analysed, estimating time left…`;
  return `${percent} % analysed, about ${formatDuration(progress.etaS)} left`;
}

/** Whole seconds, rounded up under a minute ("7 s"), then minutes and seconds ("2 min 05 s"). */
export function formatDuration(seconds: number): string {
  const s = Math.max(0, Math.ceil(seconds));
  if (s < 60) return `${s} s`;
  const minutes = Math.floor(s / 60);
  return `${minutes} min ${String(s % 60).padStart(2, '0')} s`;
}
