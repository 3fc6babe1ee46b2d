/**
 * A joint below the gate is unknown, never a guess (docs/design.md#visibility-gate).
 * BlazePose's `score` in the pose-detection JS API is already a sigmoid probability (0..1), as is
 * MoveNet's keypoint score, so one gate serves both.
 */
export function isVisible(visibility: number, minVisibility: number): boolean {
  return Number.isFinite(visibility) && visibility >= minVisibility;
}
