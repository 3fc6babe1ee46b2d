/**
 * The pose worker: owns model loading and inference, so the UI thread never stalls on a model.
 * The client imports only `type PoseWorkerApi` from here (squoosh's pattern).
 */
import * as Comlink from 'comlink';
import type { DetectorId, PixelBox, PoseFrame } from '../src/pose/types';
import { DEFAULT_DETECTOR } from '../src/pose/detector-registry';
import { selectBackend, type BackendChoice, type BackendReport } from './backend';
import { createPoseEstimator, type ModelSource } from './detector';
import type { MaskReason } from '../src/geometry/back-contour-schedule';
import { createFramePipeline, DEFAULT_FRAME_PIPELINE_OPTIONS, type CroppedInput, type FramePipeline, type FramePipelineOptions } from './frame-pipeline';
import { createPersonCounter, type PersonCounter } from './person-counter';

export interface InitOptions {
  detector: DetectorId;
  backend: BackendChoice;
  /** Where models and wasm binaries are served, same origin (default '/models/'). */
  modelBaseUrl: string;
  /** When the back's silhouette is traced (default 'scheduled': near each rep's peak and at rest). */
  silhouette?: FramePipelineOptions['silhouette'];
}

/** Frames since init by why they did or did not get the person mask (the bench reads it). */
export type MaskCounts = Record<MaskReason, number>;

export interface InitReport extends BackendReport {
  detector: DetectorId;
  loadMs: number;
  /**
   * Whether the multi-person check (MoveNet MultiPose) loaded. When false, PoseFrames carry no
   * personCount and two people in view go unnoticed; pose estimation itself is unaffected.
   */
  personCounter: boolean;
  /** Why the person counter did not load, when it did not. */
  personCounterError?: string;
  /** Frame time between two person checks, ms: how stale a PoseFrame's personCount can be. */
  personCheckIntervalMs: number;
}

const DEFAULT_INIT_OPTIONS: InitOptions = { detector: DEFAULT_DETECTOR, backend: 'auto', modelBaseUrl: '/models/' };

/** Detector, person check and lifter lock: the same pipeline the Node analyser runs. */
let pipeline: FramePipeline<ImageBitmap> | null = null;
let backendReport: BackendReport | null = null;
let maskCounts: MaskCounts = { peak: 0, rest: 0, background: 0, skip: 0 };

function modelSourceFor(baseUrl: string): ModelSource {
  const base = baseUrl.endsWith('/') ? baseUrl : `${baseUrl}/`;
  return (fileName: string) => new URL(base + fileName, self.location.href).href;
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** The lifter's region as its own bitmap, same pixels (no scaling), as tf.slice does in Node. */
async function cropBitmap(frame: ImageBitmap, box: PixelBox): Promise<CroppedInput> {
  const cropped = await createImageBitmap(frame, box.x, box.y, box.width, box.height, {
    colorSpaceConversion: 'none',
    premultiplyAlpha: 'none',
  });
  return { input: cropped, release: () => cropped.close() };
}

const api = {
  /** Loads the detector on the chosen backend; reports what it actually chose. */
  async init(options: Partial<InitOptions> = {}): Promise<InitReport> {
    const opts: InitOptions = { ...DEFAULT_INIT_OPTIONS, ...options };
    const started = performance.now();
    // Model weights live on the backend they were loaded on, which init may change: reload both.
    pipeline?.dispose();
    pipeline = null;
    if (!backendReport || (opts.backend !== 'auto' && backendReport.backend !== opts.backend)) {
      backendReport = await selectBackend(opts.backend, opts.modelBaseUrl);
    }
    const modelSource = modelSourceFor(opts.modelBaseUrl);
    const estimator = await createPoseEstimator(opts.detector, modelSource);
    // The person check is an extra: if its model cannot load, say so and track without it.
    let personCounter: PersonCounter | null = null;
    let personCounterError: string | undefined;
    try {
      personCounter = await createPersonCounter(modelSource);
    } catch (error) {
      personCounterError = errorText(error);
    }
    pipeline = createFramePipeline<ImageBitmap>(
      { estimator, personFinder: personCounter, crop: cropBitmap },
      opts.silhouette === undefined ? {} : { silhouette: opts.silhouette },
    );
    maskCounts = { peak: 0, rest: 0, background: 0, skip: 0 };
    return {
      ...backendReport,
      detector: opts.detector,
      loadMs: performance.now() - started,
      personCounter: personCounter !== null,
      ...(personCounterError === undefined ? {} : { personCounterError }),
      personCheckIntervalMs: DEFAULT_FRAME_PIPELINE_OPTIONS.personCheckIntervalMs,
    };
  },

  /**
   * Estimates one frame. Takes ownership of the bitmap and always closes it. About once a
   * second of frame time the pipeline also checks for people in the same bitmap; every frame
   * carries the latest count as `personCount` (absent until the first check, and when the
   * counter is not loaded), and with several people the lifter lock (`lifterLock`, `lifterBox`).
   */
  async estimate(frame: ImageBitmap, timestampMs: number): Promise<PoseFrame> {
    try {
      if (!pipeline) throw new Error('expected init() before estimate(), got no detector loaded');
      const pose = await pipeline.estimate(frame, timestampMs);
      const reason = pipeline.lastMask;
      if (reason !== null) maskCounts[reason] += 1;
      return pose;
    } finally {
      frame.close();
    }
  },

  /** Frames since init by why they did or did not get the person mask. */
  maskCounts(): MaskCounts {
    return { ...maskCounts };
  },

  /** Forgets tracking state (new video, camera restarted): smoothing must not bridge sources. */
  reset(): void {
    pipeline?.reset();
  },

  dispose(): void {
    pipeline?.dispose();
    pipeline = null;
  },

  /**
   * Test builds only (the page's debug handle; the app is built with mode 'e2e' for the E2E
   * tests): makes the worker die the way an out-of-memory or driver crash would. In production
   * the body is dead code and the build drops it.
   */
  crashForTest(): void {
    if ((import.meta as unknown as { env: { MODE: string } }).env.MODE !== 'e2e') return;
    setTimeout(() => {
      setTimeout(() => self.close());
      throw new Error('pose worker crashed (test)');
    });
  },
};

export type PoseWorkerApi = typeof api;

Comlink.expose(api);
