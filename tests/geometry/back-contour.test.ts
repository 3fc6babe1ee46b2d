/**
 * The back's edge traced from drawn masks, and the lumbar arch measured from it: a straight back
 * reads 0, a back whose lower half turns by a known angle reads that angle, and mirroring the
 * picture with the facing swapped changes nothing.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { posteriorDirection, traceBackContour, type PersonMask } from '../../src/geometry/back-contour';
import { backOfFrame } from '../../src/geometry/back-contour-of-frame';
import { contourTurnDeg } from '../../src/geometry/lumbar-arch-contour';
import { renderSequence } from '../../src/synthetic/render-sequence';
import { renderSilhouette } from '../../src/synthetic/silhouette';
import type { Point2 } from '../../src/pose/read-joint';
import type { Side } from '../../src/pose/types';

interface Trunk {
  shoulder: Point2;
  hip: Point2;
  facing: Side;
  /** Back edge height above the chord (px) at fraction s of the chord from the shoulder. */
  back: (s: number) => number;
  /** Belly depth below the chord (px). */
  belly: number;
}

/**
 * Fills every pixel whose chord coordinates (s along shoulder→hip, d towards the back) lie in
 * the trunk: -0.1 ≤ s ≤ 1.1, -belly ≤ d ≤ back(s). Built from the chord frame, independently of
 * the tracer's own marching.
 */
function drawTrunk(width: number, height: number, t: Trunk): PersonMask {
  const data = new Float32Array(width * height);
  const cx = t.hip.x - t.shoulder.x;
  const cy = t.hip.y - t.shoulder.y;
  const len = Math.hypot(cx, cy);
  const post = posteriorDirection(t.shoulder, t.hip, t.facing);
  if (post === null) throw new Error('expected a trunk with length');
  for (let y = 0; y < height; y += 1) {
    for (let x = 0; x < width; x += 1) {
      const rx = x - t.shoulder.x;
      const ry = y - t.shoulder.y;
      const s = (rx * cx + ry * cy) / (len * len);
      const d = rx * post.x + ry * post.y;
      if (s >= -0.1 && s <= 1.1 && d >= -t.belly && d <= t.back(s) * len) data[y * width + x] = 1;
    }
  }
  return { data, width, height };
}

const DEG = Math.PI / 180;

/**
 * A back that runs parallel to the chord, then turns by `turnDeg` towards the back at s = kink;
 * by default at the middle of the traced span (stations 0.10–0.95), where the measure splits it.
 */
function kinked(turnDeg: number, kink = 0.525, depth = 0.22): (s: number) => number {
  return (s) => depth + (s > kink ? (s - kink) * Math.tan(turnDeg * DEG) : 0);
}

function mirror(mask: PersonMask): PersonMask {
  const out = new Float32Array(mask.data.length);
  for (let y = 0; y < mask.height; y += 1) {
    for (let x = 0; x < mask.width; x += 1) out[y * mask.width + (mask.width - 1 - x)] = mask.data[y * mask.width + x] ?? 0;
  }
  return { data: out, width: mask.width, height: mask.height };
}

const W = 320;
const H = 240;
// A lifter facing image-right, bent forward ~45°: shoulders ahead of and above the hips.
const LEANING: Pick<Trunk, 'shoulder' | 'hip' | 'facing' | 'belly'> = {
  shoulder: { x: 210, y: 70 },
  hip: { x: 110, y: 160 },
  facing: 'right',
  belly: 30,
};

describe('traceBackContour', () => {
  it('finds a straight back at its drawn depth, on the side away from the belly', () => {
    const mask = drawTrunk(W, H, { ...LEANING, back: () => 0.22 });
    const pts = traceBackContour(mask, LEANING.shoulder, LEANING.hip, 'right');
    expect(pts.length).toBe(18);
    const post = posteriorDirection(LEANING.shoulder, LEANING.hip, 'right');
    if (post === null) throw new Error('expected a direction');
    // Away from the belly of a right-facing, forward-leaning lifter points up in the image.
    expect(post.y).toBeLessThan(0);
    const len = Math.hypot(LEANING.hip.x - LEANING.shoulder.x, LEANING.hip.y - LEANING.shoulder.y);
    for (const p of pts) {
      const d = (p.x - LEANING.shoulder.x) * post.x + (p.y - LEANING.shoulder.y) * post.y;
      expect(Math.abs(d - 0.22 * len)).toBeLessThan(1);
    }
    expect(contourTurnDeg(pts, 'right')).toBeCloseTo(0, 0);
  });

  it('gives no point where the station is off the body, and nothing for a blank mask', () => {
    const blank: PersonMask = { data: new Float32Array(W * H), width: W, height: H };
    expect(traceBackContour(blank, LEANING.shoulder, LEANING.hip, 'right')).toEqual([]);
    expect(() => traceBackContour({ data: new Float32Array(3), width: W, height: H }, LEANING.shoulder, LEANING.hip, 'right')).toThrow(
      `expected a mask of width*height values, got 3 for ${W}x${H}`,
    );
  });

  it('does not stop at a thin gap in the mask (a strap across the back)', () => {
    const mask = drawTrunk(W, H, { ...LEANING, back: () => 0.22 });
    const post = posteriorDirection(LEANING.shoulder, LEANING.hip, 'right');
    if (post === null) throw new Error('expected a direction');
    // Clear a one-pixel line parallel to the chord, half way to the back.
    const len = Math.hypot(LEANING.hip.x - LEANING.shoulder.x, LEANING.hip.y - LEANING.shoulder.y);
    for (let k = 0; k <= 400; k += 1) {
      const s = k / 400;
      const x = Math.round(LEANING.shoulder.x + s * (LEANING.hip.x - LEANING.shoulder.x) + post.x * 0.11 * len);
      const y = Math.round(LEANING.shoulder.y + s * (LEANING.hip.y - LEANING.shoulder.y) + post.y * 0.11 * len);
      mask.data[y * W + x] = 0;
    }
    const pts = traceBackContour(mask, LEANING.shoulder, LEANING.hip, 'right');
    expect(pts.length).toBe(18);
    for (const p of pts) {
      const d = (p.x - LEANING.shoulder.x) * post.x + (p.y - LEANING.shoulder.y) * post.y;
      expect(d).toBeGreaterThan(0.2 * len);
    }
  });
});

