/**
 * Glue between the capture loop, the pose worker and the UI. Runes state lives here, behind
 * getters; the pure pieces it calls (capture/*, the analysis core) know nothing of Svelte.
 */
import type { DetectorId, PoseFrame } from '../pose/types';
import { DEFAULT_DETECTOR } from '../pose/detector-registry';
import type { BackendChoice } from '../../workers/backend';
import { FrameLoop, type LoopStats } from '../capture/frame-loop';
import { FrameWatchdog, type PauseReason } from '../capture/frame-watchdog';
import { LoadCancelledError, ModelLoadTimeoutError, PoseClient, WorkerCrashedError, type ReadyReport } from '../capture/pose-client';
import { RestartBudget } from '../capture/restart-budget';
import { listCameras, openCamera, stopStream } from '../capture/camera';
import { CAMERA_LOST, VIDEO_UNREADABLE, describeCameraError, type UserFacingError } from '../capture/camera-errors';
import { Coach } from './coach.svelte';
import { SetRecorder } from './set-recorder';
import { SetStore } from '../storage/set-store';
import { Settings } from './settings.svelte';
import { LiveSetLock } from './live-set-lock';
import { pauseMessage } from './pause-message';
import { FileProgressEstimator, type FileProgress } from './file-progress';
import { FilePacer, type FilePaceOptions } from './file-pace';

export type SessionStatus = 'idle' | 'starting' | 'running' | 'error';
export type SourceKind = 'camera' | 'file';
/** How a start ended (test builds read it): analysing, cancelled by Stop, or failed. */
export type RunOutcome = 'running' | 'cancelled' | 'failed';

const EMPTY_STATS: LoopStats = {
  cameraFps: 0, processedFps: 0, droppedFrames: 0, processedFrames: 0, failedFrames: 0, inferenceMs: 0, latencyMs: 0,
};

const STATS_INTERVAL_MS = 250;
/**
 * Frames per second of a recorded video the pose model sees: the rate `npm run analyze` and
 * `npm run eval` use. ref: src/node/analyze-clip.ts CLI_ANALYSIS_FPS — every 3rd frame of the
 * 30 fps labelled clips (10 fps) gives the same counts as every frame on all 9, every 4th
 * (7.5 fps) does not; docs/design.md#frame-rates: the rep machine works from 3 to 30 fps.
 */
const FILE_ANALYSED_FPS = 10;
/** Browsers mute and stutter below about a tenth of normal speed. */
const FILE_MIN_PLAYBACK_RATE = 0.1;
/**
 * A fast device may play a file faster than real time. ref: requestVideoFrameCallback fires at
 * most once per display refresh (60 Hz on most screens); at 2x a 30 fps clip presents 60 frames
 * a second, so every frame still reaches the frame loop and the 10 analysed are chosen from all.
 */
const FILE_MAX_PLAYBACK_RATE = 2;
const FILE_PACE: FilePaceOptions = {
  targetFps: FILE_ANALYSED_FPS,
  minRate: FILE_MIN_PLAYBACK_RATE,
  maxRate: FILE_MAX_PLAYBACK_RATE,
  // A rate change makes Chromium's player re-buffer briefly: changes under 5 % are not worth it.
  hysteresis: 0.05,
  // ref: capture/rate-meter.ts measures over 2 s; 1.5 s holds 4+ results even at the slowest
  // worker measured here (2.5 results/s, BlazePose full on wasm with the 2 cores shared).
  windowMs: 1500,
  minFrames: 4,
  // A 30 fps clip whose every frame is analysed is 3x over the 10 fps target: one step closes it.
  maxStep: 3,
};

/**
 * At load the lock may still be held by this same tab's previous page (a reload): the browser
 * frees it when that page is gone. ref: a reload's old page is torn down before the new one runs
 * script, so the wait is normally nil; 1.5 s covers a slow teardown on a loaded machine.
 */
const RELOAD_LOCK_WAIT_MS = 1500;
/**
 * Start waits as long: a tab closed a moment ago may not have handed its lock back yet, and a
 * lifter who closed it and pressed Start here must not be told it is still open.
 */
