/**
 * Reads a clip's frame size, frame rate and duration from `ffmpeg -i` (the npm ffmpeg ships no
 * ffprobe). The parser is separate and pure so it is tested on captured stderr text.
 */
import { spawn } from 'node:child_process';
import { access } from 'node:fs/promises';
import { resolve } from 'node:path';
import { ffmpegPath } from './ffmpeg-path';

export interface VideoInfo {
  /**
   * Size of the decoded frames in square pixels (after ffmpeg's auto-rotation, and after
   * stretching a non-square-pixel clip to its display shape: the core's angles assume square
   * pixels).
   */
  width: number;
  height: number;
  /** The clip's stored pixel aspect (sample aspect ratio, 1 = square); the decoder rescales when it is not 1. */
  pixelAspect: number;
  /** Frames per second; for a still image 0 (a single frame). */
  fps: number;
  /** Seconds; 0 for a still image. */
  durationS: number;
  /** True for a still image (jpg/png/...): decoded as one frame at timestamp 0. */
  isImage: boolean;
  codec: string;
}

const STILL_IMAGE_CODECS = new Set(['mjpeg', 'png', 'bmp', 'webp', 'tiff', 'gif', 'pam', 'ppm']);

function lastLines(text: string, count: number): string {
  return text.trim().split('\n').slice(-count).join(' | ').trim();
}

/** Parses `ffmpeg -hide_banner -i <file>` stderr. Throws "expected ... got ..." when no video stream. */
export function parseFfmpegProbe(stderr: string, source: string): VideoInfo {
  const lines = stderr.split('\n');
  const streamLine = lines.find((line) => /Stream #\d+:\d+.*: Video: /.test(line));
  if (!streamLine) {
    // ffmpeg read the container and listed its streams, none of them video (an audio-only
    // mp4, say): say so plainly rather than passing on ffmpeg's "At least one output file
    // must be specified".
    const kinds = [...new Set(lines.flatMap((line) => /Stream #\d+:\d+.*?: (\w+): /.exec(line)?.[1]?.toLowerCase() ?? []))];
    if (kinds.length > 0) {
      throw new Error(`expected a readable video, got ${source} (no video stream: the file holds only ${kinds.join(' and ')})`);
    }
    throw new Error(`expected a readable video, got ${source} (${lastLines(stderr, 1) || 'no video stream'})`);
  }
  const codec = /Video: (\w+)/.exec(streamLine)?.[1] ?? 'unknown';
  // The size is the first "WxH" after the codec, e.g. "yuv420p(tv, bt709), 608x1080 [SAR ...]".
  const size = /,\s*(\d{2,5})x(\d{2,5})/.exec(streamLine);
  if (!size) throw new Error(`expected a frame size in ffmpeg's stream line, got "${streamLine.trim()}"`);
  let width = Number(size[1]);
  let height = Number(size[2]);
  // Anamorphic clips store non-square pixels; display width = stored width × SAR (kept even
  // for the scaler).
  const sar = /\[SAR (\d+):(\d+)/.exec(streamLine);
  const pixelAspect = sar && Number(sar[1]) > 0 && Number(sar[2]) > 0 ? Number(sar[1]) / Number(sar[2]) : 1;
  if (pixelAspect !== 1) width = 2 * Math.round((width * pixelAspect) / 2);
  // ffmpeg auto-rotates on decode, so a portrait phone clip stored landscape comes out swapped.
  const rotation = /rotate\s*:\s*(-?\d+)/.exec(stderr)?.[1] ?? /rotation of (-?[\d.]+) degrees/.exec(stderr)?.[1];
  if (rotation !== undefined && Math.abs(Number(rotation)) % 180 === 90) [width, height] = [height, width];

  const fpsText = /,\s*([\d.]+)\s*fps/.exec(streamLine)?.[1] ?? /,\s*([\d.]+k?)\s*tbr/.exec(streamLine)?.[1];
  const durationMatch = /Duration: (\d+):(\d+):([\d.]+)/.exec(stderr);
  const durationS = durationMatch
    ? Number(durationMatch[1]) * 3600 + Number(durationMatch[2]) * 60 + Number(durationMatch[3])
    : 0;
  const isImage = STILL_IMAGE_CODECS.has(codec) && !/fps/.test(streamLine);
  if (isImage) return { width, height, pixelAspect, fps: 0, durationS: 0, isImage, codec };

  const fps = fpsText ? Number(fpsText.replace('k', '')) * (fpsText.endsWith('k') ? 1000 : 1) : NaN;
  if (!Number.isFinite(fps) || fps <= 0) {
    throw new Error(`expected a frame rate in ffmpeg's stream line, got "${streamLine.trim()}"`);
  }
  return { width, height, pixelAspect, fps, durationS, isImage, codec };
}

/**
 * The name ffmpeg is given for a local file: `file:` and an absolute path, so a name with a
 * colon (`set:1.mp4`) is not read as a protocol (`set:`) and a leading `-` is not an option.
 */
export function ffmpegInput(source: string): string {
  return `file:${resolve(source)}`;
}

/** Runs ffmpeg on `source` and parses what it says about the first video stream. */
export async function probeVideo(source: string): Promise<VideoInfo> {
  try {
    await access(source);
  } catch {
    throw new Error(`expected a readable video, got ${source} (no such file or not readable)`);
  }
  const stderr = await new Promise<string>((resolvePromise, reject) => {
    const child = spawn(ffmpegPath(), ['-hide_banner', '-i', ffmpegInput(source)], { stdio: ['ignore', 'ignore', 'pipe'] });
    let text = '';
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (chunk: string) => (text += chunk));
    child.on('error', reject);
    // ffmpeg exits 1 here by design (no output named): the stream info is all we want.
    child.on('close', () => resolvePromise(text));
  });
  return parseFfmpegProbe(stderr, source);
}
