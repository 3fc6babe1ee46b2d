/**
 * Records a set's frames for the summary plots and the replay: each analysed frame's smoothed
 * landmarks and angles, and the cues as they were shown. Plain class, no runes: the coach calls
 * it once per frame, and reading it must not make every frame re-render the page.
 *
 * Before the set starts the frames are kept for a while only: a set starts by itself at the
 * first rep's start, which lies in the past when that rep completes.
 */
import type { FrameAnalysis } from '../analysis/types';
import type { PoseFrame } from '../pose/types';
import { packLandmarks, type AngleSample, type CueSpan, type ReplayFrame, type SetRecording } from './set-series';

/**
 * ref: src/state/coach.svelte.ts — a set starts at its first rep's start; the slowest rep the
 * analyser accepts is well under this (tempo rules: a few seconds up and down), so a rep that
 * completes while `ready` still has all its frames.
 */
export const PRE_SET_KEEP_MS = 20_000;
/**
 * ref: 30 fps × 10 min. A set far longer than any real one (the auto-end ends a set after 45 s
 * without a rep) stops recording rather than filling the memory: the reps still count.
 */
export const MAX_FRAMES = 18_000;

export interface ShownCueLike {
  text: string;
  tone: 'good' | 'warn' | 'bad';
  ruleId: string;
}

export class SetSeriesRecorder {
  #frames: ReplayFrame[] = [];
  #cues: CueSpan[] = [];
  #open = false;
  #stopped = false;

  /** The frames and cues so far (the same arrays while recording: read, don't keep). */
  get recording(): SetRecording {
    return { frames: this.#frames, cues: this.#cues };
  }

  /** One analysed frame and the cue on screen after it. */
  push(frame: PoseFrame, analysis: FrameAnalysis, cue: ShownCueLike | null): void {
    if (this.#stopped || this.#frames.length >= MAX_FRAMES) return;
    const landmarks = analysis.smoothedLandmarks ?? frame.landmarks;
    const tMs = frame.timestampMs;
    const last = this.#frames.at(-1);
    // A new source restarts time: what came before is another recording.
    if (last && tMs <= last.tMs) this.clear();
    const a = analysis.angles;
    const angles: AngleSample = {
      tMs,
      hipExtensionDeg: a.hipExtensionDeg,
      kneeFlexionDeg: a.kneeFlexionDeg,
      torsoLeanDeg: a.torsoLeanDeg,
      lumbarArchDeg: a.lumbarArchDeg,
    };
    this.#frames.push({
      tMs,
      imageWidth: frame.imageWidth,
      imageHeight: frame.imageHeight,
      keypointSet: frame.keypointSet,
      xyv: packLandmarks(landmarks),
      workingLeg: analysis.workingLeg,
      phase: analysis.phase,
      angles,
    });
    const open = this.#cues.at(-1);
    if (cue && open && open.endMs >= (last?.tMs ?? tMs) && open.text === cue.text && open.tone === cue.tone) open.endMs = tMs;
    else if (cue) this.#cues.push({ startMs: tMs, endMs: tMs, text: cue.text, tone: cue.tone, ruleId: cue.ruleId });
    if (!this.#open) this.#trimBefore(tMs - PRE_SET_KEEP_MS);
  }

  /** The set started at `startMs` (frame time): frames before it are not the set's. */
  begin(startMs: number): void {
    this.#open = true;
    this.#stopped = false;
    this.#trimBefore(startMs);
  }

  /** The set ended: nothing more is recorded until `clear`. */
  end(): void {
    this.#stopped = true;
  }

  clear(): void {
    this.#frames = [];
    this.#cues = [];
    this.#open = false;
    this.#stopped = false;
  }

  #trimBefore(tMs: number): void {
    let i = 0;
    while (i < this.#frames.length && this.#frames[i]!.tMs < tMs) i++;
    if (i > 0) this.#frames.splice(0, i);
    this.#cues = this.#cues.filter((c) => c.endMs >= tMs);
  }
}
