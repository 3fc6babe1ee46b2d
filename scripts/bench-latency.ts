/**
 * Live speed as a lifter meets it (docs/performance.md#fault-to-cue-latency-and-long-tasks-live): the built app (test mode, for its debug
 * handle) in headless Chromium, a fixture clip as the fake camera, for `--seconds` of camera time.
 *
 * Fault-to-cue latency. The clip (dosipov, a rep with a too-high kick and a flat torso, 6 s
 * looped) carries its frame index as a 13-block code in the letterbox below the picture, so the
 * page knows which y4m frame each presented frame is and when it was captured. The deciding
 * frame of each rep's cue is found by running every frame of two loops through the same
 * pipeline and analyser in Node: the frame at which the rep is complete and its verdict (the cue)
 * exists when every frame is analysed. Latency = the cue painted (requestAnimationFrame after the
 * DOM shows it) − the capture of that frame. What the app adds beyond the rule's own decision is
 * then inference, waiting for a free worker, the frames it skips, the main thread and painting.
 *
 * Long tasks: every main-thread task over 50 ms (PerformanceObserver 'longtask') during the
 * first 30 s after the first processed frame, and over the whole run.
 *
 * `npx tsx scripts/bench-latency.ts [--json] [--seconds=S] [--dist=DIR]`. Printed, never
 * asserted: timing depends on the machine and its load. The page's frame probe (reading the code
 * with a 2D canvas on each presented frame) costs the main thread about a millisecond a frame.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { chromium } from 'playwright-core';
import { build, preview } from 'vite';
import { createKickbackAnalyzer } from '../src/analysis/kickback-analyzer';
import { ffmpegPath } from '../src/node/ffmpeg-path';
import { decodeFrames, frameToTensor } from '../src/node/decode-frames';
import { createNodeFramePipeline } from '../src/node/node-frame-pipeline';
import { REPO_ROOT } from '../src/node/repo-paths';
import type { DetectorId } from '../src/pose/types';
import { DETECTOR_IDS, isDetectorId } from '../workers/detector';
import { FRAME_CODE, quantile, repCueLatencies, stampFrameIndex, type FrameCode } from './bench/latency-figures';

const USAGE = `usage: npx tsx scripts/bench-latency.ts [--json] [--seconds S] [--dist DIR]

Fault-to-cue latency and main-thread long tasks in the built app, a fixture as the fake camera.
  --seconds S  camera time after the first processed frame (default 45; long tasks: first 30 s)
  --dist DIR   serve this test build (vite build --mode e2e) instead of building one
  --deciding N the rep's deciding frame from an earlier run (skips the every-frame Node run)
  --detector D pose model, as the app's Detector menu names it (default blazepose-full)
  --compare    run again with a bitmap made for every camera frame (the frame loop before its skip)
  --json       print the figures as JSON on stdout (progress on stderr)
Printed, never asserted. Exit codes: 0 done, 1 error, 2 bad arguments.`;

let parsed;
try {
  parsed = parseArgs({ args: process.argv.slice(2), options: { json: { type: 'boolean' }, seconds: { type: 'string' }, detector: { type: 'string' }, dist: { type: 'string' }, deciding: { type: 'string' }, compare: { type: 'boolean' }, help: { type: 'boolean' } } });
} catch (error) {
  console.error(`bench-latency: ${(error as Error).message}\n${USAGE}`);
  process.exit(2);
}
if (parsed.values.help) {
  console.log(USAGE);
  process.exit(0);
}
const json = parsed.values.json ?? false;
const seconds = Number(parsed.values.seconds ?? 45);
if (!(seconds >= 10)) {
  console.error(`bench-latency: expected --seconds >= 10, got ${parsed.values.seconds}\n${USAGE}`);
  process.exit(2);
}
const compare = parsed.values.compare ?? false;
const detector = (parsed.values.detector ?? 'blazepose-full') as DetectorId;
if (!isDetectorId(detector)) {
  console.error(`bench-latency: expected --detector one of ${DETECTOR_IDS.join(', ')}, got ${detector}\n${USAGE}`);
  process.exit(2);
}
const decidingArg = parsed.values.deciding === undefined ? null : Number(parsed.values.deciding);
if (decidingArg !== null && !(Number.isInteger(decidingArg) && decidingArg >= 0)) {
  console.error(`bench-latency: expected --deciding a frame index, got ${parsed.values.deciding}\n${USAGE}`);
  process.exit(2);
}
const log = (...a: unknown[]) => (json ? console.error(...a) : console.log(...a));

const CLIP = resolve(REPO_ROOT, '../shared/fixtures/kickback/cable_kickback_cgi_dosipov.mp4');
/** The part of the clip that loops: rest, one rep (peak at 5.2 s in the clip, labels.json), rest. */
const CLIP_FROM_S = 2;
const CLIP_SECONDS = 6;
const FPS = 30;
const W = 640;
const H = 480;
const LONG_TASK_WINDOW_S = 30;

