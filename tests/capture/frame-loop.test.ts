/**
 * The capture loop wastes nothing (docs/performance.md): a frame that could not be sent (the one
 * in flight will still be busy when the next frame comes) gets no bitmap, and bitmaps are made
 * at the pose model's working size, not the camera's. A fake <video> whose frames the test
 * presents, a stubbed createImageBitmap and a test-driven clock.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { bitmapSize, FrameLoop, worthMaking } from '../../src/capture/frame-loop';

type FrameCallback = (now: number, metadata: VideoFrameCallbackMetadata) => void;

class FakeVideo {
  callbacks = new Map<number, FrameCallback>();
  next = 1;
  constructor(readonly width: number, readonly height: number) {}
  requestVideoFrameCallback(cb: FrameCallback): number {
    const id = this.next++;
    this.callbacks.set(id, cb);
    return id;
  }
  cancelVideoFrameCallback(id: number): void {
    this.callbacks.delete(id);
  }
  present(now: number): void {
    const pending = [...this.callbacks.values()];
    this.callbacks.clear();
    for (const cb of pending) {
      cb(now, { captureTime: now, mediaTime: now / 1000, width: this.width, height: this.height, presentationTime: now, expectedDisplayTime: now, presentedFrames: 0 } as VideoFrameCallbackMetadata);
    }
  }
}

const flush = () => new Promise((r) => setTimeout(r, 0));

let clock = 0;
let made: { options: ImageBitmapOptions | undefined; closed: boolean }[] = [];

beforeEach(() => {
  clock = 0;
  made = [];
  vi.spyOn(performance, 'now').mockImplementation(() => clock);
  vi.stubGlobal('createImageBitmap', async (_source: unknown, options?: ImageBitmapOptions) => {
    const record = { options, closed: false };
    made.push(record);
    return { width: options?.resizeWidth ?? 0, height: options?.resizeHeight ?? 0, close: () => { record.closed = true; } };
  });
});

afterEach(() => {
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
});

/** A loop on `video` whose process() calls finish when the test resolves them. */
function loopOn(video: FakeVideo) {
  const pending: { timestampMs: number; resolve: (v: number) => void }[] = [];
  const results: number[] = [];
  const loop = new FrameLoop<number>(
    video as unknown as HTMLVideoElement,
    {
      process: (_bitmap, timestampMs) => new Promise<number>((resolve) => pending.push({ timestampMs, resolve })),
      onResult: (r) => results.push(r),
      onError: (e) => {
        throw e;
      },
    },
    false,
  );
  loop.start();
  return { loop, pending, results };
}

async function present(video: FakeVideo, now: number): Promise<void> {
  clock = now;
  video.present(now);
  await flush();
}

async function finish(p: ReturnType<typeof loopOn>, now: number): Promise<void> {
  clock = now;
  const job = p.pending.shift();
  if (!job) throw new Error('expected a frame in flight, got none');
  job.resolve(job.timestampMs);
  await flush();
}

describe('FrameLoop: no wasted bitmaps', () => {
  it('makes a camera frame at 640 px on its long side, and leaves a small video as it is', async () => {
    const video = new FakeVideo(1280, 720);
    const big = loopOn(video);
    expect(made).toHaveLength(0);
    await present(video, 0);
    expect(made).toHaveLength(1);
    expect(made[0]?.options).toMatchObject({ resizeWidth: 640, resizeHeight: 360 });
    big.loop.stop();
    expect(bitmapSize(640, 480, 640)).toBeNull();
    expect(bitmapSize(1920, 1080, 640)).toEqual({ width: 640, height: 360 });
    expect(bitmapSize(720, 1280, 640)).toEqual({ width: 360, height: 640 });
  });

  it('while the frame in flight will still be busy at the next frame, makes no bitmap; near its end, makes one', async () => {
    const video = new FakeVideo(640, 480);
    const p = loopOn(video);
    // A camera at 30 fps (a frame every 33 ms) and a worker that takes 100 ms per frame.
    const startedAt: number[] = [];
    const seen = () => {
      while (startedAt.length < p.pending.length) startedAt.push(clock);
    };
    const madeAt: { now: number; leftMs: number; made: boolean }[] = [];
    for (let i = 0; i < 60; i += 1) {
      const now = i * 33;
      // Answers due by now come back first.
      while (p.pending.length > 0 && (startedAt[0] ?? Infinity) + 100 <= now) {
        const due = (startedAt[0] ?? 0) + 100;
        startedAt.shift();
        await finish(p, due);
        seen();
      }
      const before = made.length;
      const leftMs = p.pending.length > 0 ? (startedAt[0] ?? 0) + 100 - now : 0;
      await present(video, now);
      seen();
      madeAt.push({ now, leftMs, made: made.length > before });
    }
    const steady = madeAt.slice(20);
    expect(steady.length).toBeGreaterThan(10);
    for (const f of steady) {
      // Made when nothing is in flight, or when the answer is due within 1.5 frames (50 ms).
      expect(f.made, `frame at ${f.now} ms, ${f.leftMs} ms left in flight`).toBe(f.leftMs <= 49.5);
    }
    expect(steady.some((f) => !f.made)).toBe(true);
    const { made: m, skipped } = p.loop.bitmapCounts;
    expect(m + skipped).toBe(60);
    expect(p.loop.stats(clock).droppedFrames).toBeGreaterThanOrEqual(skipped);
    p.loop.stop();
  });

  it('with no history yet, or nothing in flight, every frame is made', () => {
    expect(worthMaking(10, null, 100, 33)).toBe(true);
    expect(worthMaking(10, 0, 0, 33)).toBe(true);
    expect(worthMaking(10, 0, 100, 0)).toBe(true);
    expect(worthMaking(10, 0, 100, 33)).toBe(false);
    expect(worthMaking(60, 0, 100, 33)).toBe(true);
  });
});
