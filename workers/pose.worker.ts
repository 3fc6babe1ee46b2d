/**
 * The pose worker: owns model loading and inference, so the UI thread never stalls on a model.
 * The client imports only `type PoseWorkerApi` from here (squoosh's pattern).
 */
import * as Comlink from 'comlink';
import type { DetectorId, PoseFrame } from '../src/pose/types';
import { selectBackend, type BackendChoice, type BackendReport } from './backend';
import { createPoseEstimator, type PoseEstimator } from './detector';

export interface InitOptions {
  detector: DetectorId;
  backend: BackendChoice;
  /** Where models and wasm binaries are served, same origin (default '/models/'). */
  modelBaseUrl: string;
}

export interface InitReport extends BackendReport {
  detector: DetectorId;
  loadMs: number;
}

const DEFAULT_INIT_OPTIONS: InitOptions = { detector: 'blazepose-full', backend: 'auto', modelBaseUrl: '/models/' };

let estimator: PoseEstimator | null = null;
let backendReport: BackendReport | null = null;

function modelSourceFor(baseUrl: string) {
  const base = baseUrl.endsWith('/') ? baseUrl : `${baseUrl}/`;
  return (fileName: string) => new URL(base + fileName, self.location.href).href;
}

const api = {
  /** Loads the detector on the chosen backend; reports what it actually chose. */
  async init(options: Partial<InitOptions> = {}): Promise<InitReport> {
    const opts: InitOptions = { ...DEFAULT_INIT_OPTIONS, ...options };
    const started = performance.now();
    estimator?.dispose();
    estimator = null;
    if (!backendReport || (opts.backend !== 'auto' && backendReport.backend !== opts.backend)) {
      backendReport = await selectBackend(opts.backend, opts.modelBaseUrl);
    }
    estimator = await createPoseEstimator(opts.detector, modelSourceFor(opts.modelBaseUrl));
    return { ...backendReport, detector: opts.detector, loadMs: performance.now() - started };
  },

  /** Estimates one frame. Takes ownership of the bitmap and always closes it. */
  async estimate(frame: ImageBitmap, timestampMs: number): Promise<PoseFrame> {
    try {
      if (!estimator) throw new Error('expected init() before estimate(), got no detector loaded');
      if (!Number.isFinite(timestampMs)) throw new Error(`expected a finite timestampMs, got ${timestampMs}`);
      return await estimator.estimate(frame, timestampMs);
    } finally {
      frame.close();
    }
  },

  /** Forgets tracking state (new video, camera restarted): smoothing must not bridge sources. */
  reset(): void {
    estimator?.reset();
  },

  dispose(): void {
    estimator?.dispose();
    estimator = null;
  },

  /** Test hook: makes the worker die the way an out-of-memory or driver crash would. */
  crashForTest(): void {
    setTimeout(() => {
      setTimeout(() => self.close());
      throw new Error('pose worker crashed (test)');
    });
  },
};

export type PoseWorkerApi = typeof api;

Comlink.expose(api);
