/**
 * The person counter running in Node: the same createPersonCounter as the browser worker, on
 * the wasm backend, with MoveNet MultiPose read from disk.
 */
import { join } from 'node:path';
import { createPersonCounter, type PersonCounter, type PersonCounterOptions } from '../../workers/person-counter';
import { fileIOHandler } from './file-io-handler';
import { ensureWasmBackend } from './node-estimator';
import { MODELS_DIR } from './repo-paths';

export interface NodePersonCounterOptions extends PersonCounterOptions {
  /** Folder holding movenet-multipose.json/.bin (default: the repository's models/). */
  modelsDir: string;
}

export const DEFAULT_NODE_PERSON_COUNTER_OPTIONS: Omit<NodePersonCounterOptions, keyof PersonCounterOptions> = {
  modelsDir: MODELS_DIR,
};

export async function createNodePersonCounter(options: Partial<NodePersonCounterOptions> = {}): Promise<PersonCounter> {
  const { modelsDir, ...counterOptions } = { ...DEFAULT_NODE_PERSON_COUNTER_OPTIONS, ...options };
  await ensureWasmBackend();
  return createPersonCounter((fileName) => fileIOHandler(join(modelsDir, fileName)), counterOptions);
}
