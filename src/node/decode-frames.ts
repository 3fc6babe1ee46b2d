/**
 * Streams a clip (or a still image) as raw RGB frames through ffmpeg, one frame in memory at a
 * time, with timestamps derived from the frame index: timestampMs = frameIndex * 1000 / fps.
 */
import { spawn } from 'node:child_process';
import * as tf from '@tensorflow/tfjs-core';
import { ffmpegPath } from './ffmpeg-path';
import { ffmpegInput, probeVideo, type VideoInfo } from './probe-video';

export interface DecodedFrame {
  frameIndex: number;
  timestampMs: number;
  width: number;
  height: number;
  /** width * height * 3 bytes, RGB, rows top to bottom. */
  rgb: Uint8Array;
}

export interface DecodeOptions {
  /** Stop after this many frames (Infinity: all). */
  maxFrames: number;
  /**
   * Keep every `frameStep`-th frame of the clip (1: all). ffmpeg drops the others before
   * converting them, and timestamps stay those of the kept frames in the clip.
   */
  frameStep: number;
  /** Scale frames down (never up) so the longer side is at most this many pixels (Infinity: the clip's size). */
  maxSide: number;
  /** Frames decoded ahead of the consumer, so ffmpeg decodes while the consumer works on a frame. */
  readAhead: number;
}

export const DEFAULT_DECODE_OPTIONS: DecodeOptions = {
  maxFrames: Number.POSITIVE_INFINITY,
  frameStep: 1,
  maxSide: Number.POSITIVE_INFINITY,
  readAhead: 3,
};

/** The frame size decodeFrames delivers for `video`: the probed square-pixel size, shrunk to fit maxSide (even numbers, for the scaler). */
export function decodedSize(video: Pick<VideoInfo, 'width' | 'height'>, maxSide: number): { width: number; height: number } {
  const longer = Math.max(video.width, video.height);
  if (!(longer > maxSide)) return { width: video.width, height: video.height };
  const scale = maxSide / longer;
  const even = (value: number): number => Math.max(2, 2 * Math.round((value * scale) / 2));
  return { width: even(video.width), height: even(video.height) };
}

/**
 * ffmpeg stopped with an error (a corrupt stream, or killed by a signal). framesDecoded says
 * how many whole frames came out before it stopped, so a caller can keep what was read.
 */
export class DecodeError extends Error {
  override name = 'DecodeError';
  constructor(
    readonly source: string,
    /** What went wrong, in a few words (e.g. "ffmpeg was stopped by SIGKILL"). */
    readonly reason: string,
    readonly framesDecoded: number,
  ) {
    super(`expected a readable video, got ${source} (${reason})`);
  }
}

/** An RGB tensor [height, width, 3] (int32, as tf.browser.fromPixels gives) — caller disposes. */
export function frameToTensor(frame: DecodedFrame): tf.Tensor3D {
  return tf.tensor3d(frame.rgb, [frame.height, frame.width, 3], 'int32');
}

