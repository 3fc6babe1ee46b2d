/**
 * Runs in headless Chromium (driven by scripts/bench.mjs): loads each detector on each backend
 * through the app's own PoseClient + worker, and times inference on fixture frames.
 */
import { PoseClient } from '../../src/capture/pose-client';
import type { DetectorId } from '../../src/pose/types';
import type { BackendChoice } from '../../workers/backend';
import type { PoseWorkerApi } from '../../workers/pose.worker';

export interface BenchCase {
  detector: DetectorId;
  backend: BackendChoice;
}

export interface BenchRow extends BenchCase {
  /** Backend actually used (a forced backend may be unavailable and fall through). */
  backendUsed: string;
  loadMs: number;
  firstFrameMs: number;
  medianMs: number;
  p90Ms: number;
  frames: number;
  error?: string;
}

function quantile(sorted: number[], q: number): number {
  if (!sorted.length) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
}

async function runCase(c: BenchCase, frames: Blob[], rounds: number): Promise<BenchRow> {
  const client = new PoseClient({ estimateTimeoutMs: 60_000 });
  try {
    const report = await client.start({ detector: c.detector, backend: c.backend, modelBaseUrl: '/models/' });
    if (report.fallbackFrom) throw new Error(`model failed, fell back to ${report.detector}`);
    const times: number[] = [];
    let t = 0;
    let firstFrameMs = NaN;
    for (let r = 0; r < rounds; r++) {
      for (const blob of frames) {
        const bitmap = await createImageBitmap(blob);
        const started = performance.now();
        await client.estimate(bitmap, (t += 33.3));
        const ms = performance.now() - started;
        if (Number.isNaN(firstFrameMs)) firstFrameMs = ms;
        else times.push(ms);
      }
    }
    times.sort((a, b) => a - b);
    return { ...c, backendUsed: report.backend, loadMs: report.loadMs, firstFrameMs, medianMs: quantile(times, 0.5), p90Ms: quantile(times, 0.9), frames: times.length };
  } catch (error) {
    return { ...c, backendUsed: '', loadMs: NaN, firstFrameMs: NaN, medianMs: NaN, p90Ms: NaN, frames: 0, error: String(error) };
  } finally {
    client.terminate();
  }
}

async function run(cases: BenchCase[], frameUrls: string[], rounds: number): Promise<BenchRow[]> {
  const frames = await Promise.all(frameUrls.map(async (u) => (await fetch(u)).blob()));
  const rows: BenchRow[] = [];
  for (const c of cases) {
    rows.push(await runCase(c, frames, rounds));
    document.getElementById('log')!.textContent = JSON.stringify(rows, null, 1);
  }
  return rows;
}

(globalThis as unknown as { kickcheckBench: typeof run }).kickcheckBench = run;

export interface LockBenchRow {
  name: string;
  frames: number;
  /** Frames processed per second of wall time, back to back through the worker (the app's pipeline). */
  processedFps: number;
  /** Frames whose PoseFrame says lifterLock 'locked'. */
  lockedFrames: number;
  error?: string;
}

/**
 * Lifter-lock cost: the same detector on consecutive frames of a one-person clip and of a
 * two-person clip (lock on), timestamps at `intervalMs` so the person check runs on its real
 * schedule (once a second of frame time). Wall time includes checks, crops and model resets.
 */
async function runLock(clips: { name: string; urls: string[] }[], detector: DetectorId, intervalMs: number): Promise<LockBenchRow[]> {
  const rows: LockBenchRow[] = [];
  for (const clip of clips) {
    const client = new PoseClient({ estimateTimeoutMs: 60_000 });
    try {
      await client.start({ detector, backend: 'wasm', modelBaseUrl: '/models/' });
      const bitmaps = await Promise.all(clip.urls.map(async (u) => createImageBitmap(await (await fetch(u)).blob())));
      // One frame first: model warm-up is not the lock's cost.
      await client.estimate(await createImageBitmap(bitmaps[0]!), 0);
      await client.reset();
      let locked = 0;
      const started = performance.now();
      for (const [i, bitmap] of bitmaps.entries()) {
        const pose = await client.estimate(bitmap, i * intervalMs);
        if (pose.lifterLock === 'locked') locked++;
      }
      const wallMs = performance.now() - started;
      rows.push({ name: clip.name, frames: bitmaps.length, processedFps: (bitmaps.length * 1000) / wallMs, lockedFrames: locked });
    } catch (error) {
      rows.push({ name: clip.name, frames: 0, processedFps: NaN, lockedFrames: 0, error: String(error) });
    } finally {
      client.terminate();
    }
    document.getElementById('log')!.textContent = JSON.stringify(rows, null, 1);
  }
  return rows;
}

