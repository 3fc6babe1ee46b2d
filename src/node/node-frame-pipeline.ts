/**
 * The shared per-frame pipeline (workers/frame-pipeline.ts) in Node: the wasm estimator, the
 * MoveNet MultiPose person check and a tensor crop, so the CLI runs what the app runs.
 */
import * as tf from '@tensorflow/tfjs-core';
import type { DetectorId } from '../pose/types';
import { createFramePipeline, type FramePipeline, type FramePipelineOptions } from '../../workers/frame-pipeline';
import type { PersonCounterOptions } from '../../workers/person-counter';
import { createNodeEstimator, type NodeEstimatorOptions } from './node-estimator';
import { createNodePersonCounter } from './node-person-counter';

export interface NodeFramePipelineOptions extends FramePipelineOptions {
  estimator: Partial<NodeEstimatorOptions>;
  personCounter: Partial<PersonCounterOptions>;
  /** Run the person check and lifter lock (default true); false gives the bare estimator's frames. */
  checkPeople: boolean;
}

export type NodeFramePipeline = FramePipeline<tf.Tensor3D>;

/** tf.slice of the frame: a view the pose model reads like any other tensor. */
function cropTensor(input: tf.Tensor3D, box: { x: number; y: number; width: number; height: number }) {
  const cropped = tf.slice(input, [box.y, box.x, 0], [box.height, box.width, input.shape[2]]);
  return { input: cropped, release: () => cropped.dispose() };
}

export async function createNodeFramePipeline(
  detector: DetectorId,
  options: Partial<NodeFramePipelineOptions> = {},
): Promise<NodeFramePipeline> {
  const { estimator: estimatorOptions = {}, personCounter: counterOptions = {}, checkPeople = true, ...pipelineOptions } = options;
  const estimator = await createNodeEstimator(detector, estimatorOptions);
  let personFinder = null;
  if (checkPeople) {
    try {
      personFinder = await createNodePersonCounter(counterOptions);
    } catch (error) {
      estimator.dispose();
      throw error;
    }
  }
  return createFramePipeline<tf.Tensor3D>({ estimator, personFinder, crop: cropTensor }, pipelineOptions);
}
