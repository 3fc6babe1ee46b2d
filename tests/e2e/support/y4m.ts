import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { basename, join } from 'node:path';
import { ffmpegPath } from './paths';

/**
 * Converts a fixture clip into the y4m Chromium's fake camera plays (and loops), letterboxed to
 * 640x480 — the size the fake device reports. Made at test time in a temp folder, never in git.
 */
export function makeY4m(clip: string, outDir: string, opts: { fps?: number; maxSeconds?: number } = {}): string {
  mkdirSync(outDir, { recursive: true });
  const out = join(outDir, `${basename(clip).replace(/\.[^.]+$/, '')}.y4m`);
  if (existsSync(out)) return out;
  execFileSync(
    ffmpegPath(),
    [
      '-v', 'error', '-y', '-i', clip,
      ...(opts.maxSeconds ? ['-t', String(opts.maxSeconds)] : []),
      '-vf', `fps=${opts.fps ?? 30},scale=640:480:force_original_aspect_ratio=decrease,pad=640:480:(ow-iw)/2:(oh-ih)/2,format=yuv420p`,
      '-f', 'yuv4mpegpipe', out,
    ],
    { stdio: ['ignore', 'ignore', 'pipe'] },
  );
  return out;
}
