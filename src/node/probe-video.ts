/**
 * Reads a clip's frame size, frame rate and duration from ffprobe's JSON
 * (`-print_format json -show_streams -show_format`). The parser is separate and pure so it is
 * tested on captured ffprobe output.
 */
import { spawn } from 'node:child_process';
import { access } from 'node:fs/promises';
import { resolve } from 'node:path';
import { ffprobePath } from './ffprobe-path';

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
  /** Frames the container says the video stream holds (`nb_frames`); 1 for a still image, null when the container does not say. */
  frameCount: number | null;
  /** True for a still image (jpg/png/...): decoded as one frame at timestamp 0. */
  isImage: boolean;
  codec: string;
}

/** The parts of ffprobe's JSON read here (every other field is ignored). */
interface FfprobeStream {
  codec_type?: string;
  codec_name?: string;
  width?: number;
  height?: number;
  sample_aspect_ratio?: string;
  avg_frame_rate?: string;
  r_frame_rate?: string;
  duration?: string;
  nb_frames?: string;
  tags?: { rotate?: string };
  side_data_list?: { rotation?: number }[];
}
interface FfprobeOutput {
  streams?: FfprobeStream[];
  format?: { format_name?: string; duration?: string };
}

const STILL_IMAGE_CODECS = new Set(['mjpeg', 'png', 'bmp', 'webp', 'tiff', 'gif', 'pam', 'ppm']);

/** `n/d` (ffprobe's rates and aspects, `16:15` too) as a number; null for 0/0, a missing or non-positive one. */
function ratio(text: string | undefined): number | null {
  const match = /^(\d+)[/:](\d+)$/.exec(text ?? '');
  if (!match) return null;
  const value = Number(match[1]) / Number(match[2]);
  return Number.isFinite(value) && value > 0 ? value : null;
}

/** A still image is a picture codec in an image demuxer (`image2`, `png_pipe`, ...): an mjpeg AVI or an animated gif is a video. */
function isStillImage(codec: string, formatName: string): boolean {
  return STILL_IMAGE_CODECS.has(codec) && (formatName === 'image2' || formatName.endsWith('_pipe'));
}

/**
 * Parses ffprobe's stdout (and, when that holds no streams, its stderr, which says why).
 * Throws "expected ... got ..." when there is no video stream.
 */
export function parseFfprobeOutput(stdout: string, stderr: string, source: string): VideoInfo {
  let probe: FfprobeOutput = {};
  try {
    probe = stdout.trim() === '' ? {} : (JSON.parse(stdout) as FfprobeOutput);
  } catch {
    throw new Error(`expected ffprobe's JSON for ${source}, got "${stdout.trim().slice(0, 200)}"`);
  }
  const streams = probe.streams ?? [];
  const stream = streams.find((candidate) => candidate.codec_type === 'video');
  if (!stream) {
    // ffprobe read the container and listed its streams, none of them video (an audio-only
    // mp4, say): say so plainly.
    const kinds = [...new Set(streams.flatMap((candidate) => candidate.codec_type ?? []))];
    if (kinds.length > 0) {
      throw new Error(`expected a readable video, got ${source} (no video stream: the file holds only ${kinds.join(' and ')})`);
    }
    // ffprobe names the file as it was given (file:/abs/path): name it as the user did.
    const said = stderr.trim().split('\n').at(-1)?.trim().replaceAll(ffmpegInput(source), source);
    throw new Error(`expected a readable video, got ${source} (${said || 'no video stream'})`);
  }
  const codec = stream.codec_name ?? 'unknown';
  if (!(Number(stream.width) > 0 && Number(stream.height) > 0)) {
    throw new Error(`expected a frame size in ffprobe's video stream, got width ${stream.width} and height ${stream.height} for ${source}`);
  }
  let width = Number(stream.width);
  let height = Number(stream.height);
  // Anamorphic clips store non-square pixels; display width = stored width × SAR (kept even
  // for the scaler). ffprobe says 0:1 when the clip does not say: square.
  const pixelAspect = ratio(stream.sample_aspect_ratio) ?? 1;
  if (pixelAspect !== 1) width = 2 * Math.round((width * pixelAspect) / 2);
  // ffmpeg auto-rotates on decode, so a portrait phone clip stored landscape comes out swapped.
  // The display matrix (side data) is where ffprobe puts it; older muxers left a rotate tag.
  const rotation = stream.side_data_list?.find((data) => typeof data.rotation === 'number')?.rotation ?? Number(stream.tags?.rotate ?? 0);
  if (Math.abs(rotation) % 180 === 90) [width, height] = [height, width];

  if (isStillImage(codec, probe.format?.format_name ?? '')) {
    return { width, height, pixelAspect, fps: 0, durationS: 0, frameCount: 1, isImage: true, codec };
  }
  // The average rate is what ffmpeg prints as "fps"; the base rate ("tbr") when it has none.
  const fps = ratio(stream.avg_frame_rate) ?? ratio(stream.r_frame_rate);
  if (fps === null) {
    throw new Error(`expected a frame rate in ffprobe's video stream, got avg_frame_rate ${stream.avg_frame_rate} and r_frame_rate ${stream.r_frame_rate} for ${source}`);
  }
  const durationS = Number(probe.format?.duration ?? stream.duration ?? 0) || 0;
  const frameCount = Number(stream.nb_frames) > 0 ? Number(stream.nb_frames) : null;
  return { width, height, pixelAspect, fps, durationS, frameCount, isImage: false, codec };
}

/**
 * The name ffmpeg and ffprobe are given for a local file: `file:` and an absolute path, so a
 * name with a colon (`set:1.mp4`) is not read as a protocol (`set:`) and a leading `-` is not
 * an option.
 */
export function ffmpegInput(source: string): string {
  return `file:${resolve(source)}`;
}

/** Runs ffprobe on `source` and reads its first video stream. */
export async function probeVideo(source: string): Promise<VideoInfo> {
  try {
    await access(source);
  } catch {
    throw new Error(`expected a readable video, got ${source} (no such file or not readable)`);
  }
  const { stdout, stderr } = await new Promise<{ stdout: string; stderr: string }>((resolvePromise, reject) => {
    const args = ['-v', 'error', '-print_format', 'json', '-show_streams', '-show_format', ffmpegInput(source)];
    const child = spawn(ffprobePath(), args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.setEncoding('utf8');
    child.stderr.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => (out += chunk));
    child.stderr.on('data', (chunk: string) => (err += chunk));
    child.on('error', reject);
    // A file ffprobe cannot read exits 1 with `{}` on stdout and the reason on stderr: the
    // parser turns that into "expected a readable video".
    child.on('close', () => resolvePromise({ stdout: out, stderr: err }));
  });
  return parseFfprobeOutput(stdout, stderr, source);
}
