/** A binary an npm installer package ships (ffmpeg, ffprobe), else the system's, found once. */
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';

const cache = new Map<string, string>();

/** `name` for the message, `pkg` the installer package exporting `{ path }`, `systemPath` the fallback. */
export function installerBinaryPath(name: string, pkg: string, systemPath: string): string {
  const hit = cache.get(pkg);
  if (hit !== undefined) return hit;
  let found: string | null = null;
  try {
    const shipped = (createRequire(import.meta.url)(pkg) as { path: string }).path;
    if (existsSync(shipped)) found = shipped;
  } catch {
    // Not installed (production install without devDependencies): fall through to the system one.
  }
  if (found === null && existsSync(systemPath)) found = systemPath;
  if (found === null) throw new Error(`expected an ${name} binary from ${pkg} or at ${systemPath}, got neither`);
  cache.set(pkg, found);
  return found;
}
