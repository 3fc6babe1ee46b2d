/**
 * Axis-aligned boxes in image pixels: the lifter lock's geometry. Pure (no DOM, no tfjs).
 */
import type { PixelBox } from './types';

export interface PixelPoint {
  x: number;
  y: number;
}

export interface ScoredPixelPoint extends PixelPoint {
  score: number;
}

/** Smallest box holding every point scoring at least `minScore`; null when none does. */
export function boxOfPoints(points: readonly ScoredPixelPoint[], minScore: number): PixelBox | null {
  let xMin = Number.POSITIVE_INFINITY;
  let yMin = Number.POSITIVE_INFINITY;
  let xMax = Number.NEGATIVE_INFINITY;
  let yMax = Number.NEGATIVE_INFINITY;
  for (const p of points) {
    if (!(p.score >= minScore) || !Number.isFinite(p.x) || !Number.isFinite(p.y)) continue;
    xMin = Math.min(xMin, p.x);
    yMin = Math.min(yMin, p.y);
    xMax = Math.max(xMax, p.x);
    yMax = Math.max(yMax, p.y);
  }
  if (xMin > xMax) return null;
  return { x: xMin, y: yMin, width: xMax - xMin, height: yMax - yMin };
}

export function boxArea(box: PixelBox): number {
  return Math.max(0, box.width) * Math.max(0, box.height);
}

export function boxCentre(box: PixelBox): PixelPoint {
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
}

export function intersectionArea(a: PixelBox, b: PixelBox): number {
  const w = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
  const h = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
  return w > 0 && h > 0 ? w * h : 0;
}

/** Intersection over union, 0..1 (0 when both boxes are empty). */
export function iou(a: PixelBox, b: PixelBox): number {
  const inter = intersectionArea(a, b);
  const union = boxArea(a) + boxArea(b) - inter;
  return union > 0 ? inter / union : 0;
}

/**
 * Intersection over the smaller box's area, 0..1: 1 when one box lies inside the other, which
 * IoU understates when the two differ in size (a small person in front of a large one).
 */
export function overlapOfSmaller(a: PixelBox, b: PixelBox): number {
  const smaller = Math.min(boxArea(a), boxArea(b));
  return smaller > 0 ? intersectionArea(a, b) / smaller : 0;
}

/** The box grown by `marginX` px left and right and `marginY` px above and below. */
export function expandBox(box: PixelBox, marginX: number, marginY: number): PixelBox {
  return { x: box.x - marginX, y: box.y - marginY, width: box.width + 2 * marginX, height: box.height + 2 * marginY };
}

/**
 * The box cut to the image and snapped outwards to whole pixels (a crop needs integers); null
 * when nothing of it lies inside the image.
 */
export function clipToImage(box: PixelBox, imageWidth: number, imageHeight: number): PixelBox | null {
  const x0 = Math.max(0, Math.floor(box.x));
  const y0 = Math.max(0, Math.floor(box.y));
  const x1 = Math.min(imageWidth, Math.ceil(box.x + box.width));
  const y1 = Math.min(imageHeight, Math.ceil(box.y + box.height));
  if (x1 <= x0 || y1 <= y0) return null;
  return { x: x0, y: y0, width: x1 - x0, height: y1 - y0 };
}

/** Distance between the two boxes' centres, px. */
export function centreDistance(a: PixelBox, b: PixelBox): number {
  const ca = boxCentre(a);
  const cb = boxCentre(b);
  return Math.hypot(ca.x - cb.x, ca.y - cb.y);
}
