import type { KeypointSet } from '../pose/types';

/** Bones to draw, as landmark index pairs; the body only (face and fingers add noise at 2 m). */
export const SKELETON_EDGES: Record<KeypointSet, readonly (readonly [number, number])[]> = {
  // BlazePose 33: 11/12 shoulders, 13/14 elbows, 15/16 wrists, 23/24 hips, 25/26 knees,
  // 27/28 ankles, 29/30 heels, 31/32 foot index.
  blazepose33: [
    [11, 12], [11, 13], [13, 15], [12, 14], [14, 16],
    [11, 23], [12, 24], [23, 24],
    [23, 25], [25, 27], [27, 29], [29, 31], [27, 31],
    [24, 26], [26, 28], [28, 30], [30, 32], [28, 32],
  ],
  // MoveNet / COCO 17: 5/6 shoulders, 7/8 elbows, 9/10 wrists, 11/12 hips, 13/14 knees, 15/16 ankles.
  movenet17: [
    [5, 6], [5, 7], [7, 9], [6, 8], [8, 10],
    [5, 11], [6, 12], [11, 12],
    [11, 13], [13, 15], [12, 14], [14, 16],
  ],
};

/** Joints drawn as dots (head point plus the body joints above). */
export const SKELETON_JOINTS: Record<KeypointSet, readonly number[]> = {
  blazepose33: [0, 11, 12, 13, 14, 15, 16, 23, 24, 25, 26, 27, 28, 29, 30, 31, 32],
  movenet17: [0, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16],
};
