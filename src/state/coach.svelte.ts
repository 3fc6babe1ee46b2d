/**
 * The set being coached: feeds each PoseFrame through the analysis core and the form rules,
 * keeps every completed rep with its verdict, picks the one cue to show, and runs the set's
 * lifecycle. Runes state behind getters; the core and the rules stay pure.
 *
 * Set lifecycle (the brief is silent; this is what a lifter 2 m from the laptop needs):
 * - `ready`: tracking and framing check, nothing counted yet;
 * - `active`: starts on Space / the button, or by itself when the first rep completes (the
 *   lifter should not have to walk to the keyboard); the set timer runs from that rep's start;
 * - `done`: on Space / the button, when a video file ends, or after `AUTO_END_IDLE_MS` with no
 *   rep; the summary is shown and the reps stay until a new set starts.
 * A rep that was seen but not counted (the analyser's evidence gate) starts the set like a
 * counted one: the lifter is kicking, and the summary must be able to say what was not counted.
 */
import { createKickbackAnalyzer, type KickbackAnalyzer } from '../analysis/kickback-analyzer';
import type { FrameAnalysis, FramingRange, RejectedRep, RepMetrics } from '../analysis/types';
import {
  createArchOnsetState,
  createCueArbiter,
  createLiveHintState,
  evaluateFrame,
  judgeRep,
  kickTargetBand,
  summarizeSet,
  type ArchOnsetState,
  type Cue,
  type KickTargetBand,
  type RepVerdict,
  type RuleConfig,
  type SetSummary,
} from '../feedback';
import type { PoseFrame } from '../pose/types';
import { frameFraming, type LiveFramingIssue } from './frame-framing';
import { FramingPersistence } from './framing-persistence';
import { framingBannerIssues, lifterLockStatus, rejectedRepText, type LifterLockStatus } from './framing-status';
import { SetSeriesRecorder } from './set-series-recorder';
import type { SetRecording } from './set-series';

export type SetStatus = 'ready' | 'active' | 'done';

/** What the coach tells the outside world (storage, voice) as the set unfolds. */
export interface CoachHooks {
  setStarted?(): void;
  repCompleted?(rep: RepMetrics, verdict: RepVerdict): void;
  repRejected?(rep: RejectedRep): void;
  setEnded?(): void;
  cue?(cue: Cue): void;
}

/** Where the thresholds and the learned kick-height target live (the settings). */
export interface CoachSettings {
  readonly config: Readonly<RuleConfig>;
  archOnset: ArchOnsetState;
}

/** ref: a rest between sets is 1–3 min; 45 s with no rep means the set is over, not a pause. */
export const AUTO_END_IDLE_MS = 45_000;
/** A rep cue stays on screen this long (frame time): long enough to read from 2 m. */
export const CUE_SHOW_MS = 3500;
/**
 * "1 rep not counted: …" stays this long (frame time). ref: CUE_SHOW_MS is enough to read one
 * line; this one is read after a kick, when the lifter turns to the counter, so it stays longer.
 */
export const REJECTED_SHOW_MS = 6000;

export type CueTone = 'good' | 'warn' | 'bad';

export interface ShownCue {
  text: string;
  tone: CueTone;
  ruleId: Cue['ruleId'];
  /** Whether this cue goes to the voice (when the voice is on). */
  spoken: boolean;
}

function toneOf(cue: Cue): CueTone {
  if (cue.ruleId === 'positive') return 'good';
  return cue.severity >= 3 ? 'bad' : 'warn';
}

