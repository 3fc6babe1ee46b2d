/**
 * Which landmark smoothing the analyser should use, measured (docs/angles.md#smoothing-measured-npm-run-measure-smoothing): BlazePose's own
 * smoothing inside pose-detection (`enableSmoothing`), the analyser's One Euro filter
 * (src/signal/one-euro-filter.ts, `smoothLandmarks`), both, or neither. Each clip is decoded at the
 * app's live analysis rate (10 fps, src/node/variant-fixture.ts), run through the app's frame
 * pipeline twice (pose-detection smoothing on, off), and each landmark stream through the analyser
 * with and without One Euro. Per combination it prints, on the working leg's thigh angle:
 *   - lag: the shift τ (ms) that best aligns the series with the unsmoothed one (least squares,
 *     5 ms steps), and the median shift of the rep peaks against the unsmoothed run;
 *   - jitter: RMS of what a zero-phase 5-point Savitzky–Golay fit leaves (frame-level noise, °);
 *   - reps counted, beside the clip's label.
 *
 *   npm run measure-smoothing [-- --json] [--fps 10] [clip ...]   (clips relative to ../shared/fixtures)
 *
 * Measures and prints; asserts nothing. Slow (two BlazePose runs per clip): about a minute per
 * 10 s of video on this machine.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { createKickbackAnalyzer } from '../src/analysis/kickback-analyzer';
import type { RepMetrics } from '../src/analysis/types';
import type { PoseFrame } from '../src/pose/types';
import { loadClipLabels } from '../src/node/clip-labels';
import { decodeFrames, frameToTensor } from '../src/node/decode-frames';
import { ffmpegPath } from '../src/node/ffmpeg-path';
import { createNodeFramePipeline } from '../src/node/node-frame-pipeline';
import { SHARED_FIXTURES_DIR } from '../src/node/repo-paths';

// ref: the two kickback clips with the fastest reps: curvelog lifts 130° of thigh travel in
// ~0.5 s (peak ~400°/s), dosipov's single kick is the fast CGI one.
const DEFAULT_CLIPS = ['kickback/cable_kickback_real_side_curvelog.mp4', 'kickback/cable_kickback_cgi_dosipov.mp4'];
// ref: src/node/variant-fixture.ts ANALYSIS_FPS: what the app analyses live on this machine.
const DEFAULT_FPS = 10;
// ref: a filter that lags more than 400 ms would miss a whole lift (0.5 s on curvelog).
const MAX_LAG_MS = 400;
const LAG_STEP_MS = 5;
// ref: Savitzky & Golay 1964, 5-point quadratic smoothing: zero phase, so what it removes is
// frame-level noise, not the movement.
const SG5 = [-3, 12, 17, 12, -3].map((c) => c / 35);

interface Series {
  tMs: number[];
  thighDeg: (number | null)[];
}

interface ComboResult {
  combo: string;
  poseDetectionSmoothing: boolean;
  oneEuro: boolean;
  reps: number;
  lagMs: number | null;
  peakLagMs: number | null;
  jitterDeg: number | null;
}

const { values, positionals } = parseArgs({
  options: { json: { type: 'boolean', default: false }, fps: { type: 'string', default: String(DEFAULT_FPS) }, help: { type: 'boolean', default: false } },
  allowPositionals: true,
});
if (values.help) {
  console.log('npm run measure-smoothing [-- --json] [--fps 10] [clip ...]   (clips relative to ../shared/fixtures)');
  process.exit(0);
}
const fps = Number(values.fps);
if (!(fps > 0 && fps <= 60)) throw new Error(`expected --fps between 1 and 60, got ${String(values.fps)}`);
const clips = positionals.length > 0 ? positionals : DEFAULT_CLIPS;
const log = (...a: unknown[]): void => (values.json ? console.error(...a) : console.log(...a));

async function landmarks(video: string, enableSmoothing: boolean): Promise<PoseFrame[]> {
  const pipeline = await createNodeFramePipeline('blazepose-full', { estimator: { enableSmoothing } });
  const frames: PoseFrame[] = [];
  try {
    for await (const decoded of decodeFrames(video)) {
      const tensor = frameToTensor(decoded);
      try {
        frames.push(await pipeline.estimate(tensor, decoded.timestampMs));
      } finally {
        tensor.dispose();
      }
    }
  } finally {
    pipeline.dispose();
  }
  return frames;
}

function analyse(frames: readonly PoseFrame[], oneEuro: boolean): { series: Series; reps: RepMetrics[] } {
  const analyzer = createKickbackAnalyzer({ smoothLandmarks: oneEuro });
  const series: Series = { tMs: [], thighDeg: [] };
  for (const frame of frames) {
    const r = analyzer.push(frame);
    series.tMs.push(frame.timestampMs);
    series.thighDeg.push(r.angles.thighElevationDeg);
  }
  analyzer.finish();
  return { series, reps: [...analyzer.reps] };
}

function valueAt(s: Series, tMs: number): number | null {
  for (let i = 1; i < s.tMs.length; i += 1) {
    const t1 = s.tMs[i] as number;
    if (t1 < tMs) continue;
    const t0 = s.tMs[i - 1] as number;
    const a = s.thighDeg[i - 1];
    const b = s.thighDeg[i];
    if (a === null || b === null || a === undefined || b === undefined || t1 === t0) return null;
    return a + ((b - a) * (tMs - t0)) / (t1 - t0);
  }
  return null;
}

/** The delay τ minimising the mean squared difference between `s(t)` and `ref(t − τ)`. */
function lagMs(s: Series, ref: Series): number | null {
  let best: { tau: number; err: number } | null = null;
  for (let tau = 0; tau <= MAX_LAG_MS; tau += LAG_STEP_MS) {
    let sum = 0;
    let n = 0;
    s.tMs.forEach((t, i) => {
      const v = s.thighDeg[i];
      const r = valueAt(ref, t - tau);
      if (v === null || v === undefined || r === null) return;
      sum += (v - r) ** 2;
      n += 1;
    });
    if (n < 10) continue;
    if (best === null || sum / n < best.err) best = { tau, err: sum / n };
  }
  return best?.tau ?? null;
}

