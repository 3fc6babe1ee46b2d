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
}

export const DEFAULT_DECODE_OPTIONS: DecodeOptions = { maxFrames: Number.POSITIVE_INFINITY };

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
  const video = info ?? (await probeVideo(source));
  const frameBytes = video.width * video.height * 3;
  const limit = video.isImage ? Math.min(1, opts.maxFrames) : opts.maxFrames;
  if (limit <= 0) return;

  const args = ['-hide_banner', '-loglevel', 'error', '-nostdin', '-i', ffmpegInput(source)];
  if (Number.isFinite(limit)) args.push('-frames:v', String(limit));
  // Non-square pixels: scale to the probed square-pixel size, so every frame has exactly the
  // byte count this reader slices by.
  if (video.pixelAspect !== 1) args.push('-vf', `scale=${video.width}:${video.height},setsar=1`);
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

  let pending: Buffer<ArrayBufferLike> = Buffer.alloc(0);
  let frameIndex = 0;
  let finished = false;
  try {
    for await (const chunk of child.stdout as AsyncIterable<Buffer>) {
      pending = pending.length === 0 ? chunk : Buffer.concat([pending, chunk]);
      while (pending.length >= frameBytes && frameIndex < limit) {
        // Copy: the generator's consumer may hold a frame while the next chunk arrives.
        const rgb = new Uint8Array(pending.subarray(0, frameBytes));
        pending = pending.subarray(frameBytes);
        const timestampMs = video.isImage ? 0 : (frameIndex * 1000) / video.fps;
        yield { frameIndex, timestampMs, width: video.width, height: video.height, rgb };
        frameIndex++;
      }
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
