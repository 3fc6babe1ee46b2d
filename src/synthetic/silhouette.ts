/**
 * A filled person mask for a synthetic PoseFrame (docs/angles.md#lumbar-arch): the trunk as a slab between the
 * belly and a back edge with a known lumbar curve, a round head, and the limbs as capsules, all
 * placed on the frame's own pixel landmarks. What BlazePose's segmentation would give for that
 * body, minus its blur, so the back-contour tracer can be checked against a known curve.
 *
 * The lumbar curve θ: the back edge runs parallel to the shoulder→hip chord down to the start of
 * the lumbar region, turns towards the back by θ in all, evenly, across the lumbar region, and
 * runs straight again over the sacrum and buttock (+θ = an arched, concave lower back).
 *
 * ```
 *   back    thoracic (straight)      lumbar (turns θ)   sacrum (straight, θ off the chord)
 *   edge  ------------------------.____             __/
 *                                      `----.___.--'
 *   chord  shoulder o-----------------------------------o hip
 *                   s = 0              s = 0.5      s = 0.8   s = 1
 * ```
 */
import type { PersonMask } from '../geometry/back-contour';
import { posteriorDirection } from '../geometry/back-contour';
import { jointIndex, type JointName } from '../pose/keypoint-tables';
import type { Point2 } from '../pose/read-joint';
import type { PoseFrame, Side } from '../pose/types';
import { SEGMENT_M } from './body-pose';

export interface SilhouetteOptions {
  /** Total turn of the back edge across the lumbar region, degrees, + towards the back. */
  lumbarCurveDeg: number;
  /** Where the lumbar region starts and ends, as fractions of the shoulder→hip chord. */
  lumbarFromFrac: number;
  lumbarToFrac: number;
  /** Back edge and belly distance from the chord, fractions of the chord. */
  backDepthFrac: number;
  bellyDepthFrac: number;
}

export const DEFAULT_SILHOUETTE_OPTIONS: SilhouetteOptions = {
  lumbarCurveDeg: 0,
  // ref: anthropometry: the lumbar spine (L1-L5, about 18 cm) ends some 10 cm above the hip
  // joints, of a ~50 cm shoulder-hip distance (body-pose.ts SEGMENT_M.trunk; Drillis & Contini
  // 1966): roughly s = 0.45-0.8 from the shoulder; its apex (L3) near the middle of that.
  lumbarFromFrac: 0.5,
  lumbarToFrac: 0.8,
  // ref: trunk depth about 0.45 of shoulder-hip length (Drillis & Contini 1966), the joints a
  // little nearer the back than the belly.
  backDepthFrac: 0.2,
  bellyDepthFrac: 0.25,
};

const DEG = Math.PI / 180;

// ref: limb radii, round adult values (half of mid-segment thickness, Drillis & Contini 1966).
const RADIUS_M = { head: 0.11, upperArm: 0.045, forearm: 0.035, thigh: 0.08, shank: 0.055, foot: 0.035 };

function point(frame: PoseFrame, name: JointName): Point2 | null {
  const i = jointIndex(frame.keypointSet, name);
  const l = i === null ? undefined : frame.landmarks[i];
  return l === undefined || !Number.isFinite(l.x) || !Number.isFinite(l.y) ? null : { x: l.x, y: l.y };
}

function mid(a: Point2 | null, b: Point2 | null): Point2 | null {
  return a === null || b === null ? null : { x: (a.x + b.x) / 2, y: (a.y + b.y) / 2 };
}

/** Back edge distance from the chord (fraction of the chord) at s, for a curve turning evenly across [from, to]. */
export function backEdgeFrac(s: number, o: SilhouetteOptions): number {
  const span = o.lumbarToFrac - o.lumbarFromFrac;
  const theta = o.lumbarCurveDeg * DEG;
  if (s <= o.lumbarFromFrac) return o.backDepthFrac;
  // Slope angle rises linearly from 0 to θ across the region: the offset is its integral.
  const inRegion = Math.min(s, o.lumbarToFrac) - o.lumbarFromFrac;
  const k = theta / span;
  // ∫ tan(k·u) du = −ln(cos(k·u)) / k  (k ≠ 0).
  const bent = Math.abs(k) < 1e-12 ? 0 : -Math.log(Math.cos(k * inRegion)) / k;
  const after = s > o.lumbarToFrac ? (s - o.lumbarToFrac) * Math.tan(theta) : 0;
  return o.backDepthFrac + bent + after;
}

