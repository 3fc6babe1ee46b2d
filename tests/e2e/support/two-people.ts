import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { basename, join } from 'node:path';
import { FIXTURES, ffmpegPath } from './paths';

/** The two single-person clips put side by side (portrait, so each fills half of a 4:3 frame). */
export const TWO_PEOPLE_SOURCES = {
  left: join(FIXTURES, 'other/squat_side_aitrainer.mp4'),
  right: join(FIXTURES, 'other/squat_side_rohanx01.mp4'),
} as const;

function run(args: string[]): void {
  execFileSync(ffmpegPath(), ['-v', 'error', '-y', ...args], { stdio: ['ignore', 'ignore', 'pipe'] });
}

/**
 * A 640x480 PNG with two people: the first frame of each TWO_PEOPLE_SOURCES clip, each scaled
 * to 480 px high and centred in its own half of the picture. Also writes each half alone
 * (`left`, `right`, same size and place), so a test can show that one person reads as one.
 * Made at test time in `outDir`, never in git.
 */
export function makeTwoPeopleStill(outDir: string): { both: string; left: string; right: string } {
  mkdirSync(outDir, { recursive: true });
  const out = { both: join(outDir, 'two-people.png'), left: join(outDir, 'one-person-left.png'), right: join(outDir, 'one-person-right.png') };
  if (existsSync(out.both) && existsSync(out.left) && existsSync(out.right)) return out;
  const half = 'scale=-2:480,pad=320:480:(ow-iw)/2:0,setsar=1';
  run([
    '-i', TWO_PEOPLE_SOURCES.left, '-i', TWO_PEOPLE_SOURCES.right,
    '-filter_complex', `[0:v]${half}[a];[1:v]${half}[b];[a][b]hstack=inputs=2,format=rgb24`,
    '-frames:v', '1', out.both,
  ]);
  // Each person alone, where it sits in the composite (the other half black).
  run(['-i', out.both, '-vf', 'drawbox=x=320:y=0:w=320:h=480:color=black:t=fill', '-frames:v', '1', out.left]);
  run(['-i', out.both, '-vf', 'drawbox=x=0:y=0:w=320:h=480:color=black:t=fill', '-frames:v', '1', out.right]);
  return out;
}

/**
 * A y4m that shows `still` for `seconds` (Chromium's fake camera loops it), 640x480 at 30 fps,
 * letterboxed like makeY4m's clips.
 */
export function makeStillY4m(still: string, outDir: string, seconds = 3): string {
  mkdirSync(outDir, { recursive: true });
  const out = join(outDir, `${basename(still).replace(/\.[^.]+$/, '')}.y4m`);
  if (existsSync(out)) return out;
  run([
    '-loop', '1', '-t', String(seconds), '-i', still,
    '-vf', 'fps=30,scale=640:480:force_original_aspect_ratio=decrease,pad=640:480:(ow-iw)/2:(oh-ih)/2,format=yuv420p',
    '-f', 'yuv4mpegpipe', out,
  ]);
  return out;
}

/** The kickback clip whose lifter the two-person clips keep (labels.json: 1 rep, facing left). */
export const LIFTER_CLIP = join(FIXTURES, 'kickback/cable_kickback_cgi_dosipov.mp4');

/** A second person doing something else: squats in a gym (labels.json: standing to 8.5 s, squats at 10.2 s, 16.8 s). */
export const OTHER_PERSON_CLIP = join(FIXTURES, 'other/squat_side_rohanx01.mp4');

export type TwoPersonKind =
  /** The lifter clip beside its own mirror image: two people kicking. */
  | 'mirror'
  /** The lifter clip beside OTHER_PERSON_CLIP from its first squat on. */
  | 'other'
  /** The mirror image laid over the lifter, shifted by `overlapShiftFrac` of its width: people overlapping. */
  | 'overlap';

export interface TwoPersonClipOptions {
  /** Frames per second of the output (subsampled: a short test). */
  fps: number;
  /** Height each source is scaled to before composing, px (the result is then fitted into 640x480). */
  height: number;
  /** 'overlap' only: how far right of the lifter the mirror is drawn, as a fraction of its width. */
  overlapShiftFrac: number;
  /** Container/codec: 'mkv' (lossless PNG frames: Node and browser see the same pixels) or 'y4m' (fake camera). */
  format: 'mkv' | 'y4m';
}

export const DEFAULT_TWO_PERSON_CLIP_OPTIONS: TwoPersonClipOptions = { fps: 5, height: 352, overlapShiftFrac: 0.3, format: 'mkv' };

/**
 * A two-person clip made at test time from LIFTER_CLIP (docs/design.md#hard-variants: "the clip beside
 * its own mirror", "the clip beside a different clip"), in `outDir`, never in git. The lifter
 * is always on the left; the clip lasts as long as LIFTER_CLIP.
 */
export function makeTwoPersonClip(kind: TwoPersonKind, outDir: string, options: Partial<TwoPersonClipOptions> = {}): string {
  const opts: TwoPersonClipOptions = { ...DEFAULT_TWO_PERSON_CLIP_OPTIONS, ...options };
  mkdirSync(outDir, { recursive: true });
  const tag = kind === 'overlap' ? `${kind}${Math.round(opts.overlapShiftFrac * 100)}` : kind;
  const out = join(outDir, `two-person-${tag}-${opts.fps}fps-${opts.height}.${opts.format}`);
  if (existsSync(out)) return out;
  const scale = `fps=${opts.fps},scale=-2:${opts.height},setsar=1`;
  let graph: string;
  const inputs = ['-i', LIFTER_CLIP];
  if (kind === 'mirror') {
    graph = `[0:v]${scale},split[l][r];[r]hflip[m];[l][m]hstack=inputs=2`;
  } else if (kind === 'other') {
    inputs.push('-ss', '9', '-i', OTHER_PERSON_CLIP);
    graph = `[0:v]${scale}[l];[1:v]${scale}[r];[l][r]hstack=inputs=2:shortest=1`;
  } else {
    // The mirror copy blended over the lifter (both half visible), shifted right.
    graph =
      `[0:v]${scale},split[l][r];[r]hflip[m];[l]pad=iw*${(1 + opts.overlapShiftFrac).toFixed(3)}:ih:0:0:black[lp];` +
      `[m]pad=iw*${(1 + opts.overlapShiftFrac).toFixed(3)}:ih:iw*${opts.overlapShiftFrac.toFixed(3)}:0:black[mp];` +
      `[lp][mp]blend=all_mode=lighten`;
  }
  // Both formats in the camera's 640x480, letterboxed as makeY4m does, so the CLI sees people
  // as small as the app's fake camera shows them.
  const fit = `,scale=640:480:force_original_aspect_ratio=decrease,pad=640:480:(ow-iw)/2:(oh-ih)/2,format=${opts.format === 'y4m' ? 'yuv420p' : 'rgb24'}`;
  const codec = opts.format === 'y4m' ? ['-f', 'yuv4mpegpipe'] : ['-c:v', 'png'];
  run([...inputs, '-filter_complex', `${graph}${fit}[v]`, '-map', '[v]', '-an', ...codec, out]);
  return out;
}