/** The looped clip as y4m, 640x480 letterboxed like the app's fake-camera tests, each frame's index coded in the bottom band. */
function codedY4m(dir: string): string {
  const out = join(dir, 'latency.y4m');
  execFileSync(ffmpegPath(), [
    '-v', 'error', '-y', '-ss', String(CLIP_FROM_S), '-t', String(CLIP_SECONDS), '-i', CLIP,
    '-vf', `fps=${FPS},scale=${W}:${H}:force_original_aspect_ratio=decrease,pad=${W}:${H}:(ow-iw)/2:(oh-ih)/2,format=yuv420p`,
    '-f', 'yuv4mpegpipe', out,
  ]);
  const data = readFileSync(out);
  const frameBytes = W * H * 1.5;
  let at = data.indexOf(0x0a) + 1; // after the stream header
  let index = 0;
  while (at < data.length) {
    const headerEnd = data.indexOf(0x0a, at);
    if (headerEnd < 0 || data.toString('latin1', at, at + 5) !== 'FRAME') throw new Error(`expected a FRAME header at byte ${at}`);
    const y = headerEnd + 1;
    stampFrameIndex(data.subarray(y, y + W * H), W, index);
    at = y + frameBytes;
    index += 1;
  }
  writeFileSync(out, data);
  return out;
}

/** The frame (index within the loop) at which each loop's rep is complete when every frame is analysed: loop 1, then loop 2 (and after). */
async function decidingFrames(y4m: string): Promise<{ first: number | null; later: number | null; frames: number }> {
  const pipeline = await createNodeFramePipeline(detector);
  const analyzer = createKickbackAnalyzer({ includeLandmarks: true });
  const found: (number | null)[] = [null, null];
  let frames = 0;
  try {
    for (let loop = 0; loop < 2; loop += 1) {
      let i = 0;
      for await (const decoded of decodeFrames(y4m)) {
        const tensor = frameToTensor(decoded);
        try {
          const pose = await pipeline.estimate(tensor, ((loop * CLIP_SECONDS * FPS + decoded.frameIndex) * 1000) / FPS);
          const analysis = analyzer.push(pose);
          if (analysis.completedRep && found[loop] === null) found[loop] = decoded.frameIndex;
        } finally {
          tensor.dispose();
        }
        i += 1;
      }
      frames = i;
    }
  } finally {
    pipeline.dispose();
  }
  return { first: found[0] ?? null, later: found[1] ?? null, frames };
}

