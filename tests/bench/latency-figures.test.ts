/**
 * The live-latency bench's own arithmetic (scripts/bench/latency-figures.ts): the frame-index
 * code survives a round trip through a frame, loops are split where the clip starts again, and a
 * rep's cue is timed from the capture of its loop's deciding frame. Timing itself is never asserted.
 */
import { describe, expect, it } from 'vitest';
import { FRAME_CODE, readFrameIndex, repCueLatencies, splitLoops, stampFrameIndex, type ProbedFrame } from '../../scripts/bench/latency-figures';

const W = 640;
const H = 480;

/** The RGBA row across the code's middle, as a canvas would read it from the luma plane. */
function rowOf(luma: Uint8Array): Uint8ClampedArray {
  const y = FRAME_CODE.y + FRAME_CODE.h / 2;
  const width = (FRAME_CODE.bits + 1) * FRAME_CODE.block;
  const rgba = new Uint8ClampedArray(width * 4);
  for (let x = 0; x < width; x += 1) rgba.fill(luma[y * W + x] ?? 0, x * 4, x * 4 + 3);
  return rgba;
}

describe('frame-index code', () => {
  it('reads back every index it draws, and nothing from an unmarked frame', () => {
    const indices = [0, 1, 2, 5, 179, 1000, 4095];
    for (const index of indices) {
      const luma = new Uint8Array(W * H).fill(16);
      stampFrameIndex(luma, W, index);
      expect(readFrameIndex(rowOf(luma))).toBe(index);
    }
    expect(readFrameIndex(rowOf(new Uint8Array(W * H).fill(16)))).toBeNull();
    expect(() => stampFrameIndex(new Uint8Array(W * H), W, 4096)).toThrow('expected a frame index 0..4095, got 4096');
  });
});

describe('fault-to-cue figures', () => {
  const frameMs = 1000 / 30;
  /** Three loops of a 180-frame clip, every 2nd frame probed, loop 0 starting at frame 40 (the camera started mid-clip). */
  function probe(): ProbedFrame[] {
    const out: ProbedFrame[] = [];
    let t = 1000;
    for (let loop = 0; loop < 3; loop += 1) {
      for (let i = loop === 0 ? 40 : 0; i < 180; i += 1) {
        if (i % 2 === 0) out.push({ index: i, atMs: t });
        t += frameMs;
      }
    }
    return out;
  }

  it('splits the probe where the clip starts again', () => {
    const loops = splitLoops(probe());
    expect(loops.map((l) => l.length)).toEqual([70, 90, 90]);
    expect(loops[1]?.[0]?.index).toBe(0);
  });

  it("times each rep's cue from its loop's deciding frame, leaving the first rep out", () => {
    const frames = probe();
    const loops = splitLoops(frames);
    const deciding = 101; // not probed itself (odd): found from its neighbours
    const captured = loops.map((l) => (l.find((f) => f.index === 100)?.atMs ?? Number.NaN) + frameMs);
    const cues = [
      { paintMs: (captured[0] ?? 0) + 150, text: 'Kick lower', reps: 1 },
      { paintMs: (captured[1] ?? 0) - 2000, text: 'Lean forward', reps: 1 }, // a hint: no new rep
      { paintMs: (captured[1] ?? 0) + 180, text: 'Kick lower', reps: 2 },
      { paintMs: (captured[2] ?? 0) - 40, text: 'Kick lower', reps: 3 },
    ];
    const got = repCueLatencies(cues, frames, deciding, frameMs);
    expect(got).toHaveLength(2);
    expect(got.map((r) => r.rep)).toEqual([2, 3]);
    expect(got.map((r) => r.loop)).toEqual([1, 2]);
    expect(got[0]?.latencyMs).toBeCloseTo(180, 6);
    expect(got[1]?.latencyMs).toBeCloseTo(-40, 6);
    expect(repCueLatencies(cues, frames, deciding, frameMs, 1)).toHaveLength(3);
  });
});
