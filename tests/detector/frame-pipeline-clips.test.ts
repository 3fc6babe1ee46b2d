/**
 * The shared frame pipeline on the real models (Node, wasm) and real two-person clips made at
 * test time (docs/design.md#hard-variants: the lifter clip beside its own mirror, and beside a squat
 * clip), in the camera's 640x480 and subsampled to 5 fps so the test stays short. The lock must
 * stay on one person the whole time, and the analysed count must be the single clip's.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PoseFrame } from '../../src/pose/types';
import { analyzeFixture } from '../../src/node/fixture-clip-report';
import { decodeFrames, frameToTensor } from '../../src/node/decode-frames';
import { createNodeFramePipeline, type NodeFramePipeline } from '../../src/node/node-frame-pipeline';
import { DEFAULT_TWO_PERSON_CLIP_OPTIONS, makeTwoPersonClip } from '../e2e/support/two-people';

/** labels.json: cable_kickback_cgi_dosipov.mp4 has one complete rep. */
const LIFTER_REPS = 1;
const CLIP_FPS = DEFAULT_TWO_PERSON_CLIP_OPTIONS.fps;
const workDir = mkdtempSync(join(tmpdir(), 'kickcheck-two-person-'));

let pipeline: NodeFramePipeline;
beforeAll(async () => {
  pipeline = await createNodeFramePipeline('blazepose-full');
});
afterAll(() => pipeline?.dispose());

async function framesOf(clip: string): Promise<PoseFrame[]> {
  pipeline.reset();
  const frames: PoseFrame[] = [];
  for await (const decoded of decodeFrames(clip)) {
    const tensor = frameToTensor(decoded);
    try {
      frames.push(await pipeline.estimate(tensor, decoded.timestampMs));
    } finally {
      tensor.dispose();
    }
  }
  return frames;
}

/** Which half of the 640 px picture each locked frame's lifter box is centred in. */
function lockedSides(frames: readonly PoseFrame[]): Set<'left' | 'right'> {
  return new Set(frames.filter((f) => f.lifterLock === 'locked').map((f) => (f.lifterBox!.x + f.lifterBox!.width / 2 < 320 ? 'left' : 'right')));
}

describe.each([
  // Two people kicking: either may be the lifter, but it must be one of them throughout.
  ['mirror', null],
  // The lifter beside someone squatting: the kicker, on the left, is the lifter.
  ['other', 'left'],
] as const)('two people (%s), real models', (kind, expectedSide) => {
  it("locks on one person for the whole clip, never hops, and counts the lifter's reps as on the single clip", async () => {
    const frames = await framesOf(makeTwoPersonClip(kind, workDir));
    const locked = frames.filter((f) => f.lifterLock === 'locked');
    // The check sees both people on most of the clip (misses are held, not dropped).
    expect(locked.length).toBeGreaterThanOrEqual(frames.length * 0.8);
    expect(frames.every((f) => f.lifterLock !== 'ambiguous')).toBe(true);
    const sides = lockedSides(frames);
    expect(sides.size).toBe(1);
    if (expectedSide) expect([...sides]).toEqual([expectedSide]);
    // The skeleton is the lifter's: its hips lie inside the lifter box on every locked frame
    // with a pose (the model may miss the lifter on a frame, as on any clip).
    const posed = locked.filter((f) => f.landmarks.length > 0);
    expect(posed.length).toBeGreaterThanOrEqual(locked.length * 0.8);
    for (const f of posed) {
      const hip = f.landmarks[23]!;
      const box = f.lifterBox!;
      expect(hip.x).toBeGreaterThanOrEqual(box.x);
      expect(hip.x).toBeLessThanOrEqual(box.x + box.width);
    }
    // The same core the CLI runs on these frames (analyzeClip = this pipeline + analyzeFixture's core).
    const report = analyzeFixture({ source: kind, detector: 'blazepose-full', fps: CLIP_FPS, imageWidth: 640, imageHeight: 480, frames });
    expect(report.reps).toHaveLength(LIFTER_REPS);
  }, 120_000);
});
