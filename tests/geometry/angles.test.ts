import { describe, expect, it } from 'vitest';
import { facingScore } from '../../src/geometry/facing-score';
import { hipAxisOffSideDeg } from '../../src/geometry/hip-axis-off-side';
import { hipExtensionDeg } from '../../src/geometry/hip-extension';
import { imageToPlane } from '../../src/geometry/image-to-plane';
import { kneeFlexionDeg } from '../../src/geometry/knee-flexion';
import { contourArcDeg, trunkLeanArchDeg } from '../../src/geometry/lumbar-arch';
import { pelvisTiltDeg2d, pelvisTiltDeg3d } from '../../src/geometry/pelvis-tilt';
import { signedAngleDeg } from '../../src/geometry/signed-angle-deg';
import { thighElevationDeg } from '../../src/geometry/thigh-elevation';
import { torsoLeanDeg } from '../../src/geometry/torso-lean';
import { sagittalBasis, worldToPlane } from '../../src/geometry/world-to-plane';

const D = Math.PI / 180;
/** Point at `len` from `from`, `deg` from vertical down, rotating towards behind (−f). */
function fromDown(from: { f: number; u: number }, deg: number, len: number) {
  return { f: from.f - len * Math.sin(deg * D), u: from.u - len * Math.cos(deg * D) };
}

describe('sagittal-plane angles', () => {
  const hip = { f: 0, u: 0 };

  it('torso lean: 0 upright, 45 leaning, 90 horizontal', () => {
    expect(torsoLeanDeg(hip, { f: 0, u: 1 })).toBeCloseTo(0, 10);
    expect(torsoLeanDeg(hip, { f: 1, u: 1 })).toBeCloseTo(45, 10);
    expect(torsoLeanDeg(hip, { f: 1, u: 0 })).toBeCloseTo(90, 10);
    expect(torsoLeanDeg(hip, { f: -1, u: 1 })).toBeCloseTo(45, 10);
  });

  it('thigh elevation: 0 hanging, + behind, − knee drive', () => {
    for (const deg of [-60, -40, 0, 22, 45, 90, 120]) {
      expect(thighElevationDeg(hip, fromDown(hip, deg, 0.45))).toBeCloseTo(deg, 8);
    }
  });

  it('hip extension is the thigh against the trunk line: elevation − lean', () => {
    for (const lean of [0, 30, 45, 70]) {
      for (const thigh of [-40, 0, 22, 60]) {
        const shoulder = { f: 0.5 * Math.sin(lean * D), u: 0.5 * Math.cos(lean * D) };
        const knee = fromDown(hip, thigh, 0.45);
        expect(hipExtensionDeg(shoulder, hip, hip, knee)).toBeCloseTo(thigh - lean, 8);
      }
    }
  });

  it('knee flexion: 0 straight, 90 at a right angle', () => {
    const knee = fromDown(hip, 30, 0.45);
    expect(kneeFlexionDeg(hip, knee, fromDown(knee, 30, 0.43))).toBeCloseTo(0, 8);
    expect(kneeFlexionDeg(hip, knee, fromDown(knee, 120, 0.43))).toBeCloseTo(90, 8);
    expect(kneeFlexionDeg(hip, knee, fromDown(knee, 50, 0.43))).toBeCloseTo(20, 8);
  });

  it('degenerate input gives null, never NaN', () => {
    expect(torsoLeanDeg(hip, hip)).toBeNull();
    expect(thighElevationDeg(hip, null)).toBeNull();
    expect(kneeFlexionDeg(hip, { f: Number.NaN, u: 0 }, hip)).toBeNull();
    expect(hipExtensionDeg(hip, hip, hip, { f: 1, u: 0 })).toBeNull();
    expect(signedAngleDeg({ f: 0, u: 0 }, { f: 1, u: 0 })).toBeNull();
    expect(signedAngleDeg({ f: Infinity, u: 0 }, { f: 1, u: 0 })).toBeNull();
    expect(trunkLeanArchDeg(null, 40)).toBeNull();
    expect(trunkLeanArchDeg(45, Number.NaN)).toBeNull();
  });

  it('signed angle covers the half-turn as +180', () => {
    expect(signedAngleDeg({ f: 1, u: 0 }, { f: -1, u: 0 })).toBe(180);
    expect(signedAngleDeg({ f: 1, u: 0 }, { f: 0, u: 1 })).toBeCloseTo(90, 10);
  });
});

