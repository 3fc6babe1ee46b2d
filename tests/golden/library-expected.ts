/**
 * Reference points from pose-detection's own tests (Apache-2.0, tensorflow/tfjs-models
 * pose-detection/src/blazepose_mediapipe/mediapipe_test.ts, taken there from MediaPipe's
 * pose_test.py) and the tolerances its tfjs-runtime tests hold them to
 * (pose-detection/src/blazepose_tfjs/blazepose_test.ts, movenet/movenet_test.ts).
 */

/** BlazePose landmarks on keypoints/tfjs-models/pose.jpg, pixels [x, y], all 33 in index order. */
export const POSE_JPG_LANDMARKS: ReadonlyArray<readonly [number, number]> = [
  [460, 283], [467, 273], [471, 273], [474, 273], [465, 273], [465, 273],
  [466, 273], [491, 277], [480, 277], [470, 294], [465, 294], [545, 319],
  [453, 329], [622, 323], [375, 316], [696, 316], [299, 307], [719, 316],
  [278, 306], [721, 311], [274, 304], [713, 313], [283, 306], [520, 476],
  [467, 471], [612, 550], [358, 490], [701, 613], [349, 611], [709, 624],
  [363, 630], [730, 633], [303, 628],
];

/** BlazePose world landmarks on pose.jpg, metres [x, y, z]. */
export const POSE_JPG_WORLD_LANDMARKS: ReadonlyArray<readonly [number, number, number]> = [
  [-0.11, -0.59, -0.15], [-0.09, -0.64, -0.16], [-0.09, -0.64, -0.16],
  [-0.09, -0.64, -0.16], [-0.11, -0.64, -0.14], [-0.11, -0.64, -0.14],
  [-0.11, -0.64, -0.14], [0.01, -0.65, -0.15], [-0.06, -0.64, -0.05],
  [-0.07, -0.57, -0.15], [-0.09, -0.57, -0.12], [0.18, -0.49, -0.09],
  [-0.14, -0.5, -0.03], [0.41, -0.48, -0.11], [-0.42, -0.5, -0.02],
  [0.64, -0.49, -0.17], [-0.63, -0.51, -0.13], [0.7, -0.5, -0.19],
  [-0.71, -0.53, -0.15], [0.72, -0.51, -0.23], [-0.69, -0.54, -0.19],
  [0.66, -0.49, -0.19], [-0.64, -0.52, -0.15], [0.09, 0, -0.04],
  [-0.09, 0, 0.03], [0.41, 0.23, -0.09], [-0.43, 0.1, -0.11],
  [0.69, 0.49, -0.04], [-0.48, 0.47, -0.02], [0.72, 0.52, -0.04],
  [-0.48, 0.51, -0.02], [0.8, 0.5, -0.14], [-0.59, 0.52, -0.11],
];

/**
 * The library's tolerances for its tfjs runtime, per coordinate (its expectArraysClose compares
 * each number, not distances). Ours reproduce the same detector on the same models' lineage,
 * so they must hold too; a broken adapter (wrong size, mirrored, wrong model, swapped axes)
 * misses them by hundreds of pixels.
 */
export const LIBRARY_TOLERANCE = {
  blazePoseImagePx: 15,
  blazePoseImageWorldM: 0.21,
  blazePoseVideoPx: 28,
  moveNetVideoPx: 60,
} as const;

/**
 * The library feeds its golden videos with timestamps 33.3333 ms apart whatever the clip's
 * real rate (pose_squats.mp4 is 5 fps), and its smoothing filters depend on them: to compare
 * against its golden files the same clock is used here.
 */
export const LIBRARY_SIMULATED_INTERVAL_MS = 33.3333;

/** MoveNet / COCO keypoint names in index order (the keys of pose_1.json's frames). */
export const MOVENET_KEYPOINT_NAMES = [
  'nose', 'left_eye', 'right_eye', 'left_ear', 'right_ear', 'left_shoulder', 'right_shoulder',
  'left_elbow', 'right_elbow', 'left_wrist', 'right_wrist', 'left_hip', 'right_hip',
  'left_knee', 'right_knee', 'left_ankle', 'right_ankle',
] as const;