const START_LOCK_WAIT_MS = RELOAD_LOCK_WAIT_MS;

export const SET_OPEN_ELSEWHERE: UserFacingError = {
  title: 'A set is open in another tab',
  detail:
    'KickCheck is running in another tab of this browser, and only one tab runs a set at a time so no rep is counted twice or closed by the wrong tab. Stop the camera or end the set there (or close that tab), then press Start camera here.',
};
export const OPEN_ELSEWHERE_NOTICE =
  'KickCheck is running in another tab: its set stays open there, and this tab leaves it alone. Stop it there to use this tab.';

/**
 * Spoken cues and the rep tone: a platform service the app injects (src/platform/voice.ts in
 * the browser), so state imports no view and no browser audio API.
 */
export interface VoiceOutput {
  speak(text: string, options: { voiceUri: string; rate: number }): void;
  repTone(clean: boolean): void;
}

/** The platform services a session uses, injected by the app. */
export interface LiveSessionServices {
  voice: VoiceOutput;
}

export class LiveSession {
  readonly #voice: VoiceOutput;
  #status = $state<SessionStatus>('idle');
  #source = $state<SourceKind>('camera');
  #error = $state<UserFacingError | null>(null);
  #notice = $state<string | null>(null);
  #report = $state<ReadyReport | null>(null);
  #stats = $state<LoopStats>(EMPTY_STATS);
  #pose = $state.raw<PoseFrame | null>(null);
  #cameras = $state<MediaDeviceInfo[]>([]);
  #paused = $state<PauseReason | null>(null);
  #fileProgress = $state<FileProgress | null>(null);
  #fileEstimator: FileProgressEstimator | null = null;
  #filePacer: FilePacer | null = null;

  detector = $state<DetectorId>(DEFAULT_DETECTOR);
  backend = $state<BackendChoice>('auto');
  mirror = $state(true);
  cameraId = $state<string>('');
  resolution = $state<'640x480' | '1280x720' | '1920x1080'>('1280x720');
  /** Overrides the pose client's model-load timeout (test builds shorten it); null: the default. */
  loadTimeoutMs: number | null = null;

