/**
 * Glue between the capture loop, the pose worker and the UI. Runes state lives here, behind
 * getters; the pure pieces it calls (capture/*, the analysis core) know nothing of Svelte.
 */
import type { DetectorId, PoseFrame } from '../pose/types';
import type { BackendChoice } from '../../workers/backend';
import { FrameLoop, type LoopStats } from '../capture/frame-loop';
import { PoseClient, WorkerCrashedError, type ReadyReport } from '../capture/pose-client';
import { listCameras, openCamera, stopStream } from '../capture/camera';
import { CAMERA_LOST, VIDEO_UNREADABLE, describeCameraError, type UserFacingError } from '../capture/camera-errors';
import { Coach } from './coach.svelte';
import { SetRecorder } from './set-recorder';
import { SetStore } from '../storage/set-store';
import { Settings } from './settings.svelte';
import { repTone, speak } from '../ui/voice';

export type SessionStatus = 'idle' | 'starting' | 'running' | 'error';
export type SourceKind = 'camera' | 'file';

const EMPTY_STATS: LoopStats = {
  cameraFps: 0, processedFps: 0, droppedFrames: 0, processedFrames: 0, failedFrames: 0, inferenceMs: 0, latencyMs: 0,
};

/** A crashed worker is restarted this many times in one session before giving up. */
const MAX_WORKER_RESTARTS = 3;
const STATS_INTERVAL_MS = 250;
// ref: DESIGN.md §3 / issue 3 — the rep machine works from 3 to 30 processed fps; 15 fps keeps
// a fast (0.5 s) concentric phase at 7+ samples, enough to place its peak within one frame.
const FILE_MIN_ANALYSED_FPS = 15;
/** Browsers mute and stutter below about a tenth of normal speed. */
const FILE_MIN_PLAYBACK_RATE = 0.1;

export class LiveSession {
  #status = $state<SessionStatus>('idle');
  #source = $state<SourceKind>('camera');
  #error = $state<UserFacingError | null>(null);
  #notice = $state<string | null>(null);
  #report = $state<ReadyReport | null>(null);
  #stats = $state<LoopStats>(EMPTY_STATS);
  #pose = $state.raw<PoseFrame | null>(null);
  #cameras = $state<MediaDeviceInfo[]>([]);

  detector = $state<DetectorId>('blazepose-full');
  backend = $state<BackendChoice>('auto');
  mirror = $state(true);
  cameraId = $state<string>('');
  resolution = $state<'640x480' | '1280x720' | '1920x1080'>('1280x720');

