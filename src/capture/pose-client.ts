/**
 * Main-thread handle on the pose worker: starts it, loads a detector with fallback to the other
 * family when a model fails, and notices when the worker dies (error event, or an estimate that
 * never answers) so the session can restart it without losing what was counted.
 */
import * as Comlink from 'comlink';
import type { DetectorId, PoseFrame } from '../pose/types';
import type { InitOptions, InitReport, PoseWorkerApi } from '../../workers/pose.worker';

export interface PoseClientOptions extends InitOptions {
  /** An estimate that takes longer than this is treated as a dead worker. */
  estimateTimeoutMs: number;
}

export const DEFAULT_POSE_CLIENT_OPTIONS: PoseClientOptions = {
  detector: 'blazepose-full',
  backend: 'auto',
  modelBaseUrl: `${import.meta.env.BASE_URL}models/`,
  // ref: issue 2 measurements — heavy model in software WebGL is ~0.8 s/frame; 15 s is far past any sane frame.
  estimateTimeoutMs: 15_000,
};

/** If a detector's model fails to load, this one is tried instead. */
export const FALLBACK_DETECTOR: Record<DetectorId, DetectorId> = {
  'blazepose-lite': 'movenet-lightning',
  'blazepose-full': 'movenet-lightning',
  'blazepose-heavy': 'blazepose-full',
  'movenet-lightning': 'blazepose-lite',
  'movenet-thunder': 'movenet-lightning',
};

export class WorkerCrashedError extends Error {
  constructor(reason: string) {
    super(`The pose worker stopped (${reason}).`);
    this.name = 'WorkerCrashedError';
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

  /** (Re)starts the worker and loads the detector; falls back once to another detector. */
  async start(options: Partial<InitOptions> = {}): Promise<ReadyReport> {
    Object.assign(this.#opts, options);
    const api = this.#spawn();
    const { detector, backend, modelBaseUrl } = this.#opts;
    try {
      return await Promise.race([api.init({ detector, backend, modelBaseUrl }), this.#crashed]);
    } catch (error) {
      if (error instanceof WorkerCrashedError) throw error;
      const fallback = FALLBACK_DETECTOR[detector];
      const report = await Promise.race([api.init({ detector: fallback, backend, modelBaseUrl }), this.#crashed]);
      this.#opts.detector = fallback;
      return { ...report, fallbackFrom: { detector, reason: errorText(error) } };
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

  /** Test hook, reached from the page's debug handle only. */
  crashForTest(): void {
    void this.#api?.crashForTest();
  }

  terminate(): void {
    this.#api?.[Comlink.releaseProxy]();
    this.#worker?.terminate();
    this.#worker = null;
    this.#api = null;
  }
}
