#!/usr/bin/env node
// `npm run bench [-- --json] [-- --quick]`: measures, prints, asserts nothing. With --json the
// figures go to stdout and to test-results/bench-results.json.
//  1. detectors × backends in headless Chromium through the app's own worker (load ms, median
//     and p90 inference ms on frames of a fixture clip);
//  2. the lifter lock's cost: processed fps through the worker's frame pipeline on a one-person
//     clip and on the same clip beside its mirror (two people, lock on), side by side;
//  3. the analysis core's throughput (scripts/bench-core.ts) on one core;
//  4. the silhouette step (scripts/bench-silhouette.ts): person mask + back-contour trace, ms/frame;
//     and in the browser, processed fps with the mask on every frame, scheduled, and off;
//  5. live, in the built app with a fixture as Chromium's fake camera (scripts/bench-latency.ts):
//     fault-to-cue latency (capture of the deciding frame → cue painted) and main-thread long tasks.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(join(root, 'package.json'));
const json = process.argv.includes('--json');
const quick = process.argv.includes('--quick');
const log = (...a) => { if (!json) console.log(...a); else console.error(...a); };

const chromiumPath = [process.env.CHROMIUM_PATH, '/usr/bin/chromium'].find((p) => p && existsSync(p));
if (!chromiumPath) {
  console.error('bench: expected Chromium at /usr/bin/chromium or $CHROMIUM_PATH, got none (npm test installs it)');
  process.exit(1);
}
let ffmpeg = 'ffmpeg';
try { ffmpeg = require('@ffmpeg-installer/ffmpeg').path; } catch { /* system ffmpeg */ }

const clip = resolve(root, '../shared/fixtures/kickback/cable_kickback_cgi_dosipov.mp4');
const frameDir = mkdtempSync(join(tmpdir(), 'kickcheck-bench-'));
execFileSync(ffmpeg, ['-v', 'error', '-i', clip, '-vf', 'fps=1,scale=640:-2', '-frames:v', quick ? '4' : '8', join(frameDir, '%02d.png')]);
const frameFiles = readdirSync(frameDir).filter((f) => f.endsWith('.png')).sort();

const detectors = quick
  ? ['blazepose-lite', 'movenet-lightning']
  : ['blazepose-lite', 'blazepose-full', 'blazepose-heavy', 'movenet-lightning', 'movenet-thunder'];
const backends = ['wasm', 'webgl', 'webgpu'];
const cases = detectors.flatMap((detector) => backends.map((backend) => ({ detector, backend })));

const { createServer } = await import('vite');
const { chromium } = await import('playwright-core');
// No file watching or HMR: an edit elsewhere in the tree must not reload the page mid-run.
const server = await createServer({ root, logLevel: 'error', server: { port: 0, host: '127.0.0.1', hmr: false, watch: null } });
await server.listen();
const base = server.resolvedUrls.local[0];
const browser = await chromium.launch({
  executablePath: chromiumPath,
  headless: true,
  args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-quic', '--no-first-run', '--enable-unsafe-webgpu'],
});
// Lifter-lock frames: 10 fps of frame time (a check every 10th frame, as live), 640x480 letterboxed
// as the fake camera shows them; the lifter clip alone, and beside its own mirror.
const LOCK_FPS = 10;
const lockFrames = quick ? 20 : 50;
const letterbox = 'scale=640:480:force_original_aspect_ratio=decrease,pad=640:480:(ow-iw)/2:(oh-ih)/2';
const lockClips = [
  { name: 'one person', graph: `[0:v]fps=${LOCK_FPS},${letterbox}[v]` },
  { name: 'two people (lock on)', graph: `[0:v]fps=${LOCK_FPS},split[l][r];[r]hflip[m];[l][m]hstack=inputs=2,${letterbox}[v]` },
].map((c, i) => {
  const dir = join(frameDir, `lock-${i}`);
  execFileSync(ffmpeg, ['-v', 'error', '-ss', '3', '-i', clip, '-filter_complex', c.graph, '-map', '[v]', '-frames:v', String(lockFrames), `${dir}-%03d.png`]);
  return { name: c.name, urls: readdirSync(frameDir).filter((f) => f.startsWith(`lock-${i}-`)).sort().map((f) => `/bench-frames/${f}`) };
});

// Silhouette frames: the rep with rest on either side (dosipov 2-8 s, labels.json peak 5.2 s), 10 fps, as the camera shows it.
const maskDir = join(frameDir, 'mask');
execFileSync(ffmpeg, ['-v', 'error', '-ss', '2', '-t', '6', '-i', clip, '-vf', `fps=${LOCK_FPS},${letterbox}`, `${maskDir}-%03d.png`]);
const maskUrls = readdirSync(frameDir).filter((f) => f.startsWith('mask-')).sort().map((f) => `/bench-frames/${f}`);