  /** The set being analysed; survives worker restarts and camera loss. */
  readonly recorder = new SetRecorder(new SetStore(), (message) => {
    this.#notice = message;
  });
  readonly settings = new Settings();
  readonly coach = new Coach(this.settings, {
    setStarted: () => {
      this.#setOpen = true;
      this.recorder.begin({ source: this.#source, detector: this.#report?.detector ?? this.detector });
    },
    repCompleted: (rep, verdict) => {
      this.recorder.rep(rep, verdict.flags.filter((f) => !f.borderline).map((f) => f.ruleId));
      if (this.settings.repTone && !this.settings.muted) this.#voice.repTone(verdict.clean);
    },
    repRejected: (rep) => this.recorder.rejected(rep),
    setEnded: () => {
      this.recorder.end(this.coach.setFraming);
      this.#setOpen = false;
      this.#syncLock();
    },
    cue: (cue) => {
      if (!this.settings.muted) this.#voice.speak(cue.text, { voiceUri: this.settings.voiceUri, rate: this.settings.rate });
    },
  });

  #client: PoseClient | null = null;
  #loop: FrameLoop<PoseFrame> | null = null;
  #stream: MediaStream | null = null;
  #track: MediaStreamTrack | null = null;
  #video: HTMLVideoElement | null = null;
  #statsTimer: ReturnType<typeof setInterval> | null = null;
  readonly #restarts = new RestartBudget();
  #objectUrl: string | null = null;
  /** Aborted by Stop (or the next start): a load or camera open in flight must not play on. */
  #runAbort: AbortController | null = null;
  #watchdog: FrameWatchdog | null = null;
  readonly #lock = new LiveSetLock();
  /** A set row is open in storage (started, not ended): the lock stays held for it. */
  #setOpen = false;
  /** Interrupted sets were left alone at load because another tab was live. */
  #recoveryDeferred = false;
  readonly #outcomes: RunOutcome[] = [];

  constructor(services: LiveSessionServices) {
    this.#voice = services.voice;
  }

  get status() { return this.#status; }
  get source() { return this.#source; }
  get error() { return this.#error; }
  get notice() { return this.#notice; }
  get report() { return this.#report; }
  get stats() { return this.#stats; }
  get pose() { return this.#pose; }
  get cameras() { return this.#cameras; }
  /** Why analysis is paused right now (tab hidden, camera muted or stalled); null while it runs. */
  get paused() { return this.#paused; }
  /** What to tell the lifter while paused. */
  get pauseMessage(): string | null {
    return this.#paused ? pauseMessage(this.#paused, this.#source) : null;
  }
  /** A recorded video's analysis: part done and time left; null for the camera or before a file. */
  get fileProgress() { return this.#fileProgress; }
  /** How each start so far ended, oldest first. */
  get runOutcomes(): readonly RunOutcome[] { return this.#outcomes; }

  /**
   * Brings back a set that a reload or crash interrupted, and says so; closes the empty ones
   * quietly. Only while holding the live-set lock: a set open in another live tab is not
   * interrupted, and is left alone.
   */
  async recoverInterruptedSet(): Promise<void> {
    if (!(await this.#lock.acquire(RELOAD_LOCK_WAIT_MS))) {
      this.#recoveryDeferred = true;
      this.#notice = OPEN_ELSEWHERE_NOTICE;
      return;
    }
    this.#recoveryDeferred = false;
    try {
      const store = this.recorder.store;
      const found = await store.interruptedSet().catch(() => null);
      await store.closeInterruptedSets(Date.now()).catch(() => null);
      if (!found) return;
      this.coach.restore(found.reps.map((r) => r.rep), found.set.rejected ?? [], found.set.framing ?? []);
      this.#notice = `Recovered an unfinished set from ${new Intl.DateTimeFormat(undefined, { timeStyle: 'short' }).format(Date.parse(found.set.startedAt))} with ${found.reps.length} ${found.reps.length === 1 ? 'rep' : 'reps'}: nothing counted was lost.`;
    } finally {
      this.#syncLock();
    }
  }

  dismissNotice(): void {
    this.#notice = null;
  }

  async refreshCameras(): Promise<void> {
    this.#cameras = await listCameras().catch(() => []);
  }

  /**
   * Common start: stops what runs, takes the live-set lock (another tab may hold it) and hands
   * back the signal that Stop aborts; null when the start is over already.
   */
  async #begin(source: SourceKind): Promise<AbortSignal | null> {
    await this.stop();
    const run = new AbortController();
    this.#runAbort = run;
    this.#source = source;
    this.#status = 'starting';
    this.#fileEstimator = null;
    this.#fileProgress = null;
    this.#filePacer = null;
    this.#error = null;
    const mine = await this.#lock.acquire(START_LOCK_WAIT_MS);
    if (run.signal.aborted) return this.#cancelled();
    if (!mine) {
      this.#fail(SET_OPEN_ELSEWHERE);
      return null;
    }
    if (this.#recoveryDeferred) {
      // The tab that held the sets is gone: what it left open is interrupted now. Closed, not
      // shown (this tab is starting its own set); their reps stay stored.
      this.#recoveryDeferred = false;
      if (this.#notice === OPEN_ELSEWHERE_NOTICE) this.#notice = null;
      await this.recorder.store.closeInterruptedSets(Date.now()).catch(() => null);
      if (run.signal.aborted) return this.#cancelled();
    }
    return run.signal;
  }

  #cancelled(): null {
    this.#outcomes.push('cancelled');
    // A lock taken while Stop was pressed goes straight back.
    this.#syncLock();
    return null;
  }

  async startCamera(video: HTMLVideoElement): Promise<void> {
    const signal = await this.#begin('camera');
    if (!signal) return;
    const [width, height] = this.resolution.split('x').map(Number) as [number, number];
    let stream: MediaStream;
    try {
      stream = await openCamera({ deviceId: this.cameraId || undefined, width, height });
    } catch (error) {
      if (signal.aborted) {
        this.#cancelled();
        return;
      }
      this.#fail(describeCameraError(error));
      return;
    }
    if (signal.aborted) {
      // Stop came while the browser opened the camera: close it again, show nothing.
      stopStream(stream);
      this.#cancelled();
      return;
    }
    this.#stream = stream;
    void this.refreshCameras();
    const track = stream.getVideoTracks()[0] ?? null;
    if (track) {
      this.#track = track;
      track.addEventListener('ended', this.#onTrackEnded);
      track.addEventListener('mute', this.#onTrackMute);
      track.addEventListener('unmute', this.#onTrackMute);
    }
    video.srcObject = stream;
    video.muted = true;
    await this.#run(video, false, signal);
  }

  async startFile(video: HTMLVideoElement, file: File): Promise<void> {
    const signal = await this.#begin('file');
    if (!signal) return;
    this.#objectUrl = URL.createObjectURL(file);
    video.srcObject = null;
    video.src = this.#objectUrl;
    video.loop = false;
    video.muted = true;
    const readable = await new Promise<boolean>((resolve) => {
      const done = (ok: boolean) => {
        video.removeEventListener('loadeddata', onData);
        video.removeEventListener('error', onError);
        signal.removeEventListener('abort', onAbort);
        resolve(ok);
      };
      const onData = () => done(true);
      const onError = () => done(false);
      const onAbort = () => done(false);
      video.addEventListener('loadeddata', onData);
      video.addEventListener('error', onError);
      signal.addEventListener('abort', onAbort);
    });
    if (signal.aborted) {
      this.#cancelled();
      return;
    }
    if (!readable || video.videoWidth === 0) {
      this.#fail({ ...VIDEO_UNREADABLE, detail: `${VIDEO_UNREADABLE.detail} (file: ${file.name})` });
      return;
    }
    // Start slow: until the first pose arrives the detector's speed is unknown, and its first
    // inference (warm-up) can take seconds, during which a rep at the start would play unseen.
    // #pacePlayback raises the rate once the inference time is measured.
    video.playbackRate = FILE_MIN_PLAYBACK_RATE;
    video.addEventListener('ended', this.#onFileEnded);
    this.#fileEstimator = new FileProgressEstimator();
    this.#filePacer = new FilePacer(FILE_PACE);
    this.#fileEstimator.sample(0, video.duration, performance.now());
    this.#fileProgress = this.#fileEstimator.progress;
    // The rate is measured from the first result on (#fileTick), not across the model's warm-up.
    this.#fileEstimator.gap();
    this.coach.resetTracking();
    await this.#run(video, true, signal);
  }

  /** A recorded set ends with its file: close the set so the summary shows. */
  #onFileEnded = () => {
    if (this.#fileEstimator) {
      this.#fileEstimator.finish();
      this.#fileProgress = this.#fileEstimator.progress;
    }
    this.coach.endSet();
    // Keep the last frame on screen under the skeleton: the file stays loaded until the next start.
    this.#teardown({ keepFrame: true });
    if (this.#status === 'running') this.#status = 'idle';
    this.#syncLock();
  };

  #onTrackEnded = () => {
    if (this.#status === 'running') void this.#lost(CAMERA_LOST);
  };

  /** The track's `mute` / `unmute`: the system or another app took the picture away, or gave it back. */
  #onTrackMute = (event: Event) => {
    this.#watchdog?.setMuted(event.type === 'mute', performance.now());
    this.#updatePause();
  };

  #onVisibility = () => {
    this.#watchdog?.setHidden(document.visibilityState === 'hidden', performance.now());
    this.#updatePause();
  };

  async #run(video: HTMLVideoElement, useMediaTime: boolean, signal: AbortSignal): Promise<void> {
    this.#video = video;
    try {
      this.#client ??= new PoseClient();
      const report = await this.#client.start(
        { detector: this.detector, backend: this.backend, ...(this.loadTimeoutMs === null ? {} : { loadTimeoutMs: this.loadTimeoutMs }) },
        signal,
      );
      if (signal.aborted) {
        this.#cancelled();
        return;
      }
      this.#report = report;
      this.detector = report.detector;
      if (report.fallbackFrom) {
        this.#notice = `Could not load ${report.fallbackFrom.detector} (${report.fallbackFrom.reason}). Using ${report.detector} instead.`;
      }
    } catch (error) {
      if (error instanceof LoadCancelledError || signal.aborted) {
        this.#cancelled();
        return;
      }
      this.#outcomes.push('failed');
      this.#fail({
        title: error instanceof ModelLoadTimeoutError ? 'Pose model did not load in time' : 'Pose model failed to load',
        detail: `Neither the chosen detector nor its fallback could start: ${error instanceof Error ? error.message : String(error)}. Reload the page; if it persists, reinstall (npm install copies the models).`,
      });
      return;
    }
    try {
      await video.play();
    } catch (error) {
      if (signal.aborted) {
        this.#cancelled();
        return;
      }
      this.#outcomes.push('failed');
      this.#fail(this.#source === 'file' ? VIDEO_UNREADABLE : describeCameraError(error));
      return;
    }
    if (signal.aborted) {
      this.#cancelled();
      return;
    }
    const client = this.#client;
    const isCamera = !useMediaTime;
    // A file played slowly may present a frame only every few seconds: only a camera's frame
    // gaps mean the picture stopped.
    const watchdog = new FrameWatchdog(performance.now(), { watchFrames: isCamera });
    this.#watchdog = watchdog;
    watchdog.setHidden(document.visibilityState === 'hidden', performance.now());
    watchdog.setMuted(this.#track?.muted ?? false, performance.now());
    document.addEventListener('visibilitychange', this.#onVisibility);
    this.#loop = new FrameLoop<PoseFrame>(
      video,
      {
        onFrame: (nowMs) => {
          const analyse = watchdog.frame(nowMs);
          this.#updatePause();
          return analyse;
        },
        process: (bitmap, timestampMs) => client.estimate(bitmap, timestampMs),
        onResult: (pose) => {
          // A result that was in flight when the picture stopped is dropped with it.
          if (this.#paused) return;
          this.#pose = pose;
          this.coach.push(pose);
        },
        onError: (error) => void this.#onLoopError(error),
        onRestart: () => {
          void client.reset();
          this.coach.resetTracking();
        },
        inferenceMsOf: (pose) => pose.inferenceMs,
      },
      useMediaTime,
    );
    this.#loop.start();
    this.#status = 'running';
    this.#outcomes.push('running');
    this.#updatePause();
    this.#statsTimer = setInterval(() => {
      if (!this.#loop) return;
      watchdog.check(performance.now());
      this.#updatePause();
      this.#stats = this.#loop.stats();
      if (this.#source === 'file') this.#fileTick(video, this.#stats);
    }, STATS_INTERVAL_MS);
  }

  /**
   * Follows the watchdog: pauses analysis with a message, and resumes by itself. A recorded
   * video is paused while the tab is hidden (a background tab gets few frames, so reps would be
   * missed without a word) and plays on when the tab is shown again.
   */
  #updatePause(): void {
    const reason = this.#watchdog?.reason ?? null;
    const was = this.#paused;
    if (reason === was) return;
    this.#paused = reason;
    const video = this.#video;
    if (reason && !was && this.#source === 'camera') this.coach.pauseClock();
    if (this.#source === 'file' && video && this.#status === 'running') {
      if (reason === 'hidden') video.pause();
      else if (was === 'hidden' && !reason) void video.play().catch(() => {});
    }
  }

  /**
   * A file run's periodic work: the progress bar, and the playback speed. A recording need not
   * play in real time: it plays as fast as lets the detector see `FILE_ANALYSED_FPS` of its
   * frames a second (slower or faster than real time). Timestamps are media time, so the
   * analysis does not notice the speed.
   */
  #fileTick(video: HTMLVideoElement, stats: LoopStats): void {
    const estimator = this.#fileEstimator;
    if (this.#paused) {
      // Hidden: the time until the video plays again is not analysis time.
      estimator?.gap();
      this.#filePacer?.gap();
      return;
    }
    // Progress is measured from the first result on: before it, the model's warm-up says
    // nothing about the speed of the rest.
    if (estimator && stats.processedFrames > 0) {
      estimator.sample(video.currentTime, video.duration, performance.now());
      this.#fileProgress = estimator.progress;
    }
    if (stats.processedFrames === 0) return;
    const rate = this.#filePacer?.next({
      processedFrames: stats.processedFrames,
      mediaS: video.currentTime,
      nowMs: performance.now(),
      currentRate: video.playbackRate,
      inferenceMs: stats.inferenceMs,
    });
    if (rate != null) video.playbackRate = rate;
  }

  async #onLoopError(error: unknown): Promise<void> {
    if (!(error instanceof WorkerCrashedError) || !this.#client || this.#status !== 'running') return;
    const signal = this.#runAbort?.signal;
    const { max, windowMs } = this.#restarts;
    if (!this.#restarts.take(performance.now())) {
      await this.#lost({
        title: 'Pose engine keeps crashing',
        detail: `${error.message} It was restarted ${max} times in the last ${Math.round(windowMs / 60_000)} minute. Your reps so far are kept. Try a lighter model (Lite or Lightning).`,
      });
      return;
    }
    this.#notice = `${error.message} Restarting it — your reps so far are kept.`;
    try {
      await this.#client.start({ detector: this.detector, backend: this.backend }, signal);
      const used = this.#restarts.used(performance.now());
      this.#notice = `The pose engine crashed and was restarted (${used} of ${max} restarts allowed per minute). Your reps so far are kept.`;
    } catch (restartError) {
      if (restartError instanceof LoadCancelledError) return;
      await this.#lost({ title: 'Pose engine stopped', detail: `It could not be restarted: ${String(restartError)}. Your reps so far are kept.` });
    }
  }

  /** Ends the run because the source or engine is gone; keeps everything analysed so far. */
  async #lost(error: UserFacingError): Promise<void> {
    this.#teardown();
    this.#fail(error);
  }

  #fail(error: UserFacingError): void {
    this.#error = error;
    this.#status = 'error';
    this.#syncLock();
  }

  /** Keeps the live-set lock only while this tab runs or has a set open in storage. */
  #syncLock(): void {
    const live = this.#status === 'starting' || this.#status === 'running';
    if (!live && !this.#setOpen) this.#lock.release();
  }

  #teardown({ keepFrame = false }: { keepFrame?: boolean } = {}): void {
    this.#runAbort?.abort();
    this.#runAbort = null;
    this.#loop?.stop();
    this.#loop = null;
    if (this.#statsTimer) clearInterval(this.#statsTimer);
    this.#statsTimer = null;
    document.removeEventListener('visibilitychange', this.#onVisibility);
    this.#watchdog = null;
    this.#paused = null;
    // A file stopped part-way (Stop, or the engine lost): the bar would claim a run that no
    // longer goes on. A finished one stays at 100 % beside its summary.
    if (this.#fileProgress && !this.#fileProgress.complete) this.#fileProgress = null;
    if (this.#track) {
      this.#track.removeEventListener('ended', this.#onTrackEnded);
      this.#track.removeEventListener('mute', this.#onTrackMute);
      this.#track.removeEventListener('unmute', this.#onTrackMute);
      this.#track = null;
    }
    stopStream(this.#stream);
    this.#stream = null;
    if (this.#video) {
      this.#video.removeEventListener('ended', this.#onFileEnded);
      this.#video.pause();
      if (!keepFrame) {
        this.#video.srcObject = null;
        this.#video.removeAttribute('src');
      }
    }
    if (!keepFrame && this.#objectUrl) {
      URL.revokeObjectURL(this.#objectUrl);
      this.#objectUrl = null;
    }
  }

  async stop(): Promise<void> {
    this.#teardown();
    if (this.#status !== 'error') this.#status = 'idle';
    this.#syncLock();
  }

  /** Test builds only: kill the worker the way a crash would (a no-op in production). */
  crashWorkerForTest(): void {
    if (import.meta.env.MODE === 'e2e') this.#client?.crashForTest();
  }

  destroy(): void {
    this.#teardown();
    this.#client?.terminate();
    this.#client = null;
    this.#lock.release();
  }
}
