import { mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ffmpegInput, parseFfprobeOutput, probeVideo } from '../../src/node/probe-video';
import { SHARED_FIXTURES_DIR } from '../../src/node/repo-paths';

// Captured from the ffprobe this project installs (`-v error -print_format json -show_streams
// -show_format`), cut to the fields the parser reads; the parser is pure, so it is pinned on text.
const PORTRAIT_2997 = JSON.stringify({
  streams: [
    { codec_name: 'h264', codec_type: 'video', width: 608, height: 1080, sample_aspect_ratio: '1:1', r_frame_rate: '30000/1001', avg_frame_rate: '30000/1001', duration: '20.487133', nb_frames: '614' },
    { codec_name: 'aac', codec_type: 'audio', r_frame_rate: '0/0', avg_frame_rate: '0/0', duration: '20.456780', nb_frames: '881' },
  ],
  format: { format_name: 'mov,mp4,m4a,3gp,3g2,mj2', duration: '20.487133' },
});

// An mp4 made with `-metadata:s:v:0 rotate=90`: ffprobe reports it as display-matrix side data.
const ROTATED_SIDE_DATA = JSON.stringify({
  streams: [{
    codec_name: 'h264', codec_type: 'video', width: 1920, height: 1080, sample_aspect_ratio: '1:1', r_frame_rate: '30/1', avg_frame_rate: '30/1', duration: '1.000000', nb_frames: '30',
    side_data_list: [{ side_data_type: 'Display Matrix', rotation: 90 }],
  }],
  format: { format_name: 'mov,mp4,m4a,3gp,3g2,mj2', duration: '1.000000' },
});

const JPEG = JSON.stringify({
  streams: [{ codec_name: 'mjpeg', codec_type: 'video', width: 850, height: 567, sample_aspect_ratio: '1:1', r_frame_rate: '25/1', avg_frame_rate: '25/1', duration: '0.040000' }],
  format: { format_name: 'image2', duration: '0.040000' },
});

const ANIMATED_GIF = JSON.stringify({
  streams: [{ codec_name: 'gif', codec_type: 'video', width: 64, height: 48, sample_aspect_ratio: '1:1', r_frame_rate: '5/1', avg_frame_rate: '5/1', duration: '1.000000', nb_frames: '5' }],
  format: { format_name: 'gif', duration: '1.000000' },
});

/** `json` with the first stream's fields replaced. */
function withStream(json: string, fields: Record<string, unknown>): string {
  const probe = JSON.parse(json) as { streams: Record<string, unknown>[] };
  probe.streams[0] = { ...probe.streams[0], ...fields };
  return JSON.stringify(probe);
}