describe('contourTurnDeg on drawn masks', () => {
  for (const turn of [0, 10, 20, 30]) {
    it(`a lower back turned ${turn}° towards the back reads ${turn}° (±1.5°)`, () => {
      const mask = drawTrunk(W, H, { ...LEANING, back: kinked(turn) });
      const measured = contourTurnDeg(traceBackContour(mask, LEANING.shoulder, LEANING.hip, 'right'), 'right');
      expect(measured).not.toBeNull();
      expect(Math.abs((measured ?? Number.NaN) - turn)).toBeLessThan(1.5);
    });
  }

  it('a rounded back (lower half turned towards the belly) reads negative', () => {
    const mask = drawTrunk(W, H, { ...LEANING, back: kinked(-15) });
    expect(contourTurnDeg(traceBackContour(mask, LEANING.shoulder, LEANING.hip, 'right'), 'right')).toBeLessThan(-12);
  });

  it('reads null with too few points', () => {
    expect(contourTurnDeg([{ x: 0, y: 0 }, { x: 1, y: 1 }], 'right')).toBeNull();
    expect(contourTurnDeg([{ x: 0, y: 0 }, { x: 1, y: Number.NaN }, { x: 2, y: 2 }], 'left')).toBeNull();
  });

  it('property: mirroring the picture and swapping the facing leaves the arch unchanged', () => {
    fc.assert(
      fc.property(
        fc.double({ min: -20, max: 35, noNaN: true }),
        fc.double({ min: 0.35, max: 0.65, noNaN: true }),
        fc.double({ min: 20, max: 70, noNaN: true }),
        fc.constantFrom<Side>('left', 'right'),
        (turn, kink, leanDeg, facing) => {
          // Hips at (160, 170), shoulders 120 px away, leaning forward by leanDeg the way the lifter faces.
          const fwd = facing === 'right' ? 1 : -1;
          const hip = { x: 160 - fwd * 50, y: 170 };
          const shoulder = { x: hip.x + fwd * 120 * Math.sin(leanDeg * DEG), y: hip.y - 120 * Math.cos(leanDeg * DEG) };
          const mask = drawTrunk(W, H, { shoulder, hip, facing, belly: 30, back: kinked(turn, kink) });
          const a = contourTurnDeg(traceBackContour(mask, shoulder, hip, facing), facing);
          const flip = (p: Point2): Point2 => ({ x: W - 1 - p.x, y: p.y });
          const other: Side = facing === 'right' ? 'left' : 'right';
          const b = contourTurnDeg(traceBackContour(mirror(mask), flip(shoulder), flip(hip), other), other);
          expect(a).not.toBeNull();
          expect(b).not.toBeNull();
          expect(Math.abs((a ?? 0) - (b ?? 1e9))).toBeLessThan(1e-6);
        },
      ),
      { numRuns: 40, seed: 9 },
    );
  });
});

describe('backOfFrame (what the frame pipeline sends)', () => {
  const pose = () => ({ torsoLeanDeg: 45, left: { thighDeg: -5, kneeDeg: 10 }, right: { thighDeg: 40, kneeDeg: 20 } });

  it('traces a side view, for the facing the frame shows', () => {
    for (const facing of ['left', 'right'] as const) {
      const frame = renderSequence(0, pose, { facing })[0]?.frame;
      if (frame === undefined) throw new Error('expected a frame');
      const back = backOfFrame(frame, renderSilhouette(frame, facing));
      expect(back?.facing).toBe(facing);
      expect(back?.contour.length).toBe(18);
    }
  });

  it('traces nothing when the lifter turns to the camera (the outline is then their flank)', () => {
    // ref: back-contour-of-frame.ts MAX_SHOULDER_SPAN_FRAC: up to ~40° off side is traced.
    const traced = (yawDeg: number): boolean => {
      const frame = renderSequence(0, pose, { cameraYawDeg: yawDeg })[0]?.frame;
      if (frame === undefined) throw new Error('expected a frame');
      return backOfFrame(frame, renderSilhouette(frame, 'right')) !== undefined;
    };
    expect(traced(30)).toBe(true);
    expect(traced(60)).toBe(false);
    expect(traced(85)).toBe(false);
  });

  it('traces nothing without a clear facing', () => {
    const frame = renderSequence(0, () => ({ torsoLeanDeg: 0, left: { thighDeg: 0, kneeDeg: 0 }, right: { thighDeg: 0, kneeDeg: 0 } }))[0]?.frame;
    if (frame === undefined) throw new Error('expected a frame');
    // Upright, head level, feet hidden: the only cues left are the nose and ears; hide them too.
    const blind = { ...frame, landmarks: frame.landmarks.map((l, i) => (i <= 10 || i >= 29 ? { ...l, visibility: 0 } : l)) };
    expect(backOfFrame(blind, renderSilhouette(frame, 'right'))).toBeUndefined();
    expect(backOfFrame(frame, renderSilhouette(frame, 'right'))).toBeDefined();
  });
});