export class Coach {
  #analysis = $state.raw<FrameAnalysis | null>(null);
  #reps = $state.raw<readonly RepMetrics[]>([]);
  #verdicts = $state.raw<readonly RepVerdict[]>([]);
  #status = $state<SetStatus>('ready');
  #setStartMs = $state<number | null>(null);
  #nowMs = $state<number | null>(null);
  #cue = $state.raw<(Cue & { shownUntilMs: number }) | null>(null);
  #framing = $state.raw<readonly LiveFramingIssue[]>([]);
  #lock = $state.raw<LifterLockStatus | null>(null);
  #rejected = $state.raw<readonly RejectedRep[]>([]);
  #rejectedShownUntilMs: number | null = $state(null);
  #setFraming = $state.raw<readonly FramingRange[]>([]);
  /** Frames and cues of the set for plots and replay (plain: written every frame, read at the end). */
  readonly #series = new SetSeriesRecorder();
  #recording = $state.raw<SetRecording | null>(null);
  #framingPersistence: FramingPersistence;
  #lastRepEndMs: number | null = null;
  /** Frame time the set spent paused (no picture): not set time. */
  #pausedMs = $state(0);
  /** The picture stopped: the gap before the next frame is excised from the set's clock. */
  #gapPending = false;
  readonly #analyzer: KickbackAnalyzer;
  #hintState = createLiveHintState();
  #arbiter;
  readonly #hooks: CoachHooks;
  readonly #settings: CoachSettings;

  /** `analyzer`: the analysis core (tests pass a scripted one). */
  constructor(settings: CoachSettings, hooks: CoachHooks = {}, analyzer: KickbackAnalyzer = createKickbackAnalyzer({ includeLandmarks: true })) {
    this.#analyzer = analyzer;
    this.#settings = settings;
    this.#hooks = hooks;
    this.#arbiter = createCueArbiter(settings.config);
    this.#framingPersistence = this.#newFramingPersistence();
  }

