/** Which ffprobe binary to run: the one the npm package ships, else the system's. */
import { installerBinaryPath } from './installer-binary';

export function ffprobePath(): string {
  return installerBinaryPath('ffprobe', '@ffprobe-installer/ffprobe', '/usr/bin/ffprobe');
}
