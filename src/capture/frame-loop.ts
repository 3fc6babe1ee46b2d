/**
 * The capture loop: one `requestVideoFrameCallback` per presented video frame, turned into an
 * ImageBitmap and offered to a latest-frame-wins slot. Works the same on a camera stream and on
 * a <video> playing a user's file; only where the timestamp comes from differs.
 *
 * No wasted work (docs/performance.md): a frame gets a bitmap only when it can be sent — the
 * worker is idle, or the frame in flight is expected back before the next frame arrives (else
 * that next frame would replace this one unsent); and the bitmap is made at the size the pose
 * model can use (long side `maxSidePx`), not the camera's, so less is copied and transferred.
 */
import { LatestFrameSlot } from './latest-frame-slot';
import { MonotonicTimestamps } from './monotonic-clock';
import { RateMeter } from './rate-meter';

interface CapturedFrame {
  bitmap: ImageBitmap;
  close(): void;
}

export interface LoopStats {
  cameraFps: number;
  processedFps: number;
  droppedFrames: number;
  processedFrames: number;
  failedFrames: number;
  /** Median detector time over the last results, ms. */
  inferenceMs: number;
  /** Presentation → result, ms, median over the last results: grows if frames queue. */
  latencyMs: number;
}

export interface FrameLoopCallbacks<R> {
  /**
   * Each presented frame, before anything is done with it (`nowMs`: the rVFC time, on
   * performance.now()'s clock). Return false to skip the frame (analysis paused).
   */
  onFrame?(nowMs: number): boolean;
  process(bitmap: ImageBitmap, timestampMs: number): Promise<R>;
  onResult(result: R, info: { timestampMs: number; latencyMs: number }): void;
  onError(error: unknown): void;
  /** The source jumped back (video looped or was seeked): downstream state should reset. */
  onRestart?(): void;
  inferenceMsOf?(result: R): number;
}

const RECENT = 15;

export interface FrameLoopOptions {
  /**
   * Bitmaps are made no larger than this on their long side (a camera's 1280x720 becomes
   * 640x360; smaller videos are left as they are). Infinity: the video's own size.
   */
  maxSidePx: number;
}

export const DEFAULT_FRAME_LOOP_OPTIONS: FrameLoopOptions = {
  // ref: src/node/analyze-clip.ts CLI_MAX_SIDE_PX: the CLI decodes at 640 px with the same counts
  // as full size on the labelled clips; BlazePose's models read 224-256 px crops of it.
  maxSidePx: 640,
};

/** The bitmap size for a `width`x`height` video under `maxSidePx` (null: no resize). */
export function bitmapSize(width: number, height: number, maxSidePx: number): { width: number; height: number } | null {
  const side = Math.max(width, height);
  if (!(width > 0 && height > 0) || !(side > maxSidePx)) return null;
  const scale = maxSidePx / side;
  return { width: Math.max(1, Math.round(width * scale)), height: Math.max(1, Math.round(height * scale)) };
}

/**
 * A frame whose in-flight predecessor is expected back up to this many frame intervals after
 * the next frame arrives is still made. ref: inference times here vary by 10-20 % frame to frame
 * (`npm run bench`, median vs p90); half a frame covers that at 8-10 fps, so an early answer
 * rarely finds nothing waiting (the worker would then idle until the next frame).
 */
const SEND_MARGIN_FRAMES = 0.5;

/**
 * Whether a frame presented while another is in flight can still be sent: only if the one in
 * flight is expected back before the next frame arrives (else the next frame replaces it in
 * the slot unsent). Expected: started + the recent median time from offer to result.
 * With no history yet, every frame is made (as before).
 */
export function worthMaking(nowMs: number, inFlightSinceMs: number | null, typicalRoundTripMs: number, frameIntervalMs: number): boolean {
  if (inFlightSinceMs === null) return true;
  if (!(typicalRoundTripMs > 0) || !(frameIntervalMs > 0)) return true;
  return inFlightSinceMs + typicalRoundTripMs - nowMs <= (1 + SEND_MARGIN_FRAMES) * frameIntervalMs;
}

/**
 * Test builds only (`vite build --mode e2e`): the live bench's A/B switch, making a bitmap for
 * every frame as before (scripts/bench-latency.ts --compare). A production build drops it.
 */
function everyBitmapForBench(): boolean {
  return import.meta.env.MODE === 'e2e' && (globalThis as { __kickcheckEveryBitmap?: unknown }).__kickcheckEveryBitmap === true;
}

/** The last RECENT values with `value` added (in place: no array per frame). */
function pushRecent(values: number[], value: number): number[] {
  if (values.length >= RECENT) values.shift();
  values.push(value);
  return values;
}

