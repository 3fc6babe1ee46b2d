/**
 * Renders a body motion (pose as a function of time) into PoseFrames as a detector would deliver
 * them: chosen layout, camera, fps, seeded noise, dropped frames and MoveNet-style label swaps.
 */
import type { Side } from '../analysis/types';
import { JOINT_NAMES, mirrorJointName, type JointName } from '../pose/keypoint-tables';
import type { KeypointSet, PoseFrame } from '../pose/types';
import { bodyJoints, type BodyPose } from './body-pose';
import { bodyToWorld, worldToPixel, type CameraOptions } from './camera';
import { createPrng } from './prng';
import { toPoseFrame, type NamedJoint } from './to-pose-frame';

export interface RenderOptions {
  keypointSet: KeypointSet;
  fps: number;
  facing: Side;
  cameraYawDeg: number;
  cameraRollDeg: number;
  pixelsPerMetre: number;
  imageWidth: number;
  imageHeight: number;
  hipCentreX: number;
  hipCentreY: number;
  /** Gaussian noise on pixel coordinates, px (σ). */
  noisePx: number;
  /** Gaussian noise on world coordinates, metres (σ). */
  noiseWorldM: number;
  /** Chance that a frame never reaches the analyser (slow inference). */
  dropProbability: number;
  /** Chance per frame that the model's left/right labels flip (and stay flipped). */
  labelSwapProbability: number;
  visibility: number;
  seed: number;
  startMs: number;
}

export const DEFAULT_RENDER_OPTIONS: Readonly<RenderOptions> = Object.freeze({
  keypointSet: 'blazepose33',
  fps: 30,
  facing: 'right',
  cameraYawDeg: 0,
  cameraRollDeg: 0,
  pixelsPerMetre: 300,
  imageWidth: 1280,
  imageHeight: 720,
  hipCentreX: 640,
  hipCentreY: 330,
  noisePx: 0,
  noiseWorldM: 0,
  dropProbability: 0,
  labelSwapProbability: 0,
  visibility: 0.95,
  seed: 1,
  startMs: 0,
});

export interface RenderedFrame {
  frame: PoseFrame;
  pose: BodyPose;
  tS: number;
}

export function renderSequence(
  durationS: number,
  poseAt: (tS: number) => BodyPose,
  options: Partial<RenderOptions> = {},
): RenderedFrame[] {
  const o: RenderOptions = { ...DEFAULT_RENDER_OPTIONS, ...options };
  if (!(o.fps > 0)) throw new RangeError(`expected fps > 0, got ${o.fps}`);
  const cam: CameraOptions = {
    facing: o.facing,
    yawDeg: o.cameraYawDeg,
    rollDeg: o.cameraRollDeg,
    pixelsPerMetre: o.pixelsPerMetre,
    imageWidth: o.imageWidth,
    imageHeight: o.imageHeight,
    hipCentreX: o.hipCentreX,
    hipCentreY: o.hipCentreY,
  };
  const rng = createPrng(o.seed);
  const out: RenderedFrame[] = [];
  let swapped = false;
  const n = Math.floor(durationS * o.fps + 1e-9);
  for (let k = 0; k <= n; k += 1) {
    const tS = k / o.fps;
    if (rng.next() < o.labelSwapProbability) swapped = !swapped;
    const drop = rng.next() < o.dropProbability;
    const pose = poseAt(tS);
    const body = bodyJoints(pose);
    const joints = {} as Record<JointName, NamedJoint>;
    for (const name of JOINT_NAMES) {
      const w = bodyToWorld(body[name], cam);
      const p = worldToPixel(w, cam);
      const label = swapped ? mirrorJointName(name) : name;
      joints[label] = {
        pixel: { x: p.x + o.noisePx * rng.gaussian(), y: p.y + o.noisePx * rng.gaussian(), z: p.z },
        world: {
          x: w.x + o.noiseWorldM * rng.gaussian(),
          y: w.y + o.noiseWorldM * rng.gaussian(),
          z: w.z + o.noiseWorldM * rng.gaussian(),
        },
        visibility: o.visibility,
      };
    }
    if (drop) continue;
    const t = o.startMs + (k * 1000) / o.fps;
    out.push({ frame: toPoseFrame(joints, o.keypointSet, t, o.imageWidth, o.imageHeight), pose, tS });
  }
  return out;
}