describe('image and world paths into the sagittal plane', () => {
  it('image: up is −y, forward follows the facing', () => {
    expect(imageToPlane({ x: 10, y: 20 }, 'right')).toEqual({ f: 10, u: -20 });
    expect(imageToPlane({ x: 10, y: 20 }, 'left')).toEqual({ f: -10, u: -20 });
    expect(imageToPlane({ x: Number.NaN, y: 20 }, 'left')).toBeNull();
  });

  it('world: the basis is orthonormal and forward points the way the person faces', () => {
    const b = sagittalBasis({ x: 0, y: 0, z: 0.1 }, { x: 0, y: 0, z: -0.1 }, 'right');
    expect(b).not.toBeNull();
    expect(b?.forward.x).toBeCloseTo(1, 10);
    expect(b?.up.y).toBeCloseTo(-1, 10);
    const l = sagittalBasis({ x: 0, y: 0, z: 0.1 }, { x: 0, y: 0, z: -0.1 }, 'left');
    expect(l?.forward.x).toBeCloseTo(-1, 10);
    if (b) expect(worldToPlane({ x: 0.3, y: -0.4, z: 0.05 }, b)).toEqual({ f: 0.3, u: 0.4 });
  });

  it('world: a vertical or zero hip axis defines no plane', () => {
    expect(sagittalBasis({ x: 0, y: 0, z: 0 }, { x: 0, y: 0, z: 0 }, 'right')).toBeNull();
    expect(sagittalBasis({ x: 0, y: 0.1, z: 0 }, { x: 0, y: -0.1, z: 0 }, 'right')).toBeNull();
    expect(sagittalBasis(null, { x: 0, y: 0, z: 0 }, 'right')).toBeNull();
  });

  it('hip-axis off-side angle: 0 when the hips line up with the camera, 90 front-on', () => {
    expect(hipAxisOffSideDeg({ x: 0, y: 0, z: 0.1 }, { x: 0, y: 0, z: -0.1 })).toBeCloseTo(0, 8);
    expect(hipAxisOffSideDeg({ x: 0.1, y: 0, z: 0 }, { x: -0.1, y: 0, z: 0 })).toBeCloseTo(90, 8);
    expect(hipAxisOffSideDeg({ x: 0.1, y: 0, z: 0.1 }, { x: 0, y: 0, z: 0 })).toBeCloseTo(45, 8);
    expect(hipAxisOffSideDeg({ x: 0, y: 0, z: 0 }, { x: 0, y: 0.2, z: 0 })).toBeNull();
  });
});

describe('pelvis tilt, lumbar arch, facing', () => {
  it('pelvis tilt reads the hip line against horizontal, in 2D and 3D', () => {
    expect(pelvisTiltDeg2d({ x: 0, y: 0 }, { x: 100, y: 0 }, 10)).toBeCloseTo(0, 10);
    expect(pelvisTiltDeg2d({ x: 0, y: 0 }, { x: 100, y: 100 }, 10)).toBeCloseTo(45, 10);
    expect(pelvisTiltDeg2d({ x: 0, y: 0 }, { x: 3, y: 1 }, 10)).toBeNull();
    expect(pelvisTiltDeg3d({ x: 0, y: 0, z: 0 }, { x: 0.2, y: -0.2 * Math.tan(8 * D), z: 0 })).toBeCloseTo(8, 8);
  });

  it('trunk-lean arch proxy: + when the trunk rises from its reference', () => {
    expect(trunkLeanArchDeg(45, 40)).toBe(5);
    expect(trunkLeanArchDeg(45, 48)).toBe(-3);
  });

  it('contour arc: a straight back is 0, an arc of 30° bowed towards the belly is +30', () => {
    const straight = [0, 1, 2, 3, 4].map((i) => ({ f: 0, u: i }));
    expect(contourArcDeg(straight, { f: 1, u: 0 })).toBeCloseTo(0, 10);
    const r = 1;
    const half = 15 * D;
    const arc = [-1, -0.5, 0, 0.5, 1].map((k) => ({ f: r * Math.cos(k * half) - r * Math.cos(half), u: r * Math.sin(k * half) }));
    expect(contourArcDeg(arc, { f: 1, u: 0 })).toBeCloseTo(30, 6);
    expect(contourArcDeg(arc, { f: -1, u: 0 })).toBeCloseTo(-30, 6);
    expect(contourArcDeg(arc.slice(0, 2), { f: 1, u: 0 })).toBeNull();
  });

  it('facing score: nose, toes and lean agree on image-right', () => {
    const base = { leftEar: { x: 100, y: 100 }, rightEar: null, shoulderMid: { x: 130, y: 150 }, hipMid: { x: 100, y: 300 } };
    const right = facingScore({ ...base, nose: { x: 120, y: 105 }, heels: [{ x: 90, y: 500 }], toes: [{ x: 120, y: 505 }] });
    expect(right).toBeGreaterThan(2);
    const left = facingScore({
      leftEar: { x: 100, y: 100 },
      rightEar: null,
      shoulderMid: { x: 70, y: 150 },
      hipMid: { x: 100, y: 300 },
      nose: { x: 80, y: 105 },
      heels: [{ x: 110, y: 500 }],
      toes: [{ x: 80, y: 505 }],
    });
    expect(left).toBeLessThan(-2);
    expect(facingScore({ ...base, shoulderMid: null, nose: null, heels: [], toes: [] })).toBeNull();
  });
});
