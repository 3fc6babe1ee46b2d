/**
 * The capture loop: one `requestVideoFrameCallback` per presented video frame, turned into an
 * ImageBitmap and offered to a latest-frame-wins slot. Works the same on a camera stream and on
 * a <video> playing a user's file; only where the timestamp comes from differs.
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
  #handle: number | null = null;
  #running = false;
  readonly #useMediaTime: boolean;
  /** timestampMs → performance.now() at presentation, for frames not yet answered. */
  readonly #presentedAt = new Map<number, number>();

  /** `useMediaTime`: timestamps from the video's media time (files) rather than the wall clock. */
  constructor(video: HTMLVideoElement, callbacks: FrameLoopCallbacks<R>, useMediaTime: boolean) {
    this.#video = video;
    this.#callbacks = callbacks;
    this.#useMediaTime = useMediaTime;
    this.#slot = new LatestFrameSlot<CapturedFrame, R>(
      (frame, timestampMs) => callbacks.process(frame.bitmap, timestampMs),
      (result, timestampMs) => this.#handleResult(result, timestampMs),
      (error) => callbacks.onError(error),
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
      droppedFrames: s.dropped,
      processedFrames: s.processed,
      failedFrames: s.failed,
      inferenceMs: median(this.#recentInferenceMs),
      latencyMs: median(this.#recentLatencyMs),
    };
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
    if (this.#callbacks.onFrame && !this.#callbacks.onFrame(now)) return;
    const rawMs = this.#useMediaTime ? metadata.mediaTime * 1000 : (metadata.captureTime ?? now);
    const { timestampMs, restarted } = this.#clock.next(rawMs);
    if (restarted) this.#callbacks.onRestart?.();
    let bitmap: ImageBitmap;
    try {
      bitmap = await createImageBitmap(this.#video);
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
    const presented = this.#presentedAt.get(timestampMs) ?? now;
    this.#presentedAt.delete(timestampMs);
    const latencyMs = now - presented;
    this.#processedRate.tick(now);
    this.#recentLatencyMs = [...this.#recentLatencyMs.slice(-(RECENT - 1)), latencyMs];
    const inf = this.#callbacks.inferenceMsOf?.(result);
    if (inf !== undefined) this.#recentInferenceMs = [...this.#recentInferenceMs.slice(-(RECENT - 1)), inf];
    this.#callbacks.onResult(result, { timestampMs, latencyMs });
  }
}
