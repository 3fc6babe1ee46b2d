/**
 * One person as the multi-person check (MoveNet MultiPose) sees them: what the lifter lock
 * chooses among. Plain data; keypoints follow the COCO-17 order of MOVENET17_INDEX.
 */
import type { PixelBox } from './types';
import type { ScoredPixelPoint } from './pixel-box';

export interface SeenPerson {
  /** Instance score 0..1. */
  score: number;
  /** 17 COCO keypoints in the image's pixels. */
  keypoints: ScoredPixelPoint[];
  /** Box of the keypoints seen (score at least the check's keypoint gate), pixels. */
  box: PixelBox;
}