/** Installed in the page before the app: frame probe, cue-paint observer, long-task observer. */
function pageProbe(code: FrameCode): void {
  interface Rec {
    frames: { index: number; captureMs: number | null; presentedMs: number; nowMs: number }[];
    cues: { paintMs: number; text: string; reps: number; ruleId: string | null }[];
    longTasks: { startMs: number; durationMs: number }[];
    errors: string[];
    size: string | null;
  }
  const rec: Rec = { frames: [], cues: [], longTasks: [], errors: [], size: null };
  (globalThis as unknown as { __bench: Rec }).__bench = rec;
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) rec.longTasks.push({ startMs: e.startTime, durationMs: e.duration });
    }).observe({ type: 'longtask', buffered: true });
  } catch (error) {
    rec.errors.push(`longtask: ${String(error)}`);
  }
  const handle = () => (globalThis as unknown as { __kickcheck?: { reps: unknown[]; cue: { ruleId?: string } | null } }).__kickcheck;
  let lastText: string | null = null;
  const watchCue = () => {
    const text = document.querySelector('[data-testid="cue"]')?.textContent?.trim() ?? null;
    if (text === lastText) return;
    lastText = text;
    if (!text) return;
    const reps = handle()?.reps.length ?? 0;
    const ruleId = handle()?.cue?.ruleId ?? null;
    requestAnimationFrame(() => rec.cues.push({ paintMs: performance.now(), text, reps, ruleId }));
  };
  const start = () => {
    new MutationObserver(watchCue).observe(document.body, { subtree: true, childList: true, characterData: true });
    const canvas = document.createElement('canvas');
    canvas.width = (code.bits + 1) * code.block;
    canvas.height = 1;
    const ctx = canvas.getContext('2d', { willReadFrequently: true });
    let video: HTMLVideoElement | null = null;
    const onFrame = (now: number, meta: VideoFrameCallbackMetadata) => {
      if (!video || !ctx) return;
      try {
        // The code was drawn on a 640x480 frame; the track may arrive scaled.
        const sx = video.videoWidth / 640;
        const sy = video.videoHeight / 480;
        if (rec.size === null) rec.size = `${video.videoWidth}x${video.videoHeight}`;
        ctx.drawImage(video, 0, (code.y + code.h / 2) * sy, canvas.width * sx, Math.max(1, sy), 0, 0, canvas.width, 1);
        const px = ctx.getImageData(0, 0, canvas.width, 1).data;
        const lit = (b: number) => (px[(b * code.block + code.block / 2) * 4] ?? 0) > 128;
        if (lit(code.bits)) {
          let index = 0;
          for (let b = 0; b < code.bits; b += 1) if (lit(b)) index |= 1 << b;
          rec.frames.push({ index, captureMs: meta.captureTime ?? null, presentedMs: meta.presentationTime, nowMs: now });
        }
      } catch (error) {
        if (rec.errors.length < 5) rec.errors.push(`probe: ${String(error)}`);
      }
      video.requestVideoFrameCallback(onFrame);
    };
    const find = () => {
      // The camera's <video>: the one playing a stream (the app may hold others).
      const v = Array.from(document.querySelectorAll('video')).find((el) => el.srcObject !== null && el.readyState >= 2);
      if (v) {
        video = v;
        video.requestVideoFrameCallback(onFrame);
      } else setTimeout(find, 50);
    };
    find();
  };
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
  else start();
}

interface Stats {
  processedFrames: number;
  processedFps: number;
  cameraFps: number;
  inferenceMs: number;
  latencyMs: number;
  droppedFrames: number;
}

const workDir = mkdtempSync(join(tmpdir(), 'kickcheck-latency-'));
log('bench-latency: coding the fixture frames and finding each rep\'s deciding frame (every frame, Node) …');
const y4m = codedY4m(workDir);
const decided = decidingArg === null ? await decidingFrames(y4m) : { first: decidingArg, later: decidingArg, frames: CLIP_SECONDS * FPS };
log(`bench-latency: ${decided.frames} frames a loop; rep decided at frame ${decided.first} (first loop) and ${decided.later} (later loops) with every frame analysed`);

