/** Which ffmpeg binary to run: the one the npm package ships, else the system's. */
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';

const SYSTEM_FFMPEG = '/usr/bin/ffmpeg';

let cached: string | null = null;

export function ffmpegPath(): string {
  if (cached) return cached;
  try {
    const require = createRequire(import.meta.url);
    const shipped = (require('@ffmpeg-installer/ffmpeg') as { path: string }).path;
    if (existsSync(shipped)) return (cached = shipped);
  } catch {
    // Not installed (production install without devDependencies): fall through to the system one.
  }
  if (existsSync(SYSTEM_FFMPEG)) return (cached = SYSTEM_FFMPEG);
  throw new Error(`expected an ffmpeg binary from @ffmpeg-installer/ffmpeg or at ${SYSTEM_FFMPEG}, got neither`);
}