/**
 * The person mask of `frame` (blazepose33 or movenet17 pixel landmarks) for a lifter facing
 * `facing`, at the frame's image size. Throws when shoulders or hips are missing.
 */
export function renderSilhouette(frame: PoseFrame, facing: Side, options: Partial<SilhouetteOptions> = {}): PersonMask {
  const o: SilhouetteOptions = { ...DEFAULT_SILHOUETTE_OPTIONS, ...options };
  const width = Math.round(frame.imageWidth);
  const height = Math.round(frame.imageHeight);
  const data = new Float32Array(width * height);
  const shoulder = mid(point(frame, 'leftShoulder'), point(frame, 'rightShoulder'));
  const hip = mid(point(frame, 'leftHip'), point(frame, 'rightHip'));
  if (shoulder === null || hip === null) throw new Error('expected shoulders and hips in the frame, got none');
  const back = posteriorDirection(shoulder, hip, facing);
  if (back === null) throw new Error('expected shoulders and hips apart, got them on one point');
  const cx = hip.x - shoulder.x;
  const cy = hip.y - shoulder.y;
  const chord = Math.hypot(cx, cy);
  const pxPerM = chord / SEGMENT_M.trunk;

  const fill = (x0: number, y0: number, x1: number, y1: number, inside: (x: number, y: number) => boolean): void => {
    const xa = Math.max(0, Math.floor(x0));
    const xb = Math.min(width - 1, Math.ceil(x1));
    const ya = Math.max(0, Math.floor(y0));
    const yb = Math.min(height - 1, Math.ceil(y1));
    for (let y = ya; y <= yb; y += 1) for (let x = xa; x <= xb; x += 1) if (inside(x, y)) data[y * width + x] = 1;
  };

  // Trunk: chord coordinates s (along shoulder→hip, fraction) and d (towards the back, px).
  const reach = chord * 1.4;
  fill(shoulder.x - reach, shoulder.y - reach, shoulder.x + reach, shoulder.y + reach, (x, y) => {
    const rx = x - shoulder.x;
    const ry = y - shoulder.y;
    const s = (rx * cx + ry * cy) / (chord * chord);
    const d = rx * back.x + ry * back.y;
    // ref: the trunk reaches above the shoulder joints (the top of the shoulders) and below the
    // hip joints (the buttock) by about an eighth of its length (Drillis & Contini 1966).
    if (s < -0.12 || s > 1.12) return false;
    return d >= -o.bellyDepthFrac * chord && d <= backEdgeFrac(s, o) * chord;
  });

  const capsule = (a: Point2 | null, b: Point2 | null, radiusM: number): void => {
    if (a === null || b === null) return;
    const r = radiusM * pxPerM;
    const vx = b.x - a.x;
    const vy = b.y - a.y;
    const v2 = vx * vx + vy * vy;
    fill(Math.min(a.x, b.x) - r, Math.min(a.y, b.y) - r, Math.max(a.x, b.x) + r, Math.max(a.y, b.y) + r, (x, y) => {
      const t = v2 > 0 ? Math.max(0, Math.min(1, ((x - a.x) * vx + (y - a.y) * vy) / v2)) : 0;
      return Math.hypot(x - (a.x + t * vx), y - (a.y + t * vy)) <= r;
    });
  };

  const head = mid(point(frame, 'leftEar'), point(frame, 'rightEar'));
  capsule(head, head, RADIUS_M.head);
  capsule(shoulder, head, RADIUS_M.forearm * 1.4);
  for (const s of ['left', 'right'] as const) {
    capsule(point(frame, `${s}Shoulder`), point(frame, `${s}Elbow`), RADIUS_M.upperArm);
    capsule(point(frame, `${s}Elbow`), point(frame, `${s}Wrist`), RADIUS_M.forearm);
    capsule(point(frame, `${s}Hip`), point(frame, `${s}Knee`), RADIUS_M.thigh);
    capsule(point(frame, `${s}Knee`), point(frame, `${s}Ankle`), RADIUS_M.shank);
    capsule(point(frame, `${s}Heel`), point(frame, `${s}FootIndex`), RADIUS_M.foot);
  }
  return { data, width, height };
}
