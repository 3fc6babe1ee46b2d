import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { basename, join } from 'node:path';
import { ffmpegPath } from './paths';
import { makeY4m } from './y4m';

/** Width and height of a clip's video stream, read from ffmpeg's own description of it. */
export function videoSize(clip: string): { width: number; height: number } {
  let text = '';
  try {
    execFileSync(ffmpegPath(), ['-hide_banner', '-i', clip], { stdio: ['ignore', 'ignore', 'pipe'] });
  } catch (error) {
    // ffmpeg with an input and no output exits 1 after describing the input on stderr.
    text = String((error as { stderr?: Buffer }).stderr ?? '');
  }
  const m = /Stream #.*Video:.*?\b(\d{2,5})x(\d{2,5})\b/.exec(text);
  if (!m) throw new Error(`expected a video stream size in ffmpeg's description of ${clip}, got none`);
  return { width: Number(m[1]), height: Number(m[2]) };
}

/**
 * The clip with its lower `cutFrac` cut off: cropped, then padded back to the original size with
 * black, so the picture keeps its size and the legs are simply not in it (docs/design.md#hard-variants, "the lower 45 %
 * cut off" variant). Returns the fake-camera y4m of it; both made at test time in `outDir`.
 */
export function makeLowerCutY4m(clip: string, outDir: string, cutFrac: number, opts: { maxSeconds?: number } = {}): string {
  if (!(cutFrac > 0 && cutFrac < 1)) throw new RangeError(`expected cutFrac in (0, 1), got ${cutFrac}`);
  mkdirSync(outDir, { recursive: true });
  const pct = Math.round(cutFrac * 100);
  const cut = join(outDir, `${basename(clip).replace(/\.[^.]+$/, '')}-lower${pct}cut.mp4`);
  if (!existsSync(cut)) {
    const { width, height } = videoSize(clip);
    // Even heights: yuv420p halves the chroma rows.
    const keep = Math.floor((height * (1 - cutFrac)) / 2) * 2;
    execFileSync(
      ffmpegPath(),
      ['-v', 'error', '-y', '-i', clip, '-an', '-vf', `crop=${width}:${keep}:0:0,pad=${width}:${height}:0:0:black`, '-pix_fmt', 'yuv420p', cut],
      { stdio: ['ignore', 'ignore', 'pipe'] },
    );
  }
  return makeY4m(cut, outDir, opts);
}
