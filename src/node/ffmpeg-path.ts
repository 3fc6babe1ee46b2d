/** Which ffmpeg binary to run: the one the npm package ships, else the system's. */
import { installerBinaryPath } from './installer-binary';

export function ffmpegPath(): string {
  return installerBinaryPath('ffmpeg', '@ffmpeg-installer/ffmpeg', '/usr/bin/ffmpeg');
}
