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
