/**
 * Main-thread handle on the pose worker: starts it, loads a detector with fallback to the other
 * family when a model fails, and notices when the worker dies (error event, or an estimate that
 * never answers) so the session can restart it without losing what was counted.
 */
import * as Comlink from 'comlink';
import { DEFAULT_DETECTOR, DETECTORS } from '../pose/detector-registry';
import type { DetectorId, PoseFrame } from '../pose/types';
import type { InitOptions, InitReport, PoseWorkerApi } from '../../workers/pose.worker';

export interface PoseClientOptions extends InitOptions {
  /** An estimate that takes longer than this is treated as a dead worker. */
  estimateTimeoutMs: number;
  /** A model load (one detector, one try) that takes longer than this is abandoned with its worker. */
  loadTimeoutMs: number;
}

export const DEFAULT_POSE_CLIENT_OPTIONS: PoseClientOptions = {
  detector: DEFAULT_DETECTOR,
  backend: 'auto',
  modelBaseUrl: `${import.meta.env.BASE_URL}models/`,
  // ref: docs/design.md#detector-speed — the slowest measured frame, BlazePose heavy in software
  // WebGL, takes 3.8 s (median; p90 4.1 s): 15 s is far past any sane frame.
  estimateTimeoutMs: 15_000,
  // ref: README "Measured speed" — loads take 0.6–1.3 s on the 2-core dev machine once cached;
  // a first visit downloads up to ~42 MB (heavy + detector + person check), ~35 s at 10 Mbit/s.
  loadTimeoutMs: 60_000,
};

export class WorkerCrashedError extends Error {
  constructor(reason: string) {
    super(`The pose worker stopped (${reason}).`);
    this.name = 'WorkerCrashedError';
  }
}

/** The model did not answer in time; the load was abandoned (its worker terminated). */
export class ModelLoadTimeoutError extends Error {
  constructor(detector: DetectorId, timeoutMs: number) {
    super(`${detector} did not load in ${Math.round(timeoutMs / 1000)} s`);
    this.name = 'ModelLoadTimeoutError';
  }
}

/** The caller gave up on the load (Stop pressed while loading). */
export class LoadCancelledError extends Error {
  constructor() {
    super('model load cancelled');
    this.name = 'AbortError';
  }
}

export interface ReadyReport extends InitReport {
  /** Set when the asked-for detector failed and another was loaded instead. */
  fallbackFrom?: { detector: DetectorId; reason: string };
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export class PoseClient {
  #worker: Worker | null = null;
  #api: Comlink.Remote<PoseWorkerApi> | null = null;
  #crash: ((error: WorkerCrashedError) => void) | null = null;
  #crashed: Promise<never> = new Promise(() => {});
  readonly #opts: PoseClientOptions;

  constructor(options: Partial<PoseClientOptions> = {}) {
    this.#opts = { ...DEFAULT_POSE_CLIENT_OPTIONS, ...options };
  }

  #spawn(): Comlink.Remote<PoseWorkerApi> {
    this.terminate();
    const worker = new Worker(new URL('../../workers/pose.worker.ts', import.meta.url), { type: 'module', name: 'pose' });
    this.#crashed = new Promise<never>((_, reject) => {
      this.#crash = reject;
    });
    this.#crashed.catch(() => {});
    worker.addEventListener('error', (event) => {
      event.preventDefault();
      this.#crash?.(new WorkerCrashedError(event.message || 'uncaught error'));
    });
    this.#worker = worker;
    this.#api = Comlink.wrap<PoseWorkerApi>(worker);
    return this.#api;
  }

  /**
   * (Re)starts the worker and loads the detector; falls back once to another detector when the
   * load fails or times out. `signal` cancels the load: the worker is terminated, nothing that
   * was loading can answer later, and the promise rejects with LoadCancelledError.
   */
  async start(options: Partial<InitOptions & Pick<PoseClientOptions, 'loadTimeoutMs'>> = {}, signal?: AbortSignal): Promise<ReadyReport> {
    Object.assign(this.#opts, options);
    const { detector } = this.#opts;
    try {
      return await this.#load(detector, true, signal);
    } catch (error) {
      if (error instanceof WorkerCrashedError || error instanceof LoadCancelledError) throw error;
      // The registry names each detector's fallback (src/pose/detector-registry.ts).
      const fallback = DETECTORS[detector].fallback;
      // A load that timed out left its worker busy (terminated): the fallback gets a fresh one.
      const report = await this.#load(fallback, this.#api === null, signal);
      this.#opts.detector = fallback;
      return { ...report, fallbackFrom: { detector, reason: errorText(error) } };
    }
  }

  async #load(detector: DetectorId, fresh: boolean, signal: AbortSignal | undefined): Promise<InitReport> {
    if (signal?.aborted) throw new LoadCancelledError();
    const api = fresh || !this.#api ? this.#spawn() : this.#api;
    const { backend, modelBaseUrl, loadTimeoutMs } = this.#opts;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let onAbort: (() => void) | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new ModelLoadTimeoutError(detector, loadTimeoutMs)), loadTimeoutMs);
    });
    const cancelled = new Promise<never>((_, reject) => {
      onAbort = () => reject(new LoadCancelledError());
      signal?.addEventListener('abort', onAbort, { once: true });
    });
    try {
      return await Promise.race([api.init({ detector, backend, modelBaseUrl }), this.#crashed, timeout, cancelled]);
    } catch (error) {
      // The worker may still be fetching or compiling: it must never answer into a later run.
      if (error instanceof ModelLoadTimeoutError || error instanceof LoadCancelledError) this.terminate();
      throw error;
    } finally {
      clearTimeout(timer);
      if (onAbort) signal?.removeEventListener('abort', onAbort);
    }
  }

  async estimate(bitmap: ImageBitmap, timestampMs: number): Promise<PoseFrame> {
    const api = this.#api;
    if (!api) {
      bitmap.close();
      throw new Error('expected a started pose worker, got none');
    }
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () => reject(new WorkerCrashedError(`no answer in ${this.#opts.estimateTimeoutMs / 1000} s`)),
        this.#opts.estimateTimeoutMs,
      );
    });
    try {
      return await Promise.race([api.estimate(Comlink.transfer(bitmap, [bitmap]), timestampMs), this.#crashed, timeout]);
    } finally {
      clearTimeout(timer);
    }
  }

  async reset(): Promise<void> {
    await this.#api?.reset();
  }

  /** Test builds only (the page's debug handle): a no-op in production. */
  crashForTest(): void {
    if (import.meta.env.MODE === 'e2e') void this.#api?.crashForTest();
  }

  terminate(): void {
    this.#api?.[Comlink.releaseProxy]();
    this.#worker?.terminate();
    this.#worker = null;
    this.#api = null;
  }
}
