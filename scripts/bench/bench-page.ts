/**
 * Runs in headless Chromium (driven by scripts/bench.mjs): loads each detector on each backend
 * through the app's own PoseClient + worker, and times inference on fixture frames.
 */
import { PoseClient } from '../../src/capture/pose-client';
import type { DetectorId } from '../../src/pose/types';
import type { BackendChoice } from '../../workers/backend';

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
