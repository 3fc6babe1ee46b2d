/**
 * The review of a finished set: one time line shared by the replay, the plots and the rep table.
 * The replay's clock is the set's own frame time; the view drives it with `tick(dtMs)` from its
 * animation frames, so this class reads no clock itself.
 */
import type { RepMetrics } from '../analysis/types';
import { cueAt, frameIndexAt, repAt, stepRep, type CueSpan, type ReplayFrame, type SetRecording } from './set-series';

/** ref: docs/design.md#after-the-set, replay at 0.25×–2× speed. */
export const REPLAY_SPEEDS = [0.25, 0.5, 1, 1.5, 2] as const;
export type ReplaySpeed = (typeof REPLAY_SPEEDS)[number];

export class SetReview {
  readonly recording: SetRecording;
  readonly reps: readonly RepMetrics[];
  #timeMs = $state(0);
  #playing = $state(false);
  #speed = $state<ReplaySpeed>(1);
  /** The rep chosen in the table or on a plot (its index), or null: the whole set. */
  #selected = $state<number | null>(null);

  constructor(recording: SetRecording, reps: readonly RepMetrics[]) {
    this.recording = recording;
    this.reps = reps;
    this.#timeMs = this.startMs;
  }

  get startMs(): number {
    return this.recording.frames[0]?.tMs ?? this.reps[0]?.startMs ?? 0;
  }
  get endMs(): number {
    return this.recording.frames.at(-1)?.tMs ?? this.reps.at(-1)?.endMs ?? this.startMs;
  }
  get hasFrames(): boolean {
    return this.recording.frames.length > 0;
  }
  get timeMs(): number { return this.#timeMs; }
  get playing(): boolean { return this.#playing; }
  get speed(): ReplaySpeed { return this.#speed; }
  set speed(value: ReplaySpeed) { this.#speed = value; }
  get selected(): number | null { return this.#selected; }

  /** The frame on screen now. */
  get frame(): ReplayFrame | null {
    const i = frameIndexAt(this.recording.frames, this.#timeMs);
    return i < 0 ? null : this.recording.frames[i]!;
  }
  /** The cue that was on screen at this moment of the set. */
  get cue(): CueSpan | null {
    return cueAt(this.recording.cues, this.#timeMs);
  }
  /** Reps completed by now (what the counter showed). */
  get repCount(): number {
    return this.reps.filter((r) => r.endMs <= this.#timeMs).length;
  }
  /** The rep being replayed now, or null between reps. */
  get currentRep(): RepMetrics | null {
    return repAt(this.reps, this.#timeMs);
  }

  seek(tMs: number): void {
    this.#timeMs = Math.min(this.endMs, Math.max(this.startMs, tMs));
  }

  /** Advances the replay by `dtMs` of wall time at the chosen speed; stops at the end. */
  tick(dtMs: number): void {
    if (!this.#playing) return;
    const next = this.#timeMs + dtMs * this.#speed;
    if (next >= this.endMs) {
      this.#timeMs = this.endMs;
      this.#playing = false;
    } else {
      this.#timeMs = next;
    }
  }

  play(): void {
    if (!this.hasFrames) return;
    // From the end, play starts over (from the selected rep, when one is chosen).
    if (this.#timeMs >= this.endMs) this.#timeMs = this.#selectedRep()?.startMs ?? this.startMs;
    this.#playing = true;
  }

  pause(): void {
    this.#playing = false;
  }

  toggle(): void {
    if (this.#playing) this.pause();
    else this.play();
  }

  /** Chooses a rep (table row, plot band): the replay jumps to its start. Null: the whole set. */
  select(repIndex: number | null): void {
    this.#selected = repIndex;
    const rep = this.#selectedRep();
    if (rep) this.seek(rep.startMs);
  }

  /** Next or previous rep: selects it and jumps to its start. */
  step(direction: 1 | -1): void {
    const rep = stepRep(this.reps, this.#timeMs, direction);
    if (rep) this.select(rep.index);
  }

  #selectedRep(): RepMetrics | null {
    return this.#selected === null ? null : (this.reps.find((r) => r.index === this.#selected) ?? null);
  }
}