  /** The set being analysed; survives worker restarts and camera loss. */
  readonly recorder = new SetRecorder(new SetStore(), (message) => {
    this.#notice = message;
  });
  readonly settings = new Settings();
  readonly coach = new Coach(this.settings, {
    setStarted: () => this.recorder.begin({ source: this.#source, detector: this.#report?.detector ?? this.detector }),
    repCompleted: (rep, verdict) => {
      this.recorder.rep(rep, verdict.flags.filter((f) => !f.borderline).map((f) => f.ruleId));
      if (this.settings.repTone && !this.settings.muted) repTone(verdict.clean);
    },
    repRejected: (rep) => this.recorder.rejected(rep),
    setEnded: () => this.recorder.end(this.coach.setFraming),
    cue: (cue) => {
      if (!this.settings.muted) speak(cue.text, { voiceUri: this.settings.voiceUri, rate: this.settings.rate });
    },
  });

  #client: PoseClient | null = null;
  #loop: FrameLoop<PoseFrame> | null = null;
  #stream: MediaStream | null = null;
  #video: HTMLVideoElement | null = null;
  #statsTimer: ReturnType<typeof setInterval> | null = null;
  #restarts = 0;
  #objectUrl: string | null = null;

  get status() { return this.#status; }
  get source() { return this.#source; }
  get error() { return this.#error; }
  get notice() { return this.#notice; }
  get report() { return this.#report; }
  get stats() { return this.#stats; }
  get pose() { return this.#pose; }
  get cameras() { return this.#cameras; }

  /** Brings back a set that a reload or crash interrupted; says so. */
  async recoverInterruptedSet(): Promise<void> {
    const found = await this.recorder.store.interruptedSet().catch(() => null);
    if (!found) return;
    this.coach.restore(found.reps.map((r) => r.rep), found.set.rejected ?? [], found.set.framing ?? []);
    await this.recorder.store.endSet(found.set.id, Date.now());
    this.#notice = `Recovered an unfinished set from ${new Intl.DateTimeFormat(undefined, { timeStyle: 'short' }).format(Date.parse(found.set.startedAt))} with ${found.reps.length} ${found.reps.length === 1 ? 'rep' : 'reps'}: nothing counted was lost.`;
  }

  dismissNotice(): void {
    this.#notice = null;
  }

  async refreshCameras(): Promise<void> {
    this.#cameras = await listCameras().catch(() => []);
  }

  async startCamera(video: HTMLVideoElement): Promise<void> {
    await this.stop();
    this.#source = 'camera';
    this.#status = 'starting';
    this.#error = null;
    const [width, height] = this.resolution.split('x').map(Number) as [number, number];
    try {
      this.#stream = await openCamera({ deviceId: this.cameraId || undefined, width, height });
    } catch (error) {
      this.#fail(describeCameraError(error));
      return;
    }
    void this.refreshCameras();
    const track = this.#stream.getVideoTracks()[0];
    track?.addEventListener('ended', () => {
      if (this.#status === 'running') void this.#lost(CAMERA_LOST);
    });
    video.srcObject = this.#stream;
    video.muted = true;
    await this.#run(video, false);
  }

  async startFile(video: HTMLVideoElement, file: File): Promise<void> {
    await this.stop();
    this.#source = 'file';
    this.#status = 'starting';
    this.#error = null;
    this.#objectUrl = URL.createObjectURL(file);
    video.srcObject = null;
    video.src = this.#objectUrl;
    video.loop = false;
    video.muted = true;
    const readable = await new Promise<boolean>((resolve) => {
      const done = (ok: boolean) => {
        video.removeEventListener('loadeddata', onData);
        video.removeEventListener('error', onError);
        resolve(ok);
      };
      const onData = () => done(true);
      const onError = () => done(false);
      video.addEventListener('loadeddata', onData);
      video.addEventListener('error', onError);
    });
    if (!readable || video.videoWidth === 0) {
      this.#fail({ ...VIDEO_UNREADABLE, detail: `${VIDEO_UNREADABLE.detail} (file: ${file.name})` });
      return;
    }
    // Start slow: until the first pose arrives the detector's speed is unknown, and its first
    // inference (warm-up) can take seconds, during which a rep at the start would play unseen.
    // #pacePlayback raises the rate once the inference time is measured.
    video.playbackRate = FILE_MIN_PLAYBACK_RATE;
    video.addEventListener('ended', this.#onFileEnded);
    this.coach.resetTracking();
    await this.#run(video, true);
  }

  /** A recorded set ends with its file: close the set so the summary shows. */
  #onFileEnded = () => {
    this.coach.endSet();
    // Keep the last frame on screen under the skeleton: the file stays loaded until the next start.
    this.#teardown({ keepFrame: true });
    if (this.#status === 'running') this.#status = 'idle';
  };

  async #run(video: HTMLVideoElement, useMediaTime: boolean): Promise<void> {
    this.#video = video;
    try {
      this.#client ??= new PoseClient();
      const report = await this.#client.start({ detector: this.detector, backend: this.backend });
      this.#report = report;
      this.detector = report.detector;
      if (report.fallbackFrom) {
        this.#notice = `Could not load ${report.fallbackFrom.detector} (${report.fallbackFrom.reason}). Using ${report.detector} instead.`;
      }
    } catch (error) {
      this.#fail({
        title: 'Pose model failed to load',
        detail: `Neither the chosen detector nor its fallback could start: ${error instanceof Error ? error.message : String(error)}. Reload the page; if it persists, reinstall (npm install copies the models).`,
      });
      return;
    }
    try {
      await video.play();
    } catch (error) {
      this.#fail(this.#source === 'file' ? VIDEO_UNREADABLE : describeCameraError(error));
      return;
    }
    const client = this.#client;
    this.#loop = new FrameLoop<PoseFrame>(
      video,
      {
        process: (bitmap, timestampMs) => client.estimate(bitmap, timestampMs),
        onResult: (pose) => {
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
    this.#statsTimer = setInterval(() => {
      if (!this.#loop) return;
      this.#stats = this.#loop.stats();
      if (this.#source === 'file') this.#pacePlayback(video, this.#stats);
    }, STATS_INTERVAL_MS);
  }

  /**
   * A recording need not play in real time: slow it down until the detector sees at least
   * `FILE_MIN_ANALYSED_FPS` of its frames, so reps and peaks are as well sampled as the camera
   * allows. Timestamps are media time, so the analysis does not notice the slower playback.
   */
  #pacePlayback(video: HTMLVideoElement, stats: LoopStats): void {
    if (stats.inferenceMs <= 0) return;
    const affordableFps = 1000 / stats.inferenceMs;
    const rate = Math.min(1, Math.max(FILE_MIN_PLAYBACK_RATE, affordableFps / FILE_MIN_ANALYSED_FPS));
    if (Math.abs(video.playbackRate - rate) > 0.05) video.playbackRate = rate;
  }

  async #onLoopError(error: unknown): Promise<void> {
    if (!(error instanceof WorkerCrashedError) || !this.#client || this.#status !== 'running') return;
    if (this.#restarts >= MAX_WORKER_RESTARTS) {
      await this.#lost({ title: 'Pose engine keeps crashing', detail: `${error.message} It was restarted ${MAX_WORKER_RESTARTS} times. Your reps so far are kept. Try a lighter model (Lite or Lightning).` });
      return;
    }
    this.#restarts++;
    this.#notice = `${error.message} Restarting it — your reps so far are kept.`;
    try {
      await this.#client.start({ detector: this.detector, backend: this.backend });
      this.#notice = `The pose engine crashed and was restarted (${this.#restarts}/${MAX_WORKER_RESTARTS}). Your reps so far are kept.`;
    } catch (restartError) {
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
  }

  #teardown({ keepFrame = false }: { keepFrame?: boolean } = {}): void {
    this.#loop?.stop();
    this.#loop = null;
    if (this.#statsTimer) clearInterval(this.#statsTimer);
    this.#statsTimer = null;
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
  }

  /** Test hook: kill the worker the way a crash would. */
  crashWorkerForTest(): void {
    this.#client?.crashForTest();
  }

  destroy(): void {
    this.#teardown();
    this.#client?.terminate();
    this.#client = null;
  }
}
