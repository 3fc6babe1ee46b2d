/**
 * A tfjs IOHandler that loads a graph model (model.json + its weight shards) from disk, so Node
 * runs the same models the browser serves without tfjs-node (whose install cannot run here).
 */
import { readFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { io } from '@tensorflow/tfjs-core';

function isModelJson(value: unknown): value is io.ModelJSON {
  return typeof value === 'object' && value !== null && 'modelTopology' in value;
}

/** An IOHandler whose load is always there (tfjs types it optional). */
export type LoadingIOHandler = io.IOHandler & { load(): Promise<io.ModelArtifacts> };

/** Loads `jsonPath` and the weight files its manifest names (paths relative to the JSON). */
export function fileIOHandler(jsonPath: string): LoadingIOHandler {
  const modelPath = resolve(jsonPath);
  return {
    async load(): Promise<io.ModelArtifacts> {
      let text: string;
      try {
        text = await readFile(modelPath, 'utf8');
      } catch (error) {
        throw new Error(`expected a readable model file at ${modelPath}, got ${(error as Error).message}`);
      }
      let modelJson: unknown;
      try {
        modelJson = JSON.parse(text);
      } catch (error) {
        throw new Error(`expected model JSON in ${modelPath}, got unparsable text (${(error as Error).message})`);
      }
      if (!isModelJson(modelJson)) {
        throw new Error(`expected a tfjs model.json with modelTopology in ${modelPath}, got keys ${Object.keys(modelJson as object).join(', ')}`);
      }
      return io.getModelArtifactsForJSON(modelJson, async (manifest) => {
        const shards: ArrayBuffer[] = [];
        for (const group of manifest) {
          for (const shardPath of group.paths) {
            const bytes = await readFile(resolve(dirname(modelPath), shardPath));
            // Copy out of Node's pooled Buffer: tfjs needs an ArrayBuffer holding only this file.
            shards.push(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
          }
        }
        return [io.getWeightSpecs(manifest), io.concatenateArrayBuffers(shards)];
      });
    },
  };
}
