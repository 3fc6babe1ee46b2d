import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  chooseLifter,
  DEFAULT_LIFTER_CHOICE_OPTIONS,
  findInRegion,
  legMotionCue,
  resolveLifterChoiceOptions,
  sideOnCue,
  wholeBodyCue,
} from '../../src/pose/lifter-choice';
import type { SeenPerson } from '../../src/pose/lifter-person';
import { boxOfPoints, clipToImage, expandBox, intersectionArea, iou, overlapOfSmaller } from '../../src/pose/pixel-box';
import type { PixelBox } from '../../src/pose/types';

const OPTS = DEFAULT_LIFTER_CHOICE_OPTIONS;

interface BodyOptions {
  /** Hip position, px. */
  x: number;
  y: number;
  /** Stature, px. */
  height: number;
  /** Shoulder width over trunk length (0 side-on, 0.75 front-on). */
  shoulderRatio?: number;
  /** Ankle pushed back by this many px (a kick). */
  kick?: number;
  /** Ankles and knees unseen (cut off by the frame). */
  noLegs?: boolean;
}

/** A standing person in COCO-17 keypoints, hips at (x, y). */
function person(o: BodyOptions): SeenPerson {
  const trunk = 0.29 * o.height;
  const halfShoulder = ((o.shoulderRatio ?? 0.1) * trunk) / 2;
  const legScore = o.noLegs ? 0 : 0.9;
  const kick = o.kick ?? 0;
  const k = (x: number, y: number, score = 0.9) => ({ x, y, score });
  const keypoints = [
    k(o.x, o.y - 0.45 * o.height), // nose
    k(o.x, o.y - 0.47 * o.height),
    k(o.x, o.y - 0.47 * o.height),
    k(o.x, o.y - 0.46 * o.height),
    k(o.x, o.y - 0.46 * o.height),
    k(o.x - halfShoulder, o.y - trunk), // shoulders
    k(o.x + halfShoulder, o.y - trunk),
    k(o.x, o.y - 0.15 * o.height),
    k(o.x, o.y - 0.15 * o.height),
    k(o.x, o.y),
    k(o.x, o.y),
    k(o.x - halfShoulder / 2, o.y), // hips
    k(o.x + halfShoulder / 2, o.y),
    k(o.x, o.y + 0.25 * o.height, legScore), // knees
    k(o.x + kick / 2, o.y + 0.25 * o.height, legScore),
    k(o.x, o.y + 0.5 * o.height, legScore), // ankles
    k(o.x + kick, o.y + 0.45 * o.height, legScore),
  ];
  return { score: 0.6, keypoints, box: boxOfPoints(keypoints, OPTS.minKeypointScore) as PixelBox };
}

const IMAGE = { imageWidth: 640, imageHeight: 480 };

