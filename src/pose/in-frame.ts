/**
 * BlazePose keeps high visibility for legs it invents outside the image (docs/design.md#visibility-gate), so
 * visibility alone cannot tell a real ankle from an invented one: the point must also lie inside
 * the image, a small margin away from the border.
 */
export function isInFrame(
  x: number,
  y: number,
  imageWidth: number,
  imageHeight: number,
  edgeMarginFrac: number,
): boolean {
  if (!Number.isFinite(x) || !Number.isFinite(y)) return false;
  const mx = imageWidth * edgeMarginFrac;
  const my = imageHeight * edgeMarginFrac;
  return x >= mx && x <= imageWidth - mx && y >= my && y <= imageHeight - my;
}
