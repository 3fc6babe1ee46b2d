/**
 * Angle accuracy against hand-annotated keypoints (docs/design.md#command-line-analyser): for each annotated COCO person,
 * run the detector on a crop around them (it tracks one person), then compare torso lean, hip
 * extension and knee flexion computed by the core's geometry from both sets of points.
 */
import { join } from 'node:path';
import * as tf from '@tensorflow/tfjs-core';
import type { PoseEstimator } from '../../workers/detector';
import { JOINT_NAMES, jointIndex } from '../pose/keypoint-tables';
import type { JointGate } from '../pose/read-joint';
import type { KeypointSet, PoseFrame } from '../pose/types';
import { loadCocoPeople, type CocoPerson } from './coco-keypoints';
import { decodeFrames, frameToTensor } from './decode-frames';
import { angleErrorDeg, frameAngles, type FrameAngles } from './frame-angles';
import { errorStats } from './rep-count-eval';

export type AngleKind = 'torsoLean' | 'hipExtension' | 'kneeFlexion';

export interface PersonAngleResult {
  annotationId: number;
  imageFile: string;
  detectedScore: number;
  /** Pixel distance between detected and annotated joints (those annotated and detected visible). */
  jointErrorsPx: number[];
  /** Absolute errors, degrees, for each angle measurable in both (legs listed separately). */
  errorsDeg: Record<AngleKind, number[]>;
}

export interface AngleEvalResult {
  people: PersonAngleResult[];
  stats: Record<AngleKind, ReturnType<typeof errorStats>>;
  /** Over every annotated joint of every person: where the detector put it, pixels. */
  jointErrorPx: ReturnType<typeof errorStats>;
}

/** Margin around the annotated box, as a fraction of its size: the detector needs some context. */
const CROP_MARGIN_FRAC = 0.2;

function cropBox(person: CocoPerson): { x: number; y: number; width: number; height: number } {
  const [bx, by, bw, bh] = person.bbox;
  const x = Math.max(0, Math.floor(bx - bw * CROP_MARGIN_FRAC));
  const y = Math.max(0, Math.floor(by - bh * CROP_MARGIN_FRAC));
  const right = Math.min(person.imageWidth, Math.ceil(bx + bw * (1 + CROP_MARGIN_FRAC)));
  const bottom = Math.min(person.imageHeight, Math.ceil(by + bh * (1 + CROP_MARGIN_FRAC)));
  return { x, y, width: right - x, height: bottom - y };
}

function errorsBetween(detected: FrameAngles, truth: FrameAngles): Record<AngleKind, number[]> {
  const pairs: Record<AngleKind, [number | null, number | null][]> = {
    torsoLean: [[detected.torsoLeanDeg, truth.torsoLeanDeg]],
    hipExtension: [
      [detected.hipExtensionDeg.left, truth.hipExtensionDeg.left],
      [detected.hipExtensionDeg.right, truth.hipExtensionDeg.right],
    ],
    kneeFlexion: [
      [detected.kneeFlexionDeg.left, truth.kneeFlexionDeg.left],
      [detected.kneeFlexionDeg.right, truth.kneeFlexionDeg.right],
    ],
  };
  const out = { torsoLean: [], hipExtension: [], kneeFlexion: [] } as Record<AngleKind, number[]>;
  for (const kind of Object.keys(pairs) as AngleKind[]) {
    for (const [a, b] of pairs[kind]) if (a !== null && b !== null) out[kind].push(angleErrorDeg(a, b));
  }
  return out;
}

/** Distances for joints annotated (COCO v > 0) and detected above the gate. */
function jointErrorsPx(detected: PoseFrame, truth: PoseFrame, gate: JointGate): number[] {
  const errors: number[] = [];
  for (const name of JOINT_NAMES) {
    const t = truth.landmarks[jointIndex(truth.keypointSet, name) ?? -1];
    const d = detected.landmarks[jointIndex(detected.keypointSet, name) ?? -1];
    if (!t || !d || t.visibility <= 0 || d.visibility < gate.minVisibility) continue;
    errors.push(Math.hypot(d.x - t.x, d.y - t.y));
  }
  return errors;
}

async function loadImageTensor(path: string): Promise<tf.Tensor3D> {
  for await (const frame of decodeFrames(path, { maxFrames: 1 })) return frameToTensor(frame);
  throw new Error(`expected one decodable image, got none from ${path}`);
}

/** The gate per landmark layout (the core gates BlazePose and MoveNet visibilities differently). */
export type GateFor = (keypointSet: KeypointSet) => JointGate;

export async function evaluateCocoAngles(estimator: PoseEstimator, cocoDir: string, gateFor: GateFor): Promise<AngleEvalResult> {
  const people = await loadCocoPeople(join(cocoDir, 'test_coco.json'));
  const results: PersonAngleResult[] = [];
  const images = new Map<string, tf.Tensor3D>();
  try {
    for (const person of people) {
      let image = images.get(person.imageFile);
      if (!image) {
        image = await loadImageTensor(join(cocoDir, person.imageFile));
        images.set(person.imageFile, image);
      }
      const box = cropBox(person);
      const crop = tf.slice(image, [box.y, box.x, 0], [box.height, box.width, 3]);
      let detected: PoseFrame;
      try {
        // A still: no smoothing across people.
        estimator.reset();
        detected = await estimator.estimate(crop, 0);
      } finally {
        crop.dispose();
      }
      const inImage: PoseFrame = {
        ...detected,
        imageWidth: person.imageWidth,
        imageHeight: person.imageHeight,
        landmarks: detected.landmarks.map((l) => ({ ...l, x: l.x + box.x, y: l.y + box.y })),
      };
      results.push({
        annotationId: person.annotationId,
        imageFile: person.imageFile,
        detectedScore: detected.score,
        jointErrorsPx: jointErrorsPx(inImage, person.frame, gateFor(inImage.keypointSet)),
        errorsDeg: errorsBetween(
          frameAngles(inImage, gateFor(inImage.keypointSet)),
          frameAngles(person.frame, gateFor(person.frame.keypointSet)),
        ),
      });
    }
  } finally {
    for (const image of images.values()) image.dispose();
  }
  const pooled = (kind: AngleKind) => results.flatMap((r) => r.errorsDeg[kind]);
  return {
    people: results,
    stats: {
      torsoLean: errorStats(pooled('torsoLean')),
      hipExtension: errorStats(pooled('hipExtension')),
      kneeFlexion: errorStats(pooled('kneeFlexion')),
    },
    jointErrorPx: errorStats(results.flatMap((r) => r.jointErrorsPx)),
  };
}
