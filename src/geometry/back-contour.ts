/**
 * The back's dorsal edge from a person segmentation mask (docs/angles.md#lumbar-arch, lumbar-arch measure (c) of
 * docs/design.md#angles). Pure: the mask is plain numbers, the points are image pixels.
 *
 * For stations spaced along the shoulder→hip chord, walk from the chord perpendicular to it,
 * away from the belly, to where the mask falls below half: that crossing is the back's edge.
 *
 * ```
 *            posterior (away from the belly)
 *                 ^
 *    edge  . . . .|. . . . .  .  . .      <- traced points, shoulder → hip
 *          |      |          |
 *  shoulder o-----+----------+-----o hip   stations at t = 0.10 … 0.95 of the chord
 *                 |
 *               belly
 * ```
 */
import type { Point2 } from '../pose/read-joint';
import type { Side } from '../pose/types';

/** A person mask: row-major, `width * height` values, ≥ 0.5 = the person (BlazePose's sigmoid). */
export interface PersonMask {
  data: Float32Array | Uint8Array;
  width: number;
  height: number;
}

export interface BackContourOptions {
  /** Number of stations along the chord. */
  stations: number;
  /** First and last station as a fraction of the chord from the shoulder (0) to the hip (1). */
  fromFrac: number;
  toFrac: number;
  /** Furthest the walk goes from the chord, as a fraction of the chord length. */
  maxDepthFrac: number;
  /** A dip out of the mask shorter than this (fraction of the chord) is not the edge (a strap, a seam). */
  gapFrac: number;
  /** Mask value at which a pixel is the person. For a Uint8Array mask, scale by 255 yourself. */
  threshold: number;
}

export const DEFAULT_BACK_CONTOUR_OPTIONS: BackContourOptions = {
  // ref: 18 stations put 9 in each half of the back (lumbar-arch-contour.ts fits a line per
  // half): enough for a least-squares line to average the mask's one-pixel steps.
  stations: 18,
  // ref: anthropometry (Drillis & Contini 1966): the shoulder landmark sits at the arm's root,
  // about a tenth of the trunk below the top of the back, where the scapula and arm blur the
  // edge; 0.95 keeps the top of the buttock (the sacrum, just above the hip joint) in the
  // lumbar half, whose rise against a sagging lower back is what an arch looks like side-on.
  fromFrac: 0.1,
  toFrac: 0.95,
  // ref: the trunk's depth is about 0.4-0.5 of shoulder-hip length (Drillis & Contini 1966), so
  // the back is about a quarter of the chord behind it; 0.6 leaves room for a slumped back.
  maxDepthFrac: 0.6,
  // ref: BlazePose masks come from a 256 px model output upsampled to the frame: holes narrower
  // than 2 % of the trunk are upsampling artefacts, not the air behind the back.
  gapFrac: 0.02,
  // ref: BlazePose's segmentation is a sigmoid: 0.5 is the model's own person/background border.
  threshold: 0.5,
};

/** Bilinear mask value at (x, y) pixel centres; 0 outside the mask. */
export function sampleMask(mask: PersonMask, x: number, y: number): number {
  const { width, height, data } = mask;
  if (!(x >= 0 && y >= 0 && x <= width - 1 && y <= height - 1)) return 0;
  const x0 = Math.floor(x);
  const y0 = Math.floor(y);
  const x1 = Math.min(x0 + 1, width - 1);
  const y1 = Math.min(y0 + 1, height - 1);
  const fx = x - x0;
  const fy = y - y0;
  const v = (xx: number, yy: number): number => data[yy * width + xx] ?? 0;
  const top = v(x0, y0) * (1 - fx) + v(x1, y0) * fx;
  const bottom = v(x0, y1) * (1 - fx) + v(x1, y1) * fx;
  return top * (1 - fy) + bottom * fy;
}

/**
 * Unit image vector pointing away from the belly for a trunk from `shoulder` to `hip` of a
 * person facing `facing`: the chord turned 90° towards the back. Null for coincident points.
 * (Facing image-right, forward is +x; the belly is the trunk's forward-and-down side.)
 */
export function posteriorDirection(shoulder: Point2, hip: Point2, facing: Side): Point2 | null {
  const cx = hip.x - shoulder.x;
  const cy = hip.y - shoulder.y;
  const c = Math.hypot(cx, cy);
  if (!(c > 1e-9)) return null;
  const s = facing === 'right' ? 1 : -1;
  return { x: (-s * cy) / c, y: (s * cx) / c };
}

function validMask(mask: PersonMask): boolean {
  return (
    Number.isInteger(mask.width) &&
    Number.isInteger(mask.height) &&
    mask.width > 0 &&
    mask.height > 0 &&
    mask.data.length === mask.width * mask.height
  );
}

/**
 * Points on the back's edge, shoulder → hip, image pixels. A station whose start on the chord is
 * outside the mask (a landmark off the body) or whose walk finds no edge within reach gives no
 * point. Empty when the inputs are unusable.
 */
export function traceBackContour(
  mask: PersonMask,
  shoulder: Point2,
  hip: Point2,
  facing: Side,
  options: Partial<BackContourOptions> = {},
): Point2[] {
  const o: BackContourOptions = { ...DEFAULT_BACK_CONTOUR_OPTIONS, ...options };
  if (!validMask(mask)) {
    throw new Error(`expected a mask of width*height values, got ${mask.data.length} for ${mask.width}x${mask.height}`);
  }
  if (![shoulder.x, shoulder.y, hip.x, hip.y].every(Number.isFinite)) return [];
  const back = posteriorDirection(shoulder, hip, facing);
  if (back === null || !(o.stations >= 2)) return [];
  const chord = Math.hypot(hip.x - shoulder.x, hip.y - shoulder.y);
  // ref: half-pixel steps resolve the edge to the mask's own pixel; the crossing is then interpolated.
  const stepPx = 0.5;
  const maxSteps = Math.ceil((o.maxDepthFrac * chord) / stepPx);
  const gapSteps = Math.max(2, Math.ceil((o.gapFrac * chord) / stepPx));
  const points: Point2[] = [];
  for (let k = 0; k < o.stations; k += 1) {
    const t = o.fromFrac + ((o.toFrac - o.fromFrac) * k) / (o.stations - 1);
    const sx = shoulder.x + t * (hip.x - shoulder.x);
    const sy = shoulder.y + t * (hip.y - shoulder.y);
    const at = (i: number): number => sampleMask(mask, sx + back.x * i * stepPx, sy + back.y * i * stepPx);
    if (!(at(0) >= o.threshold)) continue;
    let lastInside = 0;
    let found = false;
    for (let i = 1; i <= maxSteps; i += 1) {
      if (at(i) >= o.threshold) {
        lastInside = i;
        continue;
      }
      if (i - lastInside >= gapSteps) {
        found = true;
        break;
      }
    }
    if (!found) continue;
    // Sub-step crossing between the last inside sample and the next one out.
    const a = at(lastInside);
    const b = at(lastInside + 1);
    const f = a > b ? Math.min(1, Math.max(0, (a - o.threshold) / (a - b))) : 0;
    const d = (lastInside + f) * stepPx;
    points.push({ x: sx + back.x * d, y: sy + back.y * d });
  }
  return points;
}
