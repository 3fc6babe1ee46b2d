/**
 * The pose worker: owns model loading and inference, so the UI thread never stalls on a model.
 * The client imports only `type PoseWorkerApi` from here (squoosh's pattern).
 */
import * as Comlink from 'comlink';
import type { DetectorId, PoseFrame } from '../src/pose/types';
import { selectBackend, type BackendChoice, type BackendReport } from './backend';
import { createPoseEstimator, type ModelSource, type PoseEstimator } from './detector';
import { createPersonCounter, type PersonCounter } from './person-counter';

export interface InitOptions {
  detector: DetectorId;
  backend: BackendChoice;
  /** Where models and wasm binaries are served, same origin (default '/models/'). */
  modelBaseUrl: string;
}

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

/**
 * The person counter runs at most once per this many milliseconds of frame time: it costs about
 * one MoveNet Lightning inference, too much to add to every frame, and someone stepping into
 * view is still reported within a second. (Not exported: the main thread imports only types
 * from this module.)
 */
const PERSON_CHECK_INTERVAL_MS = 1000;

const DEFAULT_INIT_OPTIONS: InitOptions = { detector: 'blazepose-full', backend: 'auto', modelBaseUrl: '/models/' };

let estimator: PoseEstimator | null = null;
let backendReport: BackendReport | null = null;
let personCounter: PersonCounter | null = null;
/** Frame time of the last person check; -Infinity: check on the next frame. */
let lastPersonCheckMs = Number.NEGATIVE_INFINITY;
/** The last check's answer, carried onto every frame until the next check. */
let personCount: number | undefined;

function modelSourceFor(baseUrl: string): ModelSource {
  const base = baseUrl.endsWith('/') ? baseUrl : `${baseUrl}/`;
  return (fileName: string) => new URL(base + fileName, self.location.href).href;
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function forgetPersonCount(): void {
  lastPersonCheckMs = Number.NEGATIVE_INFINITY;
  personCount = undefined;
}

function disposePersonCounter(): void {
  personCounter?.dispose();
  personCounter = null;
  forgetPersonCount();
}

/** True when the frame at `timestampMs` is due a person check. */
function personCheckDue(timestampMs: number): boolean {
  // Time going backwards: the source restarted (looped or re-seeked video), so check afresh.
  return timestampMs < lastPersonCheckMs || timestampMs - lastPersonCheckMs >= PERSON_CHECK_INTERVAL_MS;
}

const api = {
  /** Loads the detector on the chosen backend; reports what it actually chose. */
  async init(options: Partial<InitOptions> = {}): Promise<InitReport> {
    const opts: InitOptions = { ...DEFAULT_INIT_OPTIONS, ...options };
    const started = performance.now();
    estimator?.dispose();
    estimator = null;
    // Model weights live on the backend they were loaded on, which init may change: reload both.
    disposePersonCounter();
    if (!backendReport || (opts.backend !== 'auto' && backendReport.backend !== opts.backend)) {
      backendReport = await selectBackend(opts.backend, opts.modelBaseUrl);
    }
    const modelSource = modelSourceFor(opts.modelBaseUrl);
    estimator = await createPoseEstimator(opts.detector, modelSource);
    // The person check is an extra: if its model cannot load, say so and track without it.
    let personCounterError: string | undefined;
    try {
      personCounter = await createPersonCounter(modelSource);
    } catch (error) {
      personCounterError = errorText(error);
    }
    return {
      ...backendReport,
      detector: opts.detector,
      loadMs: performance.now() - started,
      personCounter: personCounter !== null,
      ...(personCounterError === undefined ? {} : { personCounterError }),
      personCheckIntervalMs: PERSON_CHECK_INTERVAL_MS,
    };
  },

  /**
   * Estimates one frame. Takes ownership of the bitmap and always closes it. About once per
   * PERSON_CHECK_INTERVAL_MS of frame time it also counts the people in the same bitmap; every
   * frame carries the latest count as `personCount` (absent until the first check, and when
   * the counter is not loaded).
   */
  async estimate(frame: ImageBitmap, timestampMs: number): Promise<PoseFrame> {
    try {
      if (!estimator) throw new Error('expected init() before estimate(), got no detector loaded');
      if (!Number.isFinite(timestampMs)) throw new Error(`expected a finite timestampMs, got ${timestampMs}`);
      const pose = await estimator.estimate(frame, timestampMs);
      if (personCounter && personCheckDue(timestampMs)) {
        try {
          personCount = await personCounter.count(frame, timestampMs);
          lastPersonCheckMs = timestampMs;
        } catch {
          // A counter that fails at run time (lost GPU context, out of memory) must not cost the
          // pose: drop it, and frames say "not checked" rather than carry a stale count.
          disposePersonCounter();
        }
      }
      return personCount === undefined ? pose : { ...pose, personCount };
    } finally {
      frame.close();
    }
  },

  /** Forgets tracking state (new video, camera restarted): smoothing must not bridge sources. */
  reset(): void {
    estimator?.reset();
    forgetPersonCount();
  },

  dispose(): void {
    estimator?.dispose();
    estimator = null;
    disposePersonCounter();
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