describe('pixel boxes', () => {
  const box = fc.record({
    x: fc.double({ min: -100, max: 700, noNaN: true }),
    y: fc.double({ min: -100, max: 500, noNaN: true }),
    width: fc.double({ min: 0, max: 400, noNaN: true }),
    height: fc.double({ min: 0, max: 400, noNaN: true }),
  });

  it('IoU and overlap-of-smaller are symmetric, within 0..1, and overlap-of-smaller is never below IoU', () => {
    fc.assert(
      fc.property(box, box, (a, b) => {
        const i = iou(a, b);
        const o = overlapOfSmaller(a, b);
        expect(i).toBeCloseTo(iou(b, a), 9);
        expect(o).toBeCloseTo(overlapOfSmaller(b, a), 9);
        expect(i).toBeGreaterThanOrEqual(0);
        expect(o).toBeLessThanOrEqual(1 + 1e-9);
        expect(o + 1e-9).toBeGreaterThanOrEqual(i);
        expect(intersectionArea(a, b)).toBeLessThanOrEqual(Math.min(a.width * a.height, b.width * b.height) + 1e-6);
      }),
    );
  });

  it('a clipped box lies inside the image on whole pixels and covers the box\'s part inside it', () => {
    fc.assert(
      fc.property(box, (b) => {
        const c = clipToImage(b, 640, 480);
        if (c === null) {
          expect(intersectionArea(b, { x: 0, y: 0, width: 640, height: 480 })).toBe(0);
          return;
        }
        for (const v of [c.x, c.y, c.width, c.height]) expect(Number.isInteger(v)).toBe(true);
        expect(c.x).toBeGreaterThanOrEqual(0);
        expect(c.x + c.width).toBeLessThanOrEqual(640);
        expect(c.y + c.height).toBeLessThanOrEqual(480);
        const inside = intersectionArea(b, { x: 0, y: 0, width: 640, height: 480 });
        expect(intersectionArea(b, c)).toBeCloseTo(inside, 6);
      }),
    );
  });

  it('boxes the points that pass the score, and none when none pass', () => {
    const points = [{ x: 10, y: 20, score: 0.9 }, { x: 50, y: 5, score: 0.5 }, { x: 999, y: 999, score: 0.1 }];
    expect(boxOfPoints(points, 0.3)).toEqual({ x: 10, y: 5, width: 40, height: 15 });
    expect(boxOfPoints(points, 0.95)).toBeNull();
    expect(expandBox({ x: 10, y: 10, width: 10, height: 20 }, 5, 2)).toEqual({ x: 5, y: 8, width: 20, height: 24 });
  });
});

describe('lifter cues', () => {
  it('side-on reads 1 with the shoulders together and 0 facing the camera', () => {
    expect(sideOnCue(person({ x: 200, y: 240, height: 300, shoulderRatio: 0 }), OPTS)).toBeCloseTo(1, 6);
    expect(sideOnCue(person({ x: 200, y: 240, height: 300, shoulderRatio: 0.75 }), OPTS)).toBeCloseTo(0, 6);
  });

  it('whole body needs a hip and an ankle', () => {
    expect(wholeBodyCue(person({ x: 200, y: 240, height: 300 }), OPTS)).toBe(1);
    expect(wholeBodyCue(person({ x: 200, y: 240, height: 300, noLegs: true }), OPTS)).toBe(0.5);
  });

  it('leg motion is one leg against the other: a squat (both knees forward) is not a kick', () => {
    const before = person({ x: 200, y: 240, height: 300 });
    const squat = person({ x: 200, y: 240, height: 300 });
    for (const i of [13, 14]) squat.keypoints[i] = { ...squat.keypoints[i]!, x: squat.keypoints[i]!.x + 70 };
    expect(legMotionCue(squat, [before], OPTS)).toBeCloseTo(0, 6);
    expect(legMotionCue(person({ x: 200, y: 240, height: 300, kick: -80 }), [before], OPTS)).toBeGreaterThan(0.9);
  });

  it('leg motion is the kick relative to the hips, not walking across the picture', () => {
    const before = person({ x: 200, y: 240, height: 300 });
    expect(legMotionCue(person({ x: 200, y: 240, height: 300, kick: -80 }), [before], OPTS)).toBeGreaterThan(0.9);
    // The same body moved 40 px sideways, legs as they were: no leg motion.
    expect(legMotionCue(person({ x: 240, y: 240, height: 300 }), [before], OPTS)).toBeCloseTo(0, 6);
    expect(legMotionCue(person({ x: 200, y: 240, height: 300, kick: -80 }), [], OPTS)).toBe(0);
  });
});