let distDir = parsed.values.dist ? resolve(parsed.values.dist) : '';
if (!distDir || !existsSync(join(distDir, 'index.html'))) {
  distDir = distDir || join(workDir, 'dist');
  log(`bench-latency: building the test app into ${distDir} …`);
  await build({ root: REPO_ROOT, logLevel: 'warn', mode: 'e2e', configFile: join(REPO_ROOT, 'vite.config.ts'), build: { outDir: distDir, emptyOutDir: true } });
}
const server = await preview({ root: REPO_ROOT, configFile: join(REPO_ROOT, 'vite.config.ts'), build: { outDir: distDir }, preview: { port: 0, host: '127.0.0.1', strictPort: false } });
const baseUrl = server.resolvedUrls?.local[0];
if (!baseUrl) throw new Error('expected vite preview to report a local URL, got none');
const chromiumPath = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p) => p && existsSync(p));
if (!chromiumPath) throw new Error('expected Chromium at /usr/bin/chromium or $CHROMIUM_PATH, got none');
const browser = await chromium.launch({
  executablePath: chromiumPath,
  headless: true,
  args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-quic', '--no-first-run',
    '--use-fake-device-for-media-stream', `--use-file-for-fake-video-capture=${y4m}`],
});
/** One live run of `seconds`; `everyBitmap`: the frame loop makes a bitmap for every frame (the A/B switch of test builds). */
async function session(everyBitmap: boolean): Promise<Record<string, unknown>> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, baseURL: baseUrl, serviceWorkers: 'block' });
  await context.grantPermissions(['camera'], { origin: new URL(baseUrl as string).origin });
  const page = await context.newPage();
  // tsx (esbuild, keepNames) wraps the probe's inner functions in __name(…): the page needs it too.
  await page.addInitScript({ content: 'globalThis.__name ??= (f) => f;' });
  await page.addInitScript(pageProbe, FRAME_CODE);
  if (everyBitmap) await page.addInitScript(() => ((globalThis as unknown as { __kickcheckEveryBitmap: boolean }).__kickcheckEveryBitmap = true));
  await page.goto('/');
  await page.waitForFunction(() => '__kickcheck' in globalThis, undefined, { timeout: 60_000 });
  // The fake camera's own size: asked for 1280x720 it may crop the 4:3 frames (and the code).
  await page.getByTestId('camera-settings').click();
  await page.getByLabel('Resolution').selectOption('640x480');
  await page.getByTestId('detector').selectOption(detector);
  await page.getByTestId('camera-settings').click();
  await page.getByTestId('start-camera').click();
  await page.waitForFunction(() => ((globalThis as unknown as { __kickcheck: { stats: Stats } }).__kickcheck.stats.processedFrames ?? 0) >= 1, undefined, { timeout: 180_000, polling: 100 });
  const startedMs = await page.evaluate(() => performance.now());
  log(`bench-latency: first frame processed; running ${seconds} s …`);
  const samples: Stats[] = [];
  for (let s = 0; s < seconds; s += 1) {
    await page.waitForTimeout(1000);
    samples.push(await page.evaluate(() => ({ ...(globalThis as unknown as { __kickcheck: { stats: Stats } }).__kickcheck.stats })));
  }
  const rec = await page.evaluate(() => (globalThis as unknown as { __bench: unknown }).__bench) as {
    frames: { index: number; captureMs: number | null; presentedMs: number; nowMs: number }[];
    cues: { paintMs: number; text: string; reps: number; ruleId: string | null }[];
    longTasks: { startMs: number; durationMs: number }[];
    errors: string[];
    size: string | null;
  };
  const report = await page.evaluate(() => (globalThis as unknown as { __kickcheck: { report: { backend: string; detector: string } | null } }).__kickcheck.report);
  const frameMs = 1000 / FPS;
  // Capture clock: the frame's captureTime when Chromium gives one on performance.now()'s clock, else its presentation time.
  const sane = rec.frames.filter((f) => f.captureMs !== null && f.captureMs <= f.nowMs + 1 && f.nowMs - f.captureMs < 1000).length;
  const useCapture = rec.frames.length > 0 && sane === rec.frames.length;
  const at = (f: (typeof rec.frames)[number]) => (useCapture ? (f.captureMs as number) : f.presentedMs);
  // The first rep after the camera starts is left out (repCueLatencies' firstRep): the analyser
  // meets the set mid-loop and is still learning the rest level there, unlike the every-frame run
  // the deciding frame comes from.
  const deciding = decided.later ?? decided.first;
  const probed = rec.frames.map((f) => ({ index: f.index, atMs: at(f) }));
  const repCues = deciding === null ? [] : repCueLatencies(rec.cues, probed, deciding, frameMs);
  const latencies = repCues.map((r) => r.latencyMs);
  const steady = samples.slice(Math.min(5, samples.length - 1));
  const inferenceMs = quantile(steady.map((s) => s.inferenceMs).filter((v) => v > 0), 0.5);
  const windowEnd = startedMs + LONG_TASK_WINDOW_S * 1000;
  const inWindow = rec.longTasks.filter((t) => t.startMs >= startedMs && t.startMs < windowEnd);
  await context.close();
  return {
    benchmark: 'live-latency',
    everyBitmap,
    videoSize: rec.size,
    detector: report?.detector ?? null,
    backend: report?.backend ?? null,
    fixture: `${CLIP.split('/').pop()} ${CLIP_FROM_S}-${CLIP_FROM_S + CLIP_SECONDS} s, looped, ${W}x${H} @ ${FPS} fps`,
    seconds,
    captureClock: useCapture ? 'captureTime' : 'presentationTime',
    decidingFrame: { firstLoop: decided.first, laterLoops: decided.later },
    faultToCue: {
      reps: repCues.length,
      medianMs: quantile(latencies, 0.5),
      p95Ms: quantile(latencies, 0.95),
      samplesMs: latencies.map((v) => Math.round(v)),
      cues: [...new Set(repCues.map((r) => r.text))],
    },
    inferenceMs,
    frameToPoseMs: quantile(steady.map((s) => s.latencyMs).filter((v) => v > 0), 0.5),
    cameraFrameMs: frameMs,
    goalMs: inferenceMs + frameMs + 50,
    processedFps: quantile(steady.map((s) => s.processedFps), 0.5),
    cameraFps: quantile(steady.map((s) => s.cameraFps), 0.5),
    droppedFrames: samples.at(-1)?.droppedFrames ?? null,
    longTasks: {
      windowS: LONG_TASK_WINDOW_S,
      count: inWindow.length,
      maxMs: inWindow.length ? Math.max(...inWindow.map((t) => t.durationMs)) : 0,
      totalMs: inWindow.reduce((a, t) => a + t.durationMs, 0),
      wholeRunCount: rec.longTasks.filter((t) => t.startMs >= startedMs).length,
      beforeFirstFrameCount: rec.longTasks.filter((t) => t.startMs < startedMs).length,
    },
    probedFrames: rec.frames.length,
    errors: rec.errors,
  };
}

