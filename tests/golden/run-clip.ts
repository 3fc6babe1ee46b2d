/** Runs a Node estimator over the first frames of a clip with a chosen clock (golden tests). */
import type { DetectorId, PoseFrame } from '../../src/pose/types';
import { decodeFrames, frameToTensor } from '../../src/node/decode-frames';
import { createNodeEstimator } from '../../src/node/node-estimator';

export async function runClip(
  source: string,
  detector: DetectorId,
  maxFrames: number,
  timestampMsOf: (frameIndex: number, decodedMs: number) => number = (_i, ms) => ms,
): Promise<PoseFrame[]> {
  const estimator = await createNodeEstimator(detector);
  const frames: PoseFrame[] = [];
  try {
    for await (const decoded of decodeFrames(source, { maxFrames })) {
      const tensor = frameToTensor(decoded);
      try {
        frames.push(await estimator.estimate(tensor, timestampMsOf(decoded.frameIndex, decoded.timestampMs)));
      } finally {
        tensor.dispose();
      }
    }
  } finally {
    estimator.dispose();
  }
  return frames;
}

/** Largest per-coordinate difference, the library's expectArraysClose measure. */
export function maxAbsDiff(actual: readonly number[], expected: readonly number[]): number {
  if (actual.length !== expected.length) {
    throw new Error(`expected ${expected.length} numbers to compare, got ${actual.length}`);
  }
  return actual.reduce((worst, value, i) => Math.max(worst, Math.abs(value - (expected[i] as number))), 0);
}
