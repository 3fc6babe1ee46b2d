import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
export const FIXTURES = resolve(REPO_ROOT, '../shared/fixtures');

/** Chromium from the environment or Debian's package (scripts/ensure-test-tools.mjs installs it). */
export function chromiumPath(): string {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].filter(Boolean) as string[];
  const found = candidates.find((p) => existsSync(p));
  if (!found) throw new Error(`expected Chromium at ${candidates.join(' or ')}, got none; run node scripts/ensure-test-tools.mjs`);
  return found;
}

/** ffmpeg shipped inside an npm package, so tests need nothing installed by hand. */
export function ffmpegPath(): string {
  const require = createRequire(import.meta.url);
  try {
    return (require('@ffmpeg-installer/ffmpeg') as { path: string }).path;
  } catch {
    return 'ffmpeg';
  }
}
