import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { DecodeError, decodeFrames, decodedSize, frameToTensor, type DecodedFrame } from '../../src/node/decode-frames';
import { ffmpegPath } from '../../src/node/ffmpeg-path';
import { ensureWasmBackend } from '../../src/node/node-estimator';
import { SHARED_FIXTURES_DIR } from '../../src/node/repo-paths';

async function collect(source: string, maxFrames?: number): Promise<DecodedFrame[]> {
  const frames: DecodedFrame[] = [];
  for await (const frame of decodeFrames(source, maxFrames === undefined ? {} : { maxFrames })) frames.push(frame);
  return frames;
}

describe('decodeFrames', () => {
  beforeAll(() => ensureWasmBackend());

  it('streams RGB frames of the probed size with timestamps from the frame index', async () => {
    const frames = await collect(join(SHARED_FIXTURES_DIR, 'keypoints/tfjs-models/pose_squats.mp4'), 4);
    expect(frames.map((f) => f.frameIndex)).toEqual([0, 1, 2, 3]);
    // pose_squats.mp4 is 5 fps: 200 ms apart.
    expect(frames.map((f) => f.timestampMs)).toEqual([0, 200, 400, 600]);
    for (const f of frames) {
      expect([f.width, f.height]).toEqual([720, 1280]);
      expect(f.rgb.length).toBe(720 * 1280 * 3);
    }
    // A real picture, not a blank buffer: pixel values spread over the range.
    const first = frames[0]?.rgb ?? new Uint8Array();
    const distinct = new Set(first.subarray(0, 30_000));
    expect(distinct.size).toBeGreaterThan(20);
  });

  it('decodes every frame of a short clip', async () => {
    const frames = await collect(join(SHARED_FIXTURES_DIR, 'keypoints/tfjs-models/pose_squats.mp4'));
    // 13 s at 5 fps; the library's golden file has one entry per frame.
    expect(frames.length).toBe(65);
  });

  it('decodes a still image as one frame at time 0', async () => {
    const frames = await collect(join(SHARED_FIXTURES_DIR, 'keypoints/tfjs-models/pose.jpg'), 10);
    expect(frames).toHaveLength(1);
    expect(frames[0]).toMatchObject({ frameIndex: 0, timestampMs: 0, width: 1000, height: 667 });
  });

  it('makes an int32 [height, width, 3] tensor holding the same bytes', async () => {
    const [frame] = await collect(join(SHARED_FIXTURES_DIR, 'keypoints/tfjs-models/pose.jpg'));
    if (!frame) throw new Error('expected one frame, got none');
    const tensor = frameToTensor(frame);
    try {
      expect(tensor.shape).toEqual([667, 1000, 3]);
      expect(tensor.dtype).toBe('int32');
      const values = tensor.dataSync();
      expect(values[12_345]).toBe(frame.rgb[12_345]);
    } finally {
      tensor.dispose();
    }
  });

  it('delivers square pixels for a clip stored with non-square ones', async () => {
    const clip = join(mkdtempSync(join(tmpdir(), 'kickcheck-')), 'anamorphic.mp4');
    // 160x120 stored, each pixel twice as wide as tall: displays as 320x120.
    const made = spawnSync(ffmpegPath(), ['-hide_banner', '-loglevel', 'error', '-f', 'lavfi', '-i', 'testsrc=s=160x120:d=0.2:r=10', '-vf', 'setsar=2', '-pix_fmt', 'yuv420p', clip]);
    expect(made.status, made.stderr?.toString()).toBe(0);
    const frames = await collect(clip);
    expect(frames.length).toBe(2);
    expect([frames[0]?.width, frames[0]?.height]).toEqual([320, 120]);
    expect(frames[0]?.rgb.length).toBe(320 * 120 * 3);
  });

  it('stops ffmpeg when the consumer breaks early', async () => {
    let seen = 0;
    for await (const _frame of decodeFrames(join(SHARED_FIXTURES_DIR, 'other/squat_side_rohanx01.mp4'))) {
      if (++seen === 2) break;
    }
    expect(seen).toBe(2);
  });

  it('rejects an unreadable file with "expected a readable video"', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'kickcheck-')), 'broken.mp4');
    writeFileSync(file, Buffer.from([0, 0, 0, 24, 102, 116, 121, 112, 1, 2, 3]));
    await expect(collect(file)).rejects.toThrow(/^expected a readable video, got .*broken\.mp4/);
    await expect(collect('/nonexistent/clip.mp4')).rejects.toThrow('expected a readable video, got /nonexistent/clip.mp4');
  });
});

