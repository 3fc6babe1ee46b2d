import { writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ffmpegInput, parseFfmpegProbe, probeVideo } from '../../src/node/probe-video';
import { SHARED_FIXTURES_DIR } from '../../src/node/repo-paths';

// Captured from the ffmpeg this project installs; the parser is pure, so it is pinned on text.
const PORTRAIT_2997 = `Input #0, mov,mp4,m4a,3gp,3g2,mj2, from 'squat.mp4':
  Duration: 00:00:20.49, start: 0.000000, bitrate: 968 kb/s
    Stream #0:0(und): Video: h264 (High) (avc1 / 0x31637661), yuv420p(tv, bt709), 608x1080 [SAR 1:1 DAR 76:135], 832 kb/s, 29.97 fps, 29.97 tbr, 30k tbn, 59.94 tbc (default)
At least one output file must be specified`;

const ROTATED_PHONE = `  Duration: 00:00:03.50, start: 0.000000, bitrate: 9000 kb/s
    Stream #0:0(eng): Video: h264 (High) (avc1 / 0x31637661), yuv420p(tv, bt709), 1920x1080, 8000 kb/s, 30 fps, 30 tbr, 90k tbn, 60 tbc (default)
    Metadata:
      rotate          : 90
    Side data:
      displaymatrix: rotation of -90.00 degrees`;

const JPEG = `Input #0, image2, from 'pose.jpg':
  Duration: 00:00:00.04, start: 0.000000, bitrate: 8820 kb/s
    Stream #0:0: Video: mjpeg (Progressive), yuvj420p(pc, bt470bg/unknown/unknown), 1000x667 [SAR 72:72 DAR 1000:667], 25 tbr, 25 tbn, 25 tbc`;

describe('parseFfmpegProbe', () => {
  it('reads size, fractional fps and duration', () => {
    expect(parseFfmpegProbe(PORTRAIT_2997, 'squat.mp4')).toEqual({
      width: 608, height: 1080, pixelAspect: 1, fps: 29.97, durationS: 20.49, isImage: false, codec: 'h264',
    });
  });

  it('swaps width and height for a clip stored with a 90 degree rotation', () => {
    const info = parseFfmpegProbe(ROTATED_PHONE, 'phone.mp4');
    expect([info.width, info.height]).toEqual([1080, 1920]);
  });

  it('stretches a clip with non-square pixels to its display width', () => {
    const anamorphic = PORTRAIT_2997.replace('608x1080 [SAR 1:1 DAR 76:135]', '720x576 [SAR 16:15 DAR 4:3]');
    expect(parseFfmpegProbe(anamorphic, 'dv.mp4')).toMatchObject({ width: 768, height: 576, pixelAspect: 16 / 15 });
  });

  it('recognises a still image as one frame without fps', () => {
    expect(parseFfmpegProbe(JPEG, 'pose.jpg')).toMatchObject({ width: 1000, height: 667, pixelAspect: 1, fps: 0, isImage: true });
  });

  it('says which file was unreadable and what ffmpeg said', () => {
    expect(() => parseFfmpegProbe('notes.txt: Invalid data found when processing input\n', 'notes.txt'))
      .toThrow(/^expected a readable video, got notes\.txt \(notes\.txt: Invalid data found/);
  });
});

describe('probeVideo (real ffmpeg)', () => {
  it('probes a shared fixture clip', async () => {
    const info = await probeVideo(join(SHARED_FIXTURES_DIR, 'kickback/donkey_kick_cgi_kinkatsu.mp4'));
    expect(info).toMatchObject({ width: 960, height: 540, fps: 30, isImage: false });
    expect(info.durationS).toBeGreaterThan(5);
    expect(info.durationS).toBeLessThan(7);
  });

  it('rejects a missing file with a clear message', async () => {
    await expect(probeVideo('/nonexistent/clip.mp4')).rejects.toThrow(
      'expected a readable video, got /nonexistent/clip.mp4 (no such file or not readable)',
    );
  });

  it('rejects a file that is not a video', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'kickcheck-')), 'not-a-video.mp4');
    writeFileSync(file, 'this is text, not H.264');
    await expect(probeVideo(file)).rejects.toThrow(/^expected a readable video, got .*not-a-video\.mp4/);
  });
});

describe('audio-only and odd file names', () => {
  // Captured from this ffmpeg on an mp4 made with `-f lavfi -i sine -c:a aac`.
  const AUDIO_ONLY = `Input #0, mov,mp4,m4a,3gp,3g2,mj2, from 'file:/tmp/voice.mp4':
  Duration: 00:00:01.02, start: 0.000000, bitrate: 17 kb/s
    Stream #0:0(und): Audio: aac (LC) (mp4a / 0x6134706D), 44100 Hz, mono, fltp, 69 kb/s (default)
At least one output file must be specified`;

  it("says 'no video stream' for a file holding only audio, not in ffmpeg's words", () => {
    expect(() => parseFfmpegProbe(AUDIO_ONLY, 'voice.mp4')).toThrow('expected a readable video, got voice.mp4 (no video stream: the file holds only audio)');
  });

  it('names a file to ffmpeg as file: and an absolute path', () => {
    expect(ffmpegInput('set:1.mp4')).toBe(`file:${join(process.cwd(), 'set:1.mp4')}`);
    expect(ffmpegInput('/a/-b.mp4')).toBe('file:/a/-b.mp4');
  });
});