let rows = [];
let lockRows = [];
let maskRows = [];
try {
  const page = await browser.newPage();
  await page.route('**/bench-frames/*', (route) =>
    route.fulfill({ contentType: 'image/png', body: readFileSync(join(frameDir, route.request().url().split('/').pop())) }));
  await page.goto(new URL('scripts/bench/bench.html', base).href);
  await page.waitForFunction(() => 'kickcheckBench' in globalThis, null, { timeout: 120_000 });
  const gpu = await page.evaluate(() => {
    const gl = document.createElement('canvas').getContext('webgl2');
    const info = gl?.getExtension('WEBGL_debug_renderer_info');
    return { webgl: gl ? String(gl.getParameter(info ? info.UNMASKED_RENDERER_WEBGL : gl.RENDERER)) : null, webgpu: 'gpu' in navigator };
  });
  log(`bench: Chromium ${browser.version()}, WebGL renderer: ${gpu.webgl ?? 'none'}, navigator.gpu: ${gpu.webgpu}`);
  log(`bench: lifter lock, blazepose-full on wasm, ${lockFrames} frames at ${LOCK_FPS} fps of frame time, back to back through the worker`);
  lockRows = await page.evaluate(
    ([clips, interval]) => globalThis.kickcheckLockBench(clips, 'blazepose-full', interval),
    [lockClips, 1000 / LOCK_FPS],
    { timeout: 600_000 },
  );
  for (const row of lockRows) {
    log(`${row.name.padEnd(22)} processed ${Number.isFinite(row.processedFps) ? row.processedFps.toFixed(2) : '–'} fps  (${row.lockedFrames}/${row.frames} frames locked)${row.error ? `  (${row.error.slice(0, 90)})` : ''}`);
  }
  const [one, two] = lockRows;
  if (one && two && Number.isFinite(one.processedFps) && Number.isFinite(two.processedFps)) {
    log(`lifter lock cost: ${((1 - two.processedFps / one.processedFps) * 100).toFixed(1)} % of processed fps`);
  }
  log(`bench: silhouette at the live rate, blazepose-full on wasm, ${maskUrls.length} frames at ${LOCK_FPS} fps of frame time (a rep with rest either side), back to back, rounds alternating`);
  maskRows = await page.evaluate(
    ([urls, interval, rounds]) => globalThis.kickcheckMaskBench(urls, 'blazepose-full', interval, ['every-frame', 'scheduled', 'off'], rounds),
    [maskUrls, 1000 / LOCK_FPS, quick ? 1 : 2],
    { timeout: 900_000 },
  );
  for (const row of maskRows) {
    log(`mask ${row.silhouette.padEnd(12)} processed ${Number.isFinite(row.processedFps) ? row.processedFps.toFixed(2) : '–'} fps  median ${Number.isFinite(row.medianMs) ? row.medianMs.toFixed(0) : '–'} ms/frame  mask on ${row.maskedFrames}/${row.frames} frames, back traced on ${row.contourFrames}${row.error ? `  (${row.error.slice(0, 90)})` : ''}`);
  }
  log(`bench: ${frameFiles.length} frames of ${clip.split('/').pop()} at 640 px, ${quick ? 1 : 2} rounds, first frame excluded from the median`);
  for (const c of cases) {
    const [row] = await page.evaluate(
      ([cs, urls, rounds]) => globalThis.kickcheckBench(cs, urls, rounds),
      [[c], frameFiles.map((f) => `/bench-frames/${f}`), quick ? 1 : 2],
      { timeout: 600_000 },
    );
    rows.push(row);
    const fmt = (n) => (Number.isFinite(n) ? n.toFixed(0).padStart(6) : '     –');
    log(`${row.detector.padEnd(18)} ${row.backend.padEnd(7)} used=${(row.backendUsed || '–').padEnd(7)} load ${fmt(row.loadMs)} ms  median ${fmt(row.medianMs)} ms  p90 ${fmt(row.p90Ms)} ms${row.error ? `  (${row.error.slice(0, 90)})` : ''}${row.backendUsed && row.backendUsed !== row.backend ? `  (${row.backend} not available here)` : ''}`);
  }
} finally {
  await browser.close();
  await server.close();
}

// Core throughput: the pure analysis pipeline on synthetic frames.
let core = null;
const coreScript = join(root, 'scripts/bench-core.ts');
if (existsSync(coreScript)) {
  const coreArgs = [require.resolve('tsx/cli'), coreScript, ...(json ? ['--json'] : [])];
  if (json) core = JSON.parse(execFileSync(process.execPath, coreArgs, { encoding: 'utf8' }));
  else execFileSync(process.execPath, coreArgs, { stdio: 'inherit' });
}

// Silhouette step (docs/performance.md#mask-only-where-it-matters): the person mask and the back-contour trace, per frame, in Node.
let silhouette = null;
const silhouetteScript = join(root, 'scripts/bench-silhouette.ts');
if (existsSync(silhouetteScript)) {
  const args = [require.resolve('tsx/cli'), silhouetteScript, `--frames=${quick ? 6 : 12}`, ...(json ? ['--json'] : [])];
  if (json) silhouette = JSON.parse(execFileSync(process.execPath, args, { encoding: 'utf8' }));
  else execFileSync(process.execPath, args, { stdio: 'inherit' });
}

// Live (docs/performance.md#fault-to-cue-latency-and-long-tasks-live): fault-to-cue latency and main-thread long tasks in the built app.
let live = null;
const latencyScript = join(root, 'scripts/bench-latency.ts');
if (existsSync(latencyScript)) {
  const args = [require.resolve('tsx/cli'), latencyScript, `--seconds=${quick ? 35 : 45}`, ...(json ? ['--json'] : [])];
  try {
    if (json) live = JSON.parse(execFileSync(process.execPath, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] }));
    else execFileSync(process.execPath, args, { stdio: 'inherit' });
  } catch (error) {
    log(`bench: live latency run failed: ${String(error).slice(0, 200)}`);
  }
}

if (json) {
  const results = { chromium: true, machine: { cpus: os.cpus().length, loadAverage: os.loadavg() }, detectors: rows, lifterLock: lockRows, silhouetteLive: maskRows, core, silhouette, live };
  // Beside the E2E screenshots (git-ignored): figures are per machine; docs/performance.md keeps the table.
  mkdirSync(join(root, 'test-results'), { recursive: true });
  const out = join(root, 'test-results/bench-results.json');
  writeFileSync(out, `${JSON.stringify(results, null, 2)}\n`);
  console.error(`bench: results written to ${out}`);
  console.log(JSON.stringify(results, null, 2));
}