function jitterDeg(s: Series): number | null {
  let sum = 0;
  let n = 0;
  for (let i = 2; i + 2 < s.thighDeg.length; i += 1) {
    const w = s.thighDeg.slice(i - 2, i + 3);
    if (w.some((v) => v === null)) continue;
    const fit = w.reduce((acc: number, v, k) => acc + (v as number) * (SG5[k] as number), 0);
    sum += ((s.thighDeg[i] as number) - fit) ** 2;
    n += 1;
  }
  return n === 0 ? null : Math.sqrt(sum / n);
}

function medianOf(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const s = [...values].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? (s[m] as number) : ((s[m - 1] as number) + (s[m] as number)) / 2;
}

function peakLagMs(reps: readonly RepMetrics[], ref: readonly RepMetrics[]): number | null {
  const d: number[] = [];
  for (const r of reps) {
    const near = ref.filter((x) => Math.abs(x.peakMs - r.peakMs) < 600).sort((a, b) => Math.abs(a.peakMs - r.peakMs) - Math.abs(b.peakMs - r.peakMs))[0];
    if (near !== undefined) d.push(r.peakMs - near.peakMs);
  }
  return medianOf(d);
}

const labels = loadClipLabels();
const out: { clip: string; fps: number; label: string; combos: ComboResult[] }[] = [];
const work = mkdtempSync(join(tmpdir(), 'kickcheck-smoothing-'));
try {
  for (const clip of clips) {
    const source = resolve(SHARED_FIXTURES_DIR, clip);
    const video = join(work, `${out.length}.mp4`);
    execFileSync(ffmpegPath(), ['-hide_banner', '-loglevel', 'error', '-nostdin', '-y', '-i', `file:${source}`, '-vf', `fps=${fps}`, '-an', '-c:v', 'libx264', '-preset', 'ultrafast', '-qp', '0', video]);
    log(`${clip}: BlazePose full at ${fps} fps, pose-detection smoothing off and on…`);
    const raw = await landmarks(video, false);
    const smoothed = await landmarks(video, true);
    const reference = analyse(raw, false);
    const combos: ComboResult[] = [];
    for (const [pd, oe] of [[false, false], [true, false], [false, true], [true, true]] as const) {
      const run = pd === false && oe === false ? reference : analyse(pd ? smoothed : raw, oe);
      combos.push({
        combo: pd && oe ? 'both' : pd ? 'pose-detection only' : oe ? 'One Euro only' : 'none',
        poseDetectionSmoothing: pd,
        oneEuro: oe,
        reps: run.reps.length,
        lagMs: lagMs(run.series, reference.series),
        peakLagMs: peakLagMs(run.reps, reference.reps),
        jitterDeg: jitterDeg(run.series),
      });
    }
    const l = labels[clip] as { repCount?: number | null; repCountAny?: number[] } | undefined;
    const label = l === undefined ? 'unlabelled' : JSON.stringify(l.repCountAny ?? l.repCount ?? null);
    out.push({ clip, fps, label, combos });
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}

if (values.json) console.log(JSON.stringify(out, null, 2));
else {
  for (const c of out) {
    console.log(`\n${c.clip} at ${c.fps} fps (label: ${c.label} reps)`);
    console.log('smoothing              reps   lag (ms)   rep-peak lag (ms)   jitter (°)');
    for (const r of c.combos) {
      const f = (v: number | null, d = 0): string => (v === null ? '–' : v.toFixed(d));
      console.log(`${r.combo.padEnd(22)} ${String(r.reps).padStart(4)} ${f(r.lagMs).padStart(10)} ${f(r.peakLagMs).padStart(19)} ${f(r.jitterDeg, 2).padStart(12)}`);
    }
  }
}