describe('decodeFrames when ffmpeg dies', () => {
  it('throws a DecodeError that says how many frames came out and that ffmpeg was killed', async () => {
    const source = join(SHARED_FIXTURES_DIR, 'other/squat_side_rohanx01.mp4');
    const frames: DecodedFrame[] = [];
    const error = await (async () => {
      for await (const frame of decodeFrames(source)) {
        frames.push(frame);
        // After the third frame, kill this process's own decoder (the ffmpeg child writing rawvideo).
        if (frames.length === 3) for (const pid of childDecoders()) process.kill(pid, 'SIGKILL');
      }
      return null;
    })().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DecodeError);
    const decodeError = error as DecodeError;
    expect(decodeError.reason).toBe('ffmpeg was stopped by SIGKILL');
    expect(decodeError.framesDecoded).toBe(frames.length);
    expect(frames.length).toBeGreaterThanOrEqual(3);
    // 614 frames in the file; the pipe holds at most a few 608x1080 frames when the kill lands.
    expect(frames.length).toBeLessThan(100);
    expect(decodeError.message).toBe(`expected a readable video, got ${source} (ffmpeg was stopped by SIGKILL)`);
  });
});

/** ffmpeg children of this process that write raw frames (the decoder, not a probe). */
function childDecoders(): number[] {
  return readdirSync('/proc').filter((e) => /^\d+$/.test(e)).flatMap((pid) => {
    try {
      const ppid = Number(readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ')[1]);
      const argv = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');
      return ppid === process.pid && argv.includes('rawvideo') ? [Number(pid)] : [];
    } catch {
      return [];
    }
  });
}

describe('decodeFrames at a lower rate and size', () => {
  const CLIP = join(SHARED_FIXTURES_DIR, 'keypoints/tfjs-models/pose_1.mp4');

  it('keeps every third frame, with the kept frames\' own index, time and pixels', async () => {
    const all = await collect(CLIP, 10);
    const third: DecodedFrame[] = [];
    for await (const frame of decodeFrames(CLIP, { frameStep: 3, maxFrames: 3 })) third.push(frame);
    expect(third.map((f) => f.frameIndex)).toEqual([0, 3, 6]);
    // pose_1.mp4 is 30 fps.
    expect(third.map((f) => f.timestampMs)).toEqual([0, 100, 200]);
    expect(Buffer.from(third[1]?.rgb ?? []).equals(Buffer.from(all[3]?.rgb ?? [0]))).toBe(true);
    expect(Buffer.from(third[1]?.rgb ?? []).equals(Buffer.from(all[2]?.rgb ?? [0]))).toBe(false);
  });

  it('decodes the whole clip at a third of the frames', async () => {
    let count = 0;
    for await (const _frame of decodeFrames(CLIP, { frameStep: 3 })) count++;
    // 120 frames.
    expect(count).toBe(40);
  });

  it('scales frames down to fit maxSide, keeping the shape, never up', async () => {
    const frames: DecodedFrame[] = [];
    for await (const f of decodeFrames(join(SHARED_FIXTURES_DIR, 'kickback/donkey_kick_cgi_kinkatsu.mp4'), { maxSide: 480, maxFrames: 1 })) frames.push(f);
    expect(frames).toHaveLength(1);
    const [small] = frames;
    expect([small?.width, small?.height]).toEqual([480, 270]);
    expect(small?.rgb.length).toBe(480 * 270 * 3);
    expect(decodedSize({ width: 960, height: 540 }, 4000)).toEqual({ width: 960, height: 540 });
    expect(decodedSize({ width: 608, height: 1080 }, 640)).toEqual({ width: 360, height: 640 });
  });
});