describe('parseFfprobeOutput', () => {
  it('reads size, fractional fps, duration and frame count', () => {
    expect(parseFfprobeOutput(PORTRAIT_2997, '', 'squat.mp4')).toEqual({
      width: 608, height: 1080, pixelAspect: 1, fps: 30000 / 1001, durationS: 20.487133, frameCount: 614, isImage: false, codec: 'h264',
    });
  });

  it('swaps width and height for a clip whose display matrix rotates it 90 degrees', () => {
    const info = parseFfprobeOutput(ROTATED_SIDE_DATA, '', 'phone.mp4');
    expect([info.width, info.height]).toEqual([1080, 1920]);
    // ffmpeg's own sign for the same clip; a half turn keeps the shape.
    expect(parseFfprobeOutput(ROTATED_SIDE_DATA.replace('"rotation":90', '"rotation":-90'), '', 'phone.mp4')).toMatchObject({ width: 1080, height: 1920 });
    expect(parseFfprobeOutput(ROTATED_SIDE_DATA.replace('"rotation":90', '"rotation":180'), '', 'phone.mp4')).toMatchObject({ width: 1920, height: 1080 });
  });

  it('swaps width and height for a clip with only a rotate tag (older muxers)', () => {
    const tagged = withStream(ROTATED_SIDE_DATA, { side_data_list: undefined, tags: { rotate: '270' } });
    expect(parseFfprobeOutput(tagged, '', 'phone.mp4')).toMatchObject({ width: 1080, height: 1920 });
  });

  it('stretches a clip with non-square pixels to its display width', () => {
    const anamorphic = withStream(PORTRAIT_2997, { width: 720, height: 576, sample_aspect_ratio: '16:15' });
    expect(parseFfprobeOutput(anamorphic, '', 'dv.mp4')).toMatchObject({ width: 768, height: 576, pixelAspect: 16 / 15 });
    // ffprobe's "0:1" (and a missing field) mean the clip does not say: square.
    expect(parseFfprobeOutput(withStream(PORTRAIT_2997, { sample_aspect_ratio: '0:1' }), '', 'a.mp4')).toMatchObject({ width: 608, pixelAspect: 1 });
  });

  it('recognises a still image as one frame without fps', () => {
    expect(parseFfprobeOutput(JPEG, '', 'pose.jpg')).toEqual({
      width: 850, height: 567, pixelAspect: 1, fps: 0, durationS: 0, frameCount: 1, isImage: true, codec: 'mjpeg',
    });
  });

  it('treats an animated gif as a video, not a still', () => {
    expect(parseFfprobeOutput(ANIMATED_GIF, '', 'loop.gif')).toMatchObject({ isImage: false, fps: 5, durationS: 1, frameCount: 5 });
  });

  it('falls back to the base rate when the average rate is 0/0, and says when there is neither', () => {
    expect(parseFfprobeOutput(withStream(PORTRAIT_2997, { avg_frame_rate: '0/0', r_frame_rate: '25/1' }), '', 'a.mp4').fps).toBe(25);
    expect(() => parseFfprobeOutput(withStream(PORTRAIT_2997, { avg_frame_rate: '0/0', r_frame_rate: '0/0' }), '', 'a.mp4'))
      .toThrow('expected a frame rate in ffprobe\'s video stream, got avg_frame_rate 0/0 and r_frame_rate 0/0 for a.mp4');
  });

  it('leaves the frame count null when the container does not say', () => {
    expect(parseFfprobeOutput(withStream(PORTRAIT_2997, { nb_frames: 'N/A' }), '', 'a.mp4').frameCount).toBeNull();
  });

  it('says which file was unreadable and what ffprobe said, in the name the user gave', () => {
    // Captured: ffprobe prints `{}` and this on a text file, and exits 1.
    const stderr = `${ffmpegInput('notes.txt')}: Invalid data found when processing input\n`;
    expect(() => parseFfprobeOutput('{\n\n}\n', stderr, 'notes.txt'))
      .toThrow(/^expected a readable video, got notes\.txt \(notes\.txt: Invalid data found when processing input\)$/);
  });
});

describe('probeVideo (real ffprobe)', () => {
  it('probes a shared fixture clip', async () => {
    const info = await probeVideo(join(SHARED_FIXTURES_DIR, 'kickback/donkey_kick_cgi_kinkatsu.mp4'));
    expect(info).toMatchObject({ width: 960, height: 540, fps: 30, isImage: false });
    expect(info.durationS).toBeGreaterThan(5);
    expect(info.durationS).toBeLessThan(7);
  });

  it('probes a still image as one frame', async () => {
    const info = await probeVideo(join(SHARED_FIXTURES_DIR, 'kickback/fedb_Glute_Kickback_0.jpg'));
    expect(info).toMatchObject({ width: 850, height: 567, fps: 0, durationS: 0, isImage: true, codec: 'mjpeg' });
  });

  it('probes a file whose name has a colon and starts with a dash', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kickcheck-'));
    const odd = join(dir, '-set:1.mp4');
    symlinkSync(join(SHARED_FIXTURES_DIR, 'kickback/donkey_kick_cgi_kinkatsu.mp4'), odd);
    await expect(probeVideo(odd)).resolves.toMatchObject({ width: 960, height: 540, fps: 30, frameCount: 180 });
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
  // Captured from this ffprobe on an mp4 made with `-f lavfi -i sine -c:a aac`.
  const AUDIO_ONLY = JSON.stringify({
    streams: [{ codec_name: 'aac', codec_type: 'audio', r_frame_rate: '0/0', avg_frame_rate: '0/0', duration: '1.000000', nb_frames: '45' }],
    format: { format_name: 'mov,mp4,m4a,3gp,3g2,mj2', duration: '1.000000' },
  });

  it("says 'no video stream' for a file holding only audio", () => {
    expect(() => parseFfprobeOutput(AUDIO_ONLY, '', 'voice.mp4')).toThrow('expected a readable video, got voice.mp4 (no video stream: the file holds only audio)');
  });

  it('names a file to ffmpeg as file: and an absolute path', () => {
    expect(ffmpegInput('set:1.mp4')).toBe(`file:${join(process.cwd(), 'set:1.mp4')}`);
    expect(ffmpegInput('/a/-b.mp4')).toBe('file:/a/-b.mp4');
  });
});
