/** Which ffprobe binary to run: the one the npm package ships, else the system's. */
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';

const SYSTEM_FFPROBE = '/usr/bin/ffprobe';

let cached: string | null = null;

export function ffprobePath(): string {
  if (cached) return cached;
  try {
    const require = createRequire(import.meta.url);
    const shipped = (require('@ffprobe-installer/ffprobe') as { path: string }).path;
    if (existsSync(shipped)) return (cached = shipped);
  } catch {
    // Not installed (production install without devDependencies): fall through to the system one.
  }
  if (existsSync(SYSTEM_FFPROBE)) return (cached = SYSTEM_FFPROBE);
  throw new Error(`expected an ffprobe binary from @ffprobe-installer/ffprobe or at ${SYSTEM_FFPROBE}, got neither`);
}