describe('chooseLifter', () => {
  it('chooses the side-on, whole-body, central person who kicks over a front-on bystander at the edge', () => {
    const bystanderBefore = person({ x: 560, y: 240, height: 300, shoulderRatio: 0.7 });
    const lifterBefore = person({ x: 300, y: 240, height: 300 });
    const people = [person({ x: 560, y: 240, height: 300, shoulderRatio: 0.7 }), person({ x: 300, y: 240, height: 300, kick: -90 })];
    const choice = chooseLifter({ people, ...IMAGE, previousLifter: null, previousPeople: [bystanderBefore, lifterBefore] });
    expect(choice).toEqual({ kind: 'chosen', index: 1, lock: 'locked', continued: false, kicking: true });
  });

  it('prefers the larger of two otherwise alike people', () => {
    const people = [person({ x: 250, y: 240, height: 200 }), person({ x: 390, y: 240, height: 320 })];
    expect(chooseLifter({ people, ...IMAGE, previousLifter: null, previousPeople: [] })).toMatchObject({ index: 1 });
  });

  it('keeps the previous lifter by region, however much better someone else looks (a passer-by)', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 640, noNaN: true }),
        fc.double({ min: 150, max: 400, noNaN: true }),
        fc.double({ min: 0, max: 0.75, noNaN: true }),
        (otherX, otherHeight, lifterShoulderRatio) => {
          const lifter = person({ x: 120, y: 240, height: 250, shoulderRatio: lifterShoulderRatio });
          const other = person({ x: otherX, y: 240, height: otherHeight, shoulderRatio: 0, kick: -100 });
          // Only people clear of the lifter: overlapping ones are the ambiguous case below.
          fc.pre(overlapOfSmaller(other.box, lifter.box) < OPTS.ambiguousOverlap && findInRegion([other], lifter.box, OPTS) < 0);
          const choice = chooseLifter({ people: [other, lifter], ...IMAGE, previousLifter: lifter.box, previousPeople: [] });
          expect(choice).toEqual({ kind: 'chosen', index: 1, lock: 'locked', continued: true, kicking: false });
        },
      ),
    );
  });

  it('hands a provisional lock to a person seen kicking while the locked one stands still, never a confirmed one', () => {
    const stillBefore = person({ x: 200, y: 240, height: 300 });
    const kickerBefore = person({ x: 480, y: 240, height: 220 });
    const people = [person({ x: 200, y: 240, height: 300 }), person({ x: 480, y: 240, height: 220, kick: -70 })];
    const base = { people, ...IMAGE, previousLifter: stillBefore.box, previousPeople: [stillBefore, kickerBefore] };
    expect(chooseLifter({ ...base, previousConfirmed: false })).toEqual({ kind: 'chosen', index: 1, lock: 'locked', continued: false, kicking: true });
    expect(chooseLifter({ ...base, previousConfirmed: true })).toEqual({ kind: 'chosen', index: 0, lock: 'locked', continued: true, kicking: false });
    // Nobody kicking: the provisional lock stays where it is.
    const calm = [person({ x: 200, y: 240, height: 300 }), person({ x: 480, y: 240, height: 220 })];
    expect(chooseLifter({ ...base, people: calm, previousConfirmed: false })).toMatchObject({ index: 0, continued: true });
  });

  it('says lost, never hands over, when nobody stands in the previous lifter region', () => {
    const walker = person({ x: 520, y: 240, height: 300 });
    const previous = person({ x: 120, y: 240, height: 300 }).box;
    expect(chooseLifter({ people: [walker, person({ x: 330, y: 240, height: 300 })], ...IMAGE, previousLifter: previous, previousPeople: [] })).toEqual({
      kind: 'lost',
    });
  });

  it('is ambiguous when another person overlaps the lifter', () => {
    const people = [person({ x: 300, y: 240, height: 300 }), person({ x: 310, y: 250, height: 300, shoulderRatio: 0.7 })];
    const choice = chooseLifter({ people, ...IMAGE, previousLifter: null, previousPeople: [] });
    expect(choice).toMatchObject({ kind: 'chosen', lock: 'ambiguous' });
  });

  it('rejects an empty list and bad options', () => {
    expect(() => chooseLifter({ people: [], ...IMAGE, previousLifter: null, previousPeople: [] })).toThrow(
      'expected at least one person to choose the lifter from, got 0',
    );
    expect(() => resolveLifterChoiceOptions({ ambiguousOverlap: 2 })).toThrow('expected ambiguousOverlap between 0 and 1, got 2');
    expect(resolveLifterChoiceOptions({ sameRegionMinIou: 0.5 })).toEqual({ ...DEFAULT_LIFTER_CHOICE_OPTIONS, sameRegionMinIou: 0.5 });
  });
});
