/**
 * Index tables of the two landmark layouts KickCheck reads, behind one set of joint names.
 * ref: BlazePose 33-point topology (MediaPipe Pose docs / pose-detection BLAZEPOSE_KEYPOINTS)
 * and MoveNet's COCO-17 order (pose-detection COCO_KEYPOINTS).
 */
import type { KeypointSet } from './types';

export const JOINT_NAMES = [
  'nose',
  'leftEye',
  'rightEye',
  'leftEar',
  'rightEar',
  'leftShoulder',
  'rightShoulder',
  'leftElbow',
  'rightElbow',
  'leftWrist',
  'rightWrist',
  'leftHip',
  'rightHip',
  'leftKnee',
  'rightKnee',
  'leftAnkle',
  'rightAnkle',
  'leftHeel',
  'rightHeel',
  'leftFootIndex',
  'rightFootIndex',
] as const;

export type JointName = (typeof JOINT_NAMES)[number];

export const BLAZEPOSE33_INDEX: Readonly<Record<JointName, number>> = Object.freeze({
  nose: 0,
  leftEye: 2,
  rightEye: 5,
  leftEar: 7,
  rightEar: 8,
  leftShoulder: 11,
  rightShoulder: 12,
  leftElbow: 13,
  rightElbow: 14,
  leftWrist: 15,
  rightWrist: 16,
  leftHip: 23,
  rightHip: 24,
  leftKnee: 25,
  rightKnee: 26,
  leftAnkle: 27,
  rightAnkle: 28,
  leftHeel: 29,
  rightHeel: 30,
  leftFootIndex: 31,
  rightFootIndex: 32,
});

/** MoveNet has no heel or foot-index points. */
export const MOVENET17_INDEX: Readonly<Partial<Record<JointName, number>>> = Object.freeze({
  nose: 0,
  leftEye: 1,
  rightEye: 2,
  leftEar: 3,
  rightEar: 4,
  leftShoulder: 5,
  rightShoulder: 6,
  leftElbow: 7,
  rightElbow: 8,
  leftWrist: 9,
  rightWrist: 10,
  leftHip: 11,
  rightHip: 12,
  leftKnee: 13,
  rightKnee: 14,
  leftAnkle: 15,
  rightAnkle: 16,
});

export const LANDMARK_COUNT: Readonly<Record<KeypointSet, number>> = Object.freeze({
  blazepose33: 33,
  movenet17: 17,
});

/** Index of a named joint in a layout, or null when the layout lacks it. */
export function jointIndex(set: KeypointSet, name: JointName): number | null {
  const table = set === 'blazepose33' ? BLAZEPOSE33_INDEX : MOVENET17_INDEX;
  return table[name] ?? null;
}

/** The same joint on the other side of the body (nose maps to itself). */
export function mirrorJointName(name: JointName): JointName {
  if (name.startsWith('left')) return ('right' + name.slice(4)) as JointName;
  if (name.startsWith('right')) return ('left' + name.slice(5)) as JointName;
  return name;
}

/**
 * A record with every joint name set to `value`, written as one literal so the engine gives all
 * such records one fast shape (the analyser builds several per frame).
 */
export function jointRecord<T>(value: T): Record<JointName, T> {
  return {
    nose: value,
    leftEye: value,
    rightEye: value,
    leftEar: value,
    rightEar: value,
    leftShoulder: value,
    rightShoulder: value,
    leftElbow: value,
    rightElbow: value,
    leftWrist: value,
    rightWrist: value,
    leftHip: value,
    rightHip: value,
    leftKnee: value,
    rightKnee: value,
    leftAnkle: value,
    rightAnkle: value,
    leftHeel: value,
    rightHeel: value,
    leftFootIndex: value,
    rightFootIndex: value,
  };
}
