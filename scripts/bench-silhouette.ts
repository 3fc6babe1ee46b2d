/**
 * Cost of the silhouette step (docs/angles.md#lumbar-arch): BlazePose full on the wasm backend in Node, the same
 * frames estimated with and without the person mask (estimate(…, { mask })), and the
 * back-contour trace on each mask (what workers/frame-pipeline.ts adds per frame).
 * `npx tsx scripts/bench-silhouette.ts [--json] [--frames=N]`. Printed, never asserted: timing
 * depends on the machine and its load. Rounds alternate the two estimators frame by frame so a
 * busy neighbour slows both alike.
 */
import { performance } from 'node:perf_hooks';
import { resolve } from 'node:path';
import type * as tf from '@tensorflow/tfjs-core';
import { backContourOfFrame } from '../src/geometry/back-contour-of-frame';
import { decodeFrames, frameToTensor } from '../src/node/decode-frames';
import { createNodeEstimator } from '../src/node/node-estimator';
import { REPO_ROOT } from '../src/node/repo-paths';

const json = process.argv.includes('--json');
const frameCount = Number(process.argv.find((a) => a.startsWith('--frames='))?.slice(9) ?? 12);
const clip = resolve(REPO_ROOT, '../shared/fixtures/kickback/cable_kickback_cgi_dosipov.mp4');

function median(values: readonly number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 === 1 ? (s[m] as number) : ((s[m - 1] as number) + (s[m] as number)) / 2;
}

const plain = await createNodeEstimator('blazepose-full', { enableSmoothing: false });
const masked = await createNodeEstimator('blazepose-full', { enableSmoothing: false });
const tensors: tf.Tensor3D[] = [];
// 640 px frames, as the live app's camera delivers them (and the browser bench uses), one a second.
for await (const d of decodeFrames(clip, { frameStep: 10, maxFrames: frameCount, maxSide: 640 })) tensors.push(frameToTensor(d));
// Warm-up: the first estimate of each compiles kernels and finds the person.
for (const e of [plain, masked]) {
  await e.estimate(tensors[0] as tf.Tensor3D, 0, { mask: e === masked });
  e.takeMask?.();
}
const plainMs: number[] = [];
const maskedMs: number[] = [];
const traceMs: number[] = [];
let contours = 0;
for (let i = 0; i < tensors.length; i += 1) {
  const input = tensors[i] as tf.Tensor3D;
  const t = (i + 1) * 100;
  const order = i % 2 === 0 ? [plain, masked] : [masked, plain];
  for (const e of order) {
    const start = performance.now();
    const frame = await e.estimate(input, t, { mask: e === masked });
    const mask = e.takeMask?.() ?? null;
    const estimated = performance.now();
    if (e === masked) {
      maskedMs.push(estimated - start);
      const contour = mask === null ? undefined : backContourOfFrame(frame, mask);
      traceMs.push(performance.now() - estimated);
      if (contour !== undefined) contours += 1;
    } else {
      plainMs.push(estimated - start);
    }
  }
}
for (const t of tensors) t.dispose();
plain.dispose();
masked.dispose();

const result = {
  benchmark: 'silhouette',
  detector: 'blazepose-full',
  backend: 'wasm (Node)',
  frames: tensors.length,
  frameSize: `${tensors[0]?.shape[1]}x${tensors[0]?.shape[0]}`,
  estimateMs: median(plainMs),
  estimateWithMaskMs: median(maskedMs),
  traceMs: median(traceMs),
  silhouetteStepMs: median(maskedMs) - median(plainMs) + median(traceMs),
  contours,
};
if (json) console.log(JSON.stringify(result, null, 2));
else {
  console.log(`silhouette step (${result.detector}, ${result.backend}, ${result.frames} frames ${result.frameSize}, medians):`);
  console.log(`  estimate ${result.estimateMs.toFixed(0)} ms/frame, with mask ${result.estimateWithMaskMs.toFixed(0)} ms/frame, trace ${result.traceMs.toFixed(1)} ms/frame`);
  console.log(`  silhouette step ms/frame: ${result.silhouetteStepMs.toFixed(0)} (contour on ${result.contours} of ${result.frames} frames)`);
}
