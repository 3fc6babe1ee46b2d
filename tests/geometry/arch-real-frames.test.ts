/**
 * docs/angles.md#lumbar-arch, real frames: the hand-labelled frames of tests/fixtures/labels.project.json
 * ("archLabels": development clips and the guide-like photos, neutral vs arched) through
 * BlazePose full with its person mask, the back traced and measured as the app does. Every
 * arched frame must read more arch than every neutral frame; a frame labelled with `noReading`
 * (the app cannot trace it) must give none.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type * as tf from '@tensorflow/tfjs-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backOfFrame } from '../../src/geometry/back-contour-of-frame';
import { contourTurnDeg } from '../../src/geometry/lumbar-arch-contour';
import { decodeFrames, frameToTensor } from '../../src/node/decode-frames';
import { createNodeEstimator } from '../../src/node/node-estimator';
import { REPO_ROOT, SHARED_FIXTURES_DIR } from '../../src/node/repo-paths';
import type { PoseEstimator } from '../../workers/detector';

interface ArchLabel {
  source: string;
  frameIndex: number | null;
  label: 'neutral' | 'arched' | 'occluded';
  reason: string;
  /** Why the app gives no reading on this frame (it must then give none). */
  noReading?: string;
}

const labels = (JSON.parse(readFileSync(join(REPO_ROOT, 'tests/fixtures/labels.project.json'), 'utf8')) as { archLabels: { frames: ArchLabel[] } }).archLabels.frames;

let estimator: PoseEstimator;
beforeAll(async () => {
  // Smoothing off: every labelled frame stands alone, as a photo does.
  estimator = await createNodeEstimator('blazepose-full', { enableSmoothing: false });
});
afterAll(() => estimator.dispose());

/** The arch turn of one labelled frame, 640 px as the app's camera, the model fresh on it. */
async function measure(label: ArchLabel): Promise<number | null> {
  const index = label.frameIndex ?? 0;
  // Frames 0 and `index` (frameStep keeps every index-th frame): the last one read is the label's.
  const options = index === 0 ? { maxFrames: 1, maxSide: 640 } : { frameStep: index, maxFrames: 2, maxSide: 640 };
  let tensor: tf.Tensor3D | null = null;
  for await (const decoded of decodeFrames(join(SHARED_FIXTURES_DIR, label.source), options)) {
    tensor?.dispose();
    tensor = frameToTensor(decoded);
  }
  if (tensor === null) throw new Error(`expected a frame ${index} in ${label.source}, got none`);
  try {
    estimator.reset();
    const frame = await estimator.estimate(tensor, 0, { mask: true });
    const mask = estimator.takeMask?.() ?? null;
    if (mask === null) return null;
    const back = backOfFrame(frame, mask);
    return back === undefined ? null : contourTurnDeg(back.contour, back.facing);
  } finally {
    tensor.dispose();
  }
}

describe('lumbar arch on hand-labelled real frames', () => {
  it('orders every arched frame above every neutral frame', { timeout: 240_000 }, async () => {
    const judged = labels.filter((l) => l.label !== 'occluded');
    expect(judged.filter((l) => l.label === 'neutral').length).toBeGreaterThanOrEqual(5);
    expect(judged.filter((l) => l.label === 'arched').length).toBeGreaterThanOrEqual(5);
    const rows: { label: ArchLabel; deg: number | null }[] = [];
    for (const label of judged) rows.push({ label, deg: await measure(label) });
    const table = rows.map((r) => `${r.label.label.padEnd(8)} ${r.deg === null ? '–' : r.deg.toFixed(1)}  ${r.label.source}#${r.label.frameIndex ?? 'photo'}`).join('\n');
    console.log(`arch turn (deg) on the labelled frames:\n${table}`);
    for (const r of rows) expect(r.deg === null, `${r.label.source}#${r.label.frameIndex ?? 'photo'} reading\n${table}`).toBe(r.label.noReading !== undefined);
    const read = rows.filter((r) => r.deg !== null);
    const neutral = read.filter((r) => r.label.label === 'neutral').map((r) => r.deg as number);
    const arched = read.filter((r) => r.label.label === 'arched').map((r) => r.deg as number);
    expect(neutral.length).toBeGreaterThanOrEqual(5);
    expect(arched.length).toBeGreaterThanOrEqual(4);
    expect(Math.min(...arched), table).toBeGreaterThan(Math.max(...neutral));
  });
});
