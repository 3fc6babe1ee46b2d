/**
 * Core throughput: frames per second through smoothing → angles → reps (the whole analyser),
 * on one core, over synthetic frames (no detector). `npx tsx scripts/bench-core.ts [--json]`.
 * Printed, never asserted: timing depends on the machine (and on its load: run it on an idle one).
 * docs/design.md#frame-rates targets 1,000,000 frames/s; see the report line for how far off this build is.
 */
import { performance } from 'node:perf_hooks';
import { createKickbackAnalyzer } from '../src/analysis/kickback-analyzer';
import type { PoseFrame } from '../src/pose/types';
import { generateKickbackSet } from '../src/synthetic/kickback-set';
import { checkedArgs, numberArg, parseScriptArgs } from '../src/node/cli-args';

interface BenchResult {
  name: string;
  frames: number;
  seconds: number;
  framesPerSecond: number;
  repsPerPass: number;
}

function bench(name: string, frames: readonly PoseFrame[], minSeconds: number): BenchResult {
  let total = 0;
  let reps = 0;
  // Warm up for a fraction of the run so the JIT has compiled the hot paths.
  const warmUntil = performance.now() + 300 * minSeconds;
  while (performance.now() < warmUntil) {
    const warm = createKickbackAnalyzer();
    for (const f of frames) warm.push(f);
  }
  const start = performance.now();
  let elapsed = 0;
  while (elapsed < minSeconds * 1000) {
    const analyzer = createKickbackAnalyzer();
    for (const f of frames) analyzer.push(f);
    reps = analyzer.reps.length;
    total += frames.length;
    elapsed = performance.now() - start;
  }
  return { name, frames: total, seconds: elapsed / 1000, framesPerSecond: total / (elapsed / 1000), repsPerPass: reps };
}

const BENCH_CORE_USAGE = `usage: npx tsx scripts/bench-core.ts [--json] [--seconds S]

Frames per second through the whole analyser on one core, over synthetic frames (no detector).
Printed, never asserted: timing depends on the machine and its load.
  --seconds S  run each case at least S seconds (default 2)
Exit codes: 0 done, 1 error, 2 bad arguments.`;

const { values } = parseScriptArgs('bench-core', BENCH_CORE_USAGE, process.argv.slice(2), { json: { type: 'boolean' }, seconds: { type: 'string' } }, false);
const json = values.json ?? false;
const minSeconds = checkedArgs('bench-core', BENCH_CORE_USAGE, () => (values.seconds === undefined ? 2 : numberArg('--seconds', values.seconds, 0)));
const common = { reps: 20, noisePx: 1, noiseWorldM: 0.004, seed: 3 };
const results = [
  bench('blazepose33, 30 fps, side view (2D path)', generateKickbackSet({ ...common, keypointSet: 'blazepose33' }).frames, minSeconds),
  bench('blazepose33, 30 fps, 35° oblique (3D path)', generateKickbackSet({ ...common, keypointSet: 'blazepose33', cameraYawDeg: 35 }).frames, minSeconds),
  bench('movenet17, 30 fps, side view', generateKickbackSet({ ...common, keypointSet: 'movenet17' }).frames, minSeconds),
];

if (json) {
  console.log(JSON.stringify({ benchmark: 'core', unit: 'frames/s', node: process.version, results }, null, 2));
} else {
  console.log('KickCheck analysis core throughput (smoothing → angles → reps, one core)');
  for (const r of results) {
    console.log(
      `  ${r.name.padEnd(46)} ${Math.round(r.framesPerSecond).toLocaleString('en-US').padStart(12)} frames/s  (${r.frames} frames in ${r.seconds.toFixed(2)} s, ${r.repsPerPass} reps per pass)`,
    );
  }
  const worst = Math.min(...results.map((r) => r.framesPerSecond));
  console.log(`  slowest case: ${(worst / 1_000_000).toFixed(3)} of the 1,000,000 frames/s target (docs/design.md#frame-rates)`);
}