  #newFramingPersistence(): FramingPersistence {
    // ref: rule-config liveViewPersistMs / liveNullToleranceMs — the same wait as the spoken view
    // hint, so banner and voice agree.
    const { liveViewPersistMs, liveNullToleranceMs } = this.#settings.config;
    return new FramingPersistence(liveViewPersistMs, liveNullToleranceMs);
  }

  get analysis() { return this.#analysis; }
  get reps() { return this.#reps; }
  get verdicts() { return this.#verdicts; }
  get status() { return this.#status; }
  get repCount() { return this.#reps.length; }
  /** Set time in ms from the frames' own clock (media time for files). */
  get elapsedMs() {
    return this.#setStartMs !== null && this.#nowMs !== null ? this.#nowMs - this.#setStartMs - this.#pausedMs : 0;
  }
  /** When the set's clock started (frame time), null before the set starts. */
  get setStartMs() { return this.#setStartMs; }
  /** Framing problems lasting now, most important first (people are in `lifterLock`). */
  get framing(): readonly LiveFramingIssue[] { return this.#framing; }
  /** Null while the lifter is alone in view. */
  get lifterLock(): LifterLockStatus | null { return this.#lock; }
  /** Reps seen but not counted in this set. */
  get rejected(): readonly RejectedRep[] { return this.#rejected; }
  /** "1 rep not counted: legs not clearly visible" shortly after a rep was not counted. */
  get rejectedNotice(): string | null {
    const last = this.#rejected.at(-1);
    if (!last || this.#nowMs === null || this.#rejectedShownUntilMs === null || this.#nowMs > this.#rejectedShownUntilMs) return null;
    let run = 0;
    for (let i = this.#rejected.length - 1; i >= 0 && this.#rejected[i]!.message === last.message; i--) run++;
    return rejectedRepText(last, run);
  }
  /** The finished set's framing problems over time (from its start; empty before it ends). */
  get setFraming(): readonly FramingRange[] { return this.#setFraming; }
  /** The finished set's recorded frames and cues (null before it ends, or for a recovered set). */
  get recording(): SetRecording | null { return this.#recording; }
  get lastRep(): RepMetrics | null {
    return this.#reps.at(-1) ?? null;
  }
  /** The one cue to show now, or null. */
  get cue(): ShownCue | null {
    const c = this.#cue;
    if (!c || this.#nowMs === null || this.#nowMs > c.shownUntilMs) return null;
    return { text: c.text, tone: toneOf(c), ruleId: c.ruleId, spoken: c.speak };
  }
  /** Hip-extension band for the gauge, for the working leg (or the last rep's leg). */
  get targetBand(): KickTargetBand {
    const leg = this.#analysis?.workingLeg ?? this.lastRep?.leg ?? 'right';
    return kickTargetBand(this.#settings.archOnset, leg, this.#settings.config);
  }
  get summary(): SetSummary | null {
    return this.#reps.length === this.#verdicts.length ? summarizeSet(this.#reps, this.#verdicts) : null;
  }

  /** The thresholds changed (preset or override): later reps and cues use the new ones. */
  configChanged(): void {
    this.#arbiter.setConfig(this.#settings.config);
    this.#framingPersistence = this.#newFramingPersistence();
  }

  /**
   * Analysis paused (tab hidden, camera muted or stalled): the time until the next frame is not
   * set time, neither on the set clock nor towards ending an idle set.
   */
  pauseClock(): void {
    this.#gapPending = true;
  }

  push(frame: PoseFrame): FrameAnalysis {
    if (this.#gapPending) {
      this.#gapPending = false;
      const gapMs = this.#nowMs === null ? 0 : frame.timestampMs - this.#nowMs;
      if (gapMs > 0) {
        if (this.#setStartMs !== null && this.#status === 'active') this.#pausedMs += gapMs;
        if (this.#lastRepEndMs !== null) this.#lastRepEndMs += gapMs;
      }
    }
    const analysis = this.#analyzer.push(frame);
    const config = this.#settings.config;
    this.#analysis = analysis;
    this.#nowMs = frame.timestampMs;
    const framing = frameFraming(analysis, frame);
    this.#framing = framingBannerIssues(this.#framingPersistence.update(frame.timestampMs, framing.issues));
    this.#lock = lifterLockStatus(framing.otherPeople, framing.ambiguous);
    if (analysis.completedRep && this.#status !== 'done') this.#onRep(analysis.completedRep, frame.timestampMs, config);
    if (analysis.rejectedRep && this.#status !== 'done') this.#onRejected(analysis.rejectedRep, frame.timestampMs);
    const hint = evaluateFrame(analysis, config, this.#hintState);
    const current = this.#cue && frame.timestampMs <= this.#cue.shownUntilMs ? this.#cue : null;
    if (hint) {
      // A live hint shows while its condition lasts, but a fresh rep cue keeps the screen
      // unless the hint is more severe (e.g. the lifter walked out of frame).
      if (!current || current.repIndex === null || hint.severity > current.severity) {
        const cue = this.#arbiter.onHint(hint, frame.timestampMs);
        if (cue) this.#show(cue, frame.timestampMs);
      }
    } else if (current?.repIndex === null) {
      this.#cue = null;
    }
    if (this.#status !== 'done') this.#series.push(frame, analysis, this.cue);
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

  #onRep(rep: RepMetrics, timestampMs: number, config: Readonly<RuleConfig>): void {
    if (this.#status === 'ready') this.#begin(rep.startMs);
    const { verdict, archOnset } = judgeRep(rep, config, this.#settings.archOnset);
    this.#settings.archOnset = archOnset;
    this.#reps = [...this.#reps, rep];
    this.#verdicts = [...this.#verdicts, verdict];
    this.#lastRepEndMs = rep.endMs;
    this.#hooks.repCompleted?.(rep, verdict);
    const cue = this.#arbiter.onRep(verdict, timestampMs);
    if (cue) this.#show(cue, timestampMs);
  }

  #onRejected(rep: RejectedRep, timestampMs: number): void {
    if (this.#rejected.some((r) => r.startMs === rep.startMs && r.leg === rep.leg)) return;
    if (this.#status === 'ready') this.#begin(rep.startMs);
    this.#rejected = [...this.#rejected, rep];
    this.#lastRepEndMs = Math.max(this.#lastRepEndMs ?? rep.endMs, rep.endMs);
    this.#rejectedShownUntilMs = timestampMs + REJECTED_SHOW_MS;
    this.#hooks.repRejected?.(rep);
  }

  #show(cue: Cue, timestampMs: number): void {
    this.#cue = { ...cue, shownUntilMs: timestampMs + CUE_SHOW_MS };
    if (cue.speak) this.#hooks.cue?.(cue);
  }

  #begin(startMs: number): void {
    this.#status = 'active';
    this.#setStartMs = startMs;
    this.#pausedMs = 0;
    this.#series.begin(startMs);
    this.#hooks.setStarted?.();
  }

  /** Manual start: clears the previous set's result and counts from the next frame. */
  startSet(): void {
    this.newSet();
    this.#begin(this.#nowMs ?? 0);
  }

  /**
   * Ends the set (Space, the button, the end of a video file). A rep whose leg was already most
   * of the way back down still counts: the analyser closes it out first. Ending a set that never
   * started (a video with no rep) still shows its (empty) summary.
   */
  endSet(): void {
    if (this.#status === 'done') return;
    const rep = this.#analyzer.finish();
    if (rep) this.#onRep(rep, this.#nowMs ?? rep.endMs, this.#settings.config);
    // A rep closed out by finish() may instead have failed the evidence gate.
    const lastRejected = this.#analyzer.rejected.at(-1);
    if (lastRejected && (this.#setStartMs === null || lastRejected.startMs >= this.#setStartMs)) {
      this.#onRejected(lastRejected, this.#nowMs ?? lastRejected.endMs);
    }
    const from = this.#setStartMs ?? Number.NEGATIVE_INFINITY;
    this.#setFraming = this.#analyzer.framing.filter((r) => r.endMs >= from).map((r) => ({ ...r }));
    this.#series.end();
    const { frames, cues } = this.#series.recording;
    this.#recording = { frames: [...frames], cues: [...cues] };
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
    this.#arbiter.reset();
    this.#hintState = createLiveHintState();
    this.#reps = [];
    this.#verdicts = [];
    this.#rejected = [];
    this.#rejectedShownUntilMs = null;
    this.#setFraming = [];
    this.#series.clear();
    this.#recording = null;
    this.#cue = null;
    this.#status = 'ready';
    this.#setStartMs = null;
    this.#pausedMs = 0;
    this.#lastRepEndMs = null;
  }

  /**
   * Shows a set recovered from storage (interrupted by a reload or crash) as finished.
   *
   * Each rep is judged as judgeRep orders it: against the arch onset learned before it, then
   * learned from, so no rep is judged against a target it (or a later rep) taught. The settings'
   * arch onset already learned from these reps while they were live, so it is neither used nor
   * changed here. `archOnsetAtStart` is the state the set started from when the caller has it;
   * without it the replay starts empty, and the kick-height rule uses its default limit until
   * the set's own reps teach a target.
   */
  restore(
    reps: readonly RepMetrics[],
    rejected: readonly RejectedRep[] = [],
    framing: readonly FramingRange[] = [],
    archOnsetAtStart: ArchOnsetState = createArchOnsetState(),
  ): void {
    this.newSet();
    const config = this.#settings.config;
    this.#reps = [...reps];
    this.#rejected = [...rejected];
    this.#setFraming = [...framing];
    let archOnset = archOnsetAtStart;
    this.#verdicts = reps.map((rep) => {
      const judged = judgeRep(rep, config, archOnset);
      archOnset = judged.archOnset;
      return judged.verdict;
    });
    this.#status = 'done';
  }

  /** A new source (camera restarted, another file): time restarts, so does tracking. */
  resetTracking(): void {
    this.#analyzer.reset();
    this.#hintState = createLiveHintState();
    this.#framingPersistence.reset();
    this.#framing = [];
    this.#lock = null;
    this.#analysis = null;
    this.#cue = null;
  }
}
