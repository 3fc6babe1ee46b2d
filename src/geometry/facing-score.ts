/**
 * Which way the person faces in the image, from three independent cues (docs/design.md#facing-and-working-leg: "nose /
 * foot-index direction relative to the hips"): the nose ahead of the ears, the toes ahead of the
 * heels, and the shoulders ahead of the hips (people lean forward, never backward, in this
 * exercise). Each cue is scaled by trunk length and clamped to ±1; the sum is + for image-right.
 */
import type { Point2 } from '../pose/read-joint';

export interface FacingCues {
  nose: Point2 | null;
  leftEar: Point2 | null;
  rightEar: Point2 | null;
  shoulderMid: Point2 | null;
  hipMid: Point2 | null;
  heels: readonly (Point2 | null)[];
  toes: readonly (Point2 | null)[];
}

// ref: anthropometry (Drillis & Contini 1966): nose–ear and heel–toe distances are roughly
// 0.15–0.3 of trunk length, so a tenth of it is a clear, noise-proof signal.
const HEAD_SCALE_FRAC = 0.1;
const FOOT_SCALE_FRAC = 0.1;
// ref: docs/design.md#form-rules torso-lean rule (30–60°): sin 17° ≈ 0.3 of trunk length is a deliberate lean.
const LEAN_SCALE_FRAC = 0.3;

function clampUnit(v: number): number {
  return Math.max(-1, Math.min(1, v));
}

function meanX(points: readonly (Point2 | null)[]): number | null {
  let s = 0;
  let n = 0;
  for (const p of points) {
    if (p !== null && Number.isFinite(p.x)) {
      s += p.x;
      n += 1;
    }
  }
  return n === 0 ? null : s / n;
}

/** Score in [−3, 3]: + faces image-right, − image-left, near 0 unknown (front view). */
export function facingScore(c: FacingCues): number | null {
  if (c.shoulderMid === null || c.hipMid === null) return null;
  const trunk = Math.hypot(c.shoulderMid.x - c.hipMid.x, c.shoulderMid.y - c.hipMid.y);
  if (!Number.isFinite(trunk) || !(trunk > 0)) return null;
  let score = 0;
  const earX = meanX([c.leftEar, c.rightEar]);
  if (c.nose !== null && earX !== null) {
    score += clampUnit((c.nose.x - earX) / (HEAD_SCALE_FRAC * trunk));
  }
  let toeSum = 0;
  let toeN = 0;
  for (let i = 0; i < c.heels.length; i += 1) {
    const h = c.heels[i] ?? null;
    const t = c.toes[i] ?? null;
    if (h !== null && t !== null) {
      toeSum += t.x - h.x;
      toeN += 1;
    }
  }
  if (toeN > 0) score += clampUnit(toeSum / toeN / (FOOT_SCALE_FRAC * trunk));
  score += clampUnit((c.shoulderMid.x - c.hipMid.x) / (LEAN_SCALE_FRAC * trunk));
  return Number.isFinite(score) ? score : null;
}