(globalThis as unknown as { kickcheckLockBench: typeof runLock }).kickcheckLockBench = runLock;

export interface MaskBenchRow {
  silhouette: 'off' | 'scheduled' | 'every-frame';
  frames: number;
  /** Frames processed per second of wall time, back to back through the worker. */
  processedFps: number;
  /** Median estimate round trip, ms. */
  medianMs: number;
  /** Frames given the person mask (worker's count) and frames carrying a traced back. */
  maskedFrames: number;
  contourFrames: number;
  error?: string;
}

/**
 * The silhouette's cost at the live rate: the same frames (a rep at 10 fps of frame time) through
 * the app's worker with the person mask on every frame, on the schedule (near each peak and at
 * rest, src/geometry/back-contour-schedule.ts), and off. The worker is driven directly (not via
 * PoseClient) so the bench can choose the silhouette mode at init.
 */
async function runMask(urls: string[], detector: DetectorId, intervalMs: number, modes: MaskBenchRow['silhouette'][], rounds: number): Promise<MaskBenchRow[]> {
  const Comlink = await import('comlink');
  const blobs = await Promise.all(urls.map(async (u) => (await fetch(u)).blob()));
  const rows: MaskBenchRow[] = [];
  // Rounds alternate the modes so a busy neighbour slows each alike.
  const acc = new Map<string, { wallMs: number; frames: number; times: number[]; masked: number; contours: number; error?: string }>();
  for (let round = 0; round < rounds; round += 1) {
    for (const mode of modes) {
      const a = acc.get(mode) ?? { wallMs: 0, frames: 0, times: [], masked: 0, contours: 0 };
      acc.set(mode, a);
      const worker = new Worker(new URL('../../workers/pose.worker.ts', import.meta.url), { type: 'module', name: 'pose-bench' });
      const api = Comlink.wrap<PoseWorkerApi>(worker);
      try {
        await api.init({ detector, backend: 'wasm', modelBaseUrl: '/models/', silhouette: mode });
        const first = await createImageBitmap(blobs[0]!);
        await api.estimate(Comlink.transfer(first, [first]), 0);
        await api.reset();
        const bitmaps = await Promise.all(blobs.map((b) => createImageBitmap(b)));
        const started = performance.now();
        for (const [i, bitmap] of bitmaps.entries()) {
          const t0 = performance.now();
          const pose = await api.estimate(Comlink.transfer(bitmap, [bitmap]), i * intervalMs);
          a.times.push(performance.now() - t0);
          if (pose.backContour !== undefined) a.contours += 1;
        }
        a.wallMs += performance.now() - started;
        a.frames += bitmaps.length;
        const counts = await api.maskCounts();
        // The warm-up frame was counted before reset; maskCounts runs from init.
        a.masked += counts.peak + counts.rest + counts.background - (mode === 'off' ? 0 : 1);
      } catch (error) {
        a.error = String(error);
      } finally {
        api[Comlink.releaseProxy]();
        worker.terminate();
      }
    }
  }
  for (const mode of modes) {
    const a = acc.get(mode)!;
    const sorted = [...a.times].sort((x, y) => x - y);
    rows.push({
      silhouette: mode,
      frames: a.frames,
      processedFps: a.wallMs > 0 ? (a.frames * 1000) / a.wallMs : NaN,
      medianMs: quantile(sorted, 0.5),
      maskedFrames: Math.max(0, a.masked),
      contourFrames: a.contours,
      ...(a.error === undefined ? {} : { error: a.error }),
    });
  }
  document.getElementById('log')!.textContent = JSON.stringify(rows, null, 1);
  return rows;
}

(globalThis as unknown as { kickcheckMaskBench: typeof runMask }).kickcheckMaskBench = runMask;