let result: Record<string, unknown>;
try {
  result = await session(false);
  if (compare) {
    log('bench-latency: again with a bitmap for every frame (as before the skip) …');
    const b = await session(true);
    result.everyBitmapRun = { processedFps: b.processedFps, inferenceMs: b.inferenceMs, frameToPoseMs: b.frameToPoseMs, faultToCue: b.faultToCue, longTasks: b.longTasks, cameraFps: b.cameraFps };
  }
} finally {
  await browser.close();
  await new Promise<void>((r) => server.httpServer.close(() => r()));
}

if (json) console.log(JSON.stringify(result, null, 2));
else {
  const r = result as {
    detector: string; backend: string; captureClock: string; faultToCue: { reps: number; medianMs: number; p95Ms: number; samplesMs: number[]; cues: string[] };
    inferenceMs: number; frameToPoseMs: number; goalMs: number; processedFps: number; cameraFps: number;
    longTasks: { windowS: number; count: number; maxMs: number; wholeRunCount: number; beforeFirstFrameCount: number };
  };
  const f = (n: number) => (Number.isFinite(n) ? n.toFixed(0) : '–');
  console.log(`live (${r.detector} on ${r.backend}, fake camera, ${seconds} s; capture clock: ${r.captureClock}):`);
  console.log(`  fault-to-cue latency: median ${f(r.faultToCue.medianMs)} ms, p95 ${f(r.faultToCue.p95Ms)} ms over ${r.faultToCue.reps} reps (${r.faultToCue.samplesMs.join(', ')}); cue: ${r.faultToCue.cues.join(' / ')}`);
  console.log(`  beside it: inference ${f(r.inferenceMs)} ms, frame→pose ${f(r.frameToPoseMs)} ms; goal (inference + one camera frame + 50 ms) ${f(r.goalMs)} ms`);
  console.log(`  processed ${r.processedFps.toFixed(1)} fps of ${r.cameraFps.toFixed(1)} camera fps`);
  const e = (result as { everyBitmapRun?: { processedFps: number; inferenceMs: number; faultToCue: { medianMs: number; reps: number }; longTasks: { count: number } } }).everyBitmapRun;
  if (e) console.log(`  with a bitmap for every frame (before): processed ${e.processedFps.toFixed(1)} fps, inference ${f(e.inferenceMs)} ms, fault-to-cue median ${f(e.faultToCue.medianMs)} ms over ${e.faultToCue.reps} reps, long tasks ${e.longTasks.count}`);
  console.log(`  main-thread long tasks (> 50 ms) in the first ${r.longTasks.windowS} s: ${r.longTasks.count} (longest ${f(r.longTasks.maxMs)} ms); whole run ${r.longTasks.wholeRunCount}; before the first frame ${r.longTasks.beforeFirstFrameCount}`);
}