/** Decodes `source` frame by frame. `info` may be passed when already probed. */
export async function* decodeFrames(
  source: string,
  options: Partial<DecodeOptions> = {},
  info?: VideoInfo,
): AsyncGenerator<DecodedFrame> {
  const opts: DecodeOptions = { ...DEFAULT_DECODE_OPTIONS, ...options };
  if (!(Number.isInteger(opts.frameStep) && opts.frameStep >= 1)) throw new Error(`expected frameStep a whole number >= 1, got ${opts.frameStep}`);
  if (!(opts.maxSide >= 2)) throw new Error(`expected maxSide >= 2 pixels, got ${opts.maxSide}`);
  const video = info ?? (await probeVideo(source));
  const { width, height } = decodedSize(video, opts.maxSide);
  const frameBytes = width * height * 3;
  const limit = video.isImage ? Math.min(1, opts.maxFrames) : opts.maxFrames;
  const step = video.isImage ? 1 : opts.frameStep;
  const readAhead = Math.max(1, Math.floor(opts.readAhead));
  if (limit <= 0) return;

  const args = ['-hide_banner', '-loglevel', 'error', '-nostdin', '-i', ffmpegInput(source)];
  if (Number.isFinite(limit)) args.push('-frames:v', String(limit));
  const filters: string[] = [];
  // Dropped frames are dropped before scaling and conversion; passthrough timing (-vsync 0)
  // so ffmpeg does not duplicate frames to fill the gaps.
  if (step > 1) filters.push(`select=not(mod(n\\,${step}))`);
  // Non-square pixels or a smaller size: scale to the square-pixel size this reader slices by.
  if (video.pixelAspect !== 1 || width !== video.width || height !== video.height) {
    filters.push(`scale=${width}:${height}${width < video.width ? ':flags=area' : ''}`, 'setsar=1');
  }
  if (filters.length > 0) args.push('-vf', filters.join(','));
  if (step > 1) args.push('-vsync', '0');
  args.push('-an', '-f', 'rawvideo', '-pix_fmt', 'rgb24', 'pipe:1');
  const child = spawn(ffmpegPath(), args, { stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.setEncoding('utf8');
  child.stderr.on('data', (chunk: string) => (stderr += chunk));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolvePromise) =>
    child.on('close', (code, signal) => resolvePromise({ code, signal })),
  );
  const spawnError = new Promise<never>((_, reject) => child.on('error', reject));
  spawnError.catch(() => undefined);

  // Whole frames wait here (at most readAhead); ffmpeg is paused when the queue is full, and
  // decodes the next frames while the consumer works on this one.
  const ready: Uint8Array[] = [];
  let filling = new Uint8Array(frameBytes);
  let filled = 0;
  let ended = false;
  let wake: (() => void) | null = null;
  const notify = (): void => {
    wake?.();
    wake = null;
  };
  const stdout = child.stdout;
  stdout.on('data', (chunk: Buffer) => {
    let offset = 0;
    while (offset < chunk.length) {
      const take = Math.min(frameBytes - filled, chunk.length - offset);
      filling.set(chunk.subarray(offset, offset + take), filled);
      filled += take;
      offset += take;
      if (filled === frameBytes) {
        ready.push(filling);
        filling = new Uint8Array(frameBytes);
        filled = 0;
      }
    }
    if (ready.length >= readAhead) stdout.pause();
    notify();
  });
  stdout.on('end', () => {
    ended = true;
    notify();
  });
  stdout.on('error', () => {
    ended = true;
    notify();
  });

  let frameIndex = 0;
  let finished = false;
  try {
    while (frameIndex < limit) {
      const rgb = ready.shift();
      if (rgb === undefined) {
        if (ended) break;
        await new Promise<void>((resolvePromise) => (wake = resolvePromise));
        continue;
      }
      if (ready.length < readAhead && stdout.isPaused()) stdout.resume();
      const sourceIndex = frameIndex * step;
      const timestampMs = video.isImage ? 0 : (sourceIndex * 1000) / video.fps;
      yield { frameIndex: sourceIndex, timestampMs, width, height, rgb };
      frameIndex++;
    }
    if (frameIndex >= limit && !ended) {
      // Enough frames: ffmpeg may still be writing (a still image decoded as a stream, say).
      stdout.destroy();
      if (child.exitCode === null) child.kill('SIGKILL');
      await Promise.race([exited, spawnError]);
      finished = true;
      return;
    }
    const { code, signal } = await Promise.race([exited, spawnError]);
    finished = true;
    if (code !== 0) {
      const why = signal !== null ? `ffmpeg was stopped by ${signal}` : `ffmpeg exited ${code}: ${stderr.trim().split('\n').slice(-1)[0] ?? ''}`;
      throw new DecodeError(source, why, frameIndex);
    }
    if (frameIndex === 0) throw new Error(`expected at least one decodable frame, got none from ${source}`);
  } finally {
    // The consumer stopped early (break/throw): do not leave ffmpeg writing into a dead pipe.
    if (!finished && child.exitCode === null) child.kill('SIGKILL');
  }
}