function median(values: number[]): number {
  if (!values.length) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

export class FrameLoop<R> {
  readonly #video: HTMLVideoElement;
  readonly #callbacks: FrameLoopCallbacks<R>;
  readonly #slot: LatestFrameSlot<CapturedFrame, R>;
  readonly #clock = new MonotonicTimestamps();
  readonly #cameraRate = new RateMeter();
  readonly #processedRate = new RateMeter();
  #recentInferenceMs: number[] = [];
  #recentLatencyMs: number[] = [];
  /** Offer → result of the recent frames, ms (how long a frame occupies the worker). */
  #recentRoundTripMs: number[] = [];
  #recentFrameIntervalMs: number[] = [];
  #lastFrameNow: number | null = null;
  /** When the frame now in flight was sent (performance.now()), null when none is. */
  #inFlightSinceMs: number | null = null;
  /** timestampMs → performance.now() when sent to process(), for frames not yet answered. */
  readonly #sentAt = new Map<number, number>();
  /** Frames that got no bitmap because they could not have been sent. */
  #skipped = 0;
  /** Frames that did get a bitmap (the bench compares it with the camera's frame count). */
  #bitmaps = 0;
  readonly #options: FrameLoopOptions;
  #handle: number | null = null;
  #running = false;
  readonly #useMediaTime: boolean;
  /** timestampMs → performance.now() at presentation, for frames not yet answered. */
  readonly #presentedAt = new Map<number, number>();

  /** `useMediaTime`: timestamps from the video's media time (files) rather than the wall clock. */
  constructor(video: HTMLVideoElement, callbacks: FrameLoopCallbacks<R>, useMediaTime: boolean, options: Partial<FrameLoopOptions> = {}) {
    this.#video = video;
    this.#callbacks = callbacks;
    this.#useMediaTime = useMediaTime;
    this.#options = { ...DEFAULT_FRAME_LOOP_OPTIONS, ...options };
    this.#slot = new LatestFrameSlot<CapturedFrame, R>(
      (frame, timestampMs) => {
        this.#inFlightSinceMs = performance.now();
        this.#sentAt.set(timestampMs, this.#inFlightSinceMs);
        return callbacks.process(frame.bitmap, timestampMs);
      },
      (result, timestampMs) => this.#handleResult(result, timestampMs),
      (error, timestampMs) => {
        this.#sentAt.delete(timestampMs);
        // The slot has already started the next frame, if one was waiting.
        if (!this.#slot.busy) this.#inFlightSinceMs = null;
        callbacks.onError(error);
      },
    );
  }

  start(): void {
    if (this.#running) return;
    this.#running = true;
    this.#schedule();
  }

  stop(): void {
    this.#running = false;
    if (this.#handle !== null) this.#video.cancelVideoFrameCallback(this.#handle);
    this.#handle = null;
    this.#slot.close();
  }

  stats(nowMs = performance.now()): LoopStats {
    const s = this.#slot.stats;
    return {
      cameraFps: this.#cameraRate.rate(nowMs),
      processedFps: this.#processedRate.rate(nowMs),
      droppedFrames: s.dropped + this.#skipped,
      processedFrames: s.processed,
      failedFrames: s.failed,
      inferenceMs: median(this.#recentInferenceMs),
      latencyMs: median(this.#recentLatencyMs),
    };
  }

  /** Frames given a bitmap, and frames skipped without one (could not have been sent). */
  get bitmapCounts(): { made: number; skipped: number } {
    return { made: this.#bitmaps, skipped: this.#skipped };
  }

  #schedule(): void {
    if (!this.#running) return;
    this.#handle = this.#video.requestVideoFrameCallback((now, metadata) => {
      this.#handle = null;
      void this.#onVideoFrame(now, metadata);
      this.#schedule();
    });
  }

  async #onVideoFrame(now: number, metadata: VideoFrameCallbackMetadata): Promise<void> {
    this.#cameraRate.tick(now);
    if (this.#lastFrameNow !== null) this.#recentFrameIntervalMs = pushRecent(this.#recentFrameIntervalMs, now - this.#lastFrameNow);
    this.#lastFrameNow = now;
    if (this.#callbacks.onFrame && !this.#callbacks.onFrame(now)) return;
    const rawMs = this.#useMediaTime ? metadata.mediaTime * 1000 : (metadata.captureTime ?? now);
    const { timestampMs, restarted } = this.#clock.next(rawMs);
    if (restarted) this.#callbacks.onRestart?.();
    const inFlightSince = this.#slot.busy ? this.#inFlightSinceMs : null;
    if (!everyBitmapForBench() && !worthMaking(now, inFlightSince, median(this.#recentRoundTripMs), median(this.#recentFrameIntervalMs))) {
      this.#skipped++;
      return;
    }
    let bitmap: ImageBitmap;
    try {
      const size = bitmapSize(metadata.width, metadata.height, this.#options.maxSidePx);
      bitmap = await (size === null
        ? createImageBitmap(this.#video)
        : createImageBitmap(this.#video, { resizeWidth: size.width, resizeHeight: size.height, resizeQuality: 'medium' }));
      this.#bitmaps++;
    } catch (error) {
      // A frame the browser cannot hand over (e.g. the track just ended) is skipped, not fatal.
      if (this.#running) this.#callbacks.onError(error);
      return;
    }
    if (!this.#running) {
      bitmap.close();
      return;
    }
    this.#presentedAt.set(timestampMs, now);
    const release = () => {
      this.#presentedAt.delete(timestampMs);
      bitmap.close();
    };
    this.#slot.offer({ bitmap, close: release }, timestampMs);
  }

  #handleResult(result: R, timestampMs: number): void {
    const now = performance.now();
    const sent = this.#sentAt.get(timestampMs);
    this.#sentAt.delete(timestampMs);
    if (sent !== undefined) this.#recentRoundTripMs = pushRecent(this.#recentRoundTripMs, now - sent);
    // The slot starts a waiting frame before it reports this one: then that one is in flight.
    if (!this.#slot.busy) this.#inFlightSinceMs = null;
    const presented = this.#presentedAt.get(timestampMs) ?? now;
    this.#presentedAt.delete(timestampMs);
    const latencyMs = now - presented;
    this.#processedRate.tick(now);
    this.#recentLatencyMs = pushRecent(this.#recentLatencyMs, latencyMs);
    const inf = this.#callbacks.inferenceMsOf?.(result);
    if (inf !== undefined) this.#recentInferenceMs = pushRecent(this.#recentInferenceMs, inf);
    this.#callbacks.onResult(result, { timestampMs, latencyMs });
  }
}
