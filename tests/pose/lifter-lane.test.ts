import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { lifterLane } from '../../src/pose/lifter-lane';
import { intersectionArea } from '../../src/pose/pixel-box';
import type { PixelBox } from '../../src/pose/types';

const box = (x: number, y: number, width: number, height: number): PixelBox => ({ x, y, width, height });

describe('lifterLane', () => {
  it('reaches from the picture edge to the next person, over the full height', () => {
    // Two people side by side in a 2560x720 picture: the lifter on the left.
    const lane = lifterLane(box(570, 150, 300, 500), [box(1700, 150, 300, 500)], 2560, 720);
    expect(lane).toEqual(box(0, 0, 1700, 720));
  });

  it('stops at the nearest person on each side', () => {
    const lane = lifterLane(box(1000, 100, 200, 400), [box(100, 100, 200, 400), box(500, 100, 200, 400), box(1500, 100, 200, 400), box(1900, 0, 50, 50)], 2400, 600);
    expect(lane).toEqual(box(700, 0, 800, 600));
  });

  it('is the whole picture when nobody else is beside the lifter (an overlapping person limits nothing)', () => {
    expect(lifterLane(box(400, 100, 200, 300), [box(450, 150, 200, 300)], 1280, 720)).toEqual(box(0, 0, 1280, 720));
    expect(lifterLane(box(400, 100, 200, 300), [], 1280, 720)).toEqual(box(0, 0, 1280, 720));
  });

  it('rejects an empty picture', () => {
    expect(() => lifterLane(box(0, 0, 1, 1), [], 0, 720)).toThrow(/expected a positive image size, got 0x720/);
  });

  it('always holds the lifter and never a side-by-side person', () => {
    const arbBox = (w: number, h: number) =>
      fc.record({ x: fc.integer({ min: 0, max: w - 20 }), y: fc.integer({ min: 0, max: h - 20 }), width: fc.integer({ min: 10, max: 400 }), height: fc.integer({ min: 10, max: 400 }) });
    fc.assert(
      fc.property(arbBox(2000, 800), fc.array(arbBox(2000, 800), { maxLength: 4 }), (lifter, others) => {
        const lane = lifterLane(lifter, others, 2000, 800);
        const right = Math.min(2000, lifter.x + lifter.width);
        expect(lane.x).toBeLessThanOrEqual(lifter.x);
        expect(lane.x + lane.width).toBeGreaterThanOrEqual(Math.floor(right) - 0);
        for (const o of others) {
          const beside = o.x + o.width <= lifter.x || o.x >= lifter.x + lifter.width;
          if (beside) expect(intersectionArea(lane, o)).toBe(0);
        }
      }),
    );
  });
});
