/**
 * The detector adapter running in Node: tfjs-core on the wasm backend, models read from disk.
 * Same createPoseEstimator as the browser worker, so Node results stand for the app's.
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import * as tf from '@tensorflow/tfjs-core';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import type { DetectorId } from '../pose/types';
import { createPoseEstimator, type EstimatorOptions, type PoseEstimator } from '../../workers/detector';
import { fileIOHandler } from './file-io-handler';
import { MODELS_DIR } from './repo-paths';

export interface NodeEstimatorOptions extends EstimatorOptions {
  /** Folder holding the model .json/.bin files (default: the repository's models/). */
  modelsDir: string;
}

export const DEFAULT_NODE_ESTIMATOR_OPTIONS: Omit<NodeEstimatorOptions, keyof EstimatorOptions> = {
  modelsDir: MODELS_DIR,
};

let backendReady: Promise<void> | null = null;

/** The wasm binaries straight from the installed package, as a file path (Node reads them with fs). */
function wasmDir(): string {
  const require = createRequire(import.meta.url);
  return join(dirname(require.resolve('@tensorflow/tfjs-backend-wasm/package.json')), 'dist') + '/';
}

/** Sets tfjs to the wasm backend once per process. */
export function ensureWasmBackend(): Promise<void> {
  backendReady ??= (async () => {
    setWasmPaths(wasmDir());
    if (!(await tf.setBackend('wasm'))) throw new Error('expected the tfjs wasm backend to initialise, got setBackend false');
    await tf.ready();
  })().catch((error: unknown) => {
    backendReady = null;
    throw error;
  });
  return backendReady;
}

export async function createNodeEstimator(
  detector: DetectorId,
  options: Partial<NodeEstimatorOptions> = {},
): Promise<PoseEstimator> {
  const { modelsDir, ...estimatorOptions } = { ...DEFAULT_NODE_ESTIMATOR_OPTIONS, ...options };
  await ensureWasmBackend();
  return createPoseEstimator(detector, (fileName) => fileIOHandler(join(modelsDir, fileName)), estimatorOptions);
}
