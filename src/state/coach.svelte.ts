/**
 * The set being coached: feeds each PoseFrame through the analysis core, keeps every completed
 * rep, and runs the set's lifecycle. Runes state behind getters; the core stays pure.
 *
 * Set lifecycle (the brief is silent; this is what a lifter 2 m from the laptop needs):
 * - `ready`: tracking and framing check, nothing counted yet;
 * - `active`: starts on Space / the button, or by itself when the first rep completes (the
 *   lifter should not have to walk to the keyboard); the set timer runs from the first frame
 *   of that rep;
 * - `done`: on Space / the button, when a video file ends, or after `AUTO_END_IDLE_MS` with no
 *   rep; the summary is shown and the reps stay until a new set starts.
 */
import { createKickbackAnalyzer, type KickbackAnalyzer } from '../analysis/kickback-analyzer';
import type { FrameAnalysis, RepMetrics } from '../analysis/types';
import type { PoseFrame } from '../pose/types';

export type SetStatus = 'ready' | 'active' | 'done';

/** What the coach tells the outside world (storage) as the set unfolds. */
export interface CoachHooks {
  setStarted?(): void;
  repCompleted?(rep: RepMetrics): void;
  setEnded?(): void;
}

/** ref: a rest between sets is 1–3 min; 45 s with no rep means the set is over, not a pause. */
export const AUTO_END_IDLE_MS = 45_000;

export class Coach {
  #analysis = $state.raw<FrameAnalysis | null>(null);
  #reps = $state.raw<readonly RepMetrics[]>([]);
  #status = $state<SetStatus>('ready');
  #setStartMs = $state<number | null>(null);
  #nowMs = $state<number | null>(null);
  #lastRepEndMs: number | null = null;
  #analyzer: KickbackAnalyzer = createKickbackAnalyzer({ includeLandmarks: true });
  readonly #hooks: CoachHooks;

  constructor(hooks: CoachHooks = {}) {
    this.#hooks = hooks;
  }

  get analysis() { return this.#analysis; }
  get reps() { return this.#reps; }
  get status() { return this.#status; }
  get repCount() { return this.#reps.length; }
  /** Set time in ms from the frames' own clock (media time for files). */
  get elapsedMs() {
    return this.#setStartMs !== null && this.#nowMs !== null ? this.#nowMs - this.#setStartMs : 0;
  }
  get lastRep(): RepMetrics | null {
    return this.#reps.at(-1) ?? null;
  }

  push(frame: PoseFrame): FrameAnalysis {
    const analysis = this.#analyzer.push(frame);
    this.#analysis = analysis;
    this.#nowMs = frame.timestampMs;
    if (analysis.completedRep && this.#status !== 'done') {
      if (this.#status === 'ready') this.#begin(analysis.completedRep.startMs);
      this.#reps = [...this.#reps, analysis.completedRep];
      this.#lastRepEndMs = analysis.completedRep.endMs;
      this.#hooks.repCompleted?.(analysis.completedRep);
    }
    if (
      this.#status === 'active' &&
      this.#lastRepEndMs !== null &&
      (analysis.phase === 'setup' || analysis.phase === 'bottom') &&
      frame.timestampMs - this.#lastRepEndMs > AUTO_END_IDLE_MS
    ) {
      this.endSet();
    }
    return analysis;
  }

  #begin(startMs: number): void {
    this.#status = 'active';
    this.#setStartMs = startMs;
    this.#hooks.setStarted?.();
  }

  /** Manual start: clears the previous set's result and counts from the next frame. */
  startSet(): void {
    this.newSet();
    this.#begin(this.#nowMs ?? 0);
  }

  endSet(): void {
    if (this.#status !== 'active') return;
    this.#status = 'done';
    this.#hooks.setEnded?.();
  }

  toggleSet(): void {
    if (this.#status === 'active') this.endSet();
    else this.startSet();
  }

  /** Back to `ready` for the next set; the analyser forgets the old rest position. */
  newSet(): void {
    this.#analyzer.reset();
    this.#reps = [];
    this.#status = 'ready';
    this.#setStartMs = null;
    this.#lastRepEndMs = null;
  }

  /** Shows a set recovered from storage (interrupted by a reload or crash) as finished. */
  restore(reps: readonly RepMetrics[]): void {
    this.newSet();
    this.#reps = [...reps];
    this.#status = 'done';
  }

  /** A new source (camera restarted, another file): time restarts, so does tracking. */
  resetTracking(): void {
    this.#analyzer.reset();
    this.#analysis = null;
  }
}
