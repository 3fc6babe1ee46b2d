/**
 * Puts each knee and ankle on the leg it belongs to (continuity, leg-identity-tracker.ts) and
 * drops the ones that cannot belong to any leg (segment-length-gate.ts), in place. A joint moved
 * to the other leg takes its world point and status with it; a dropped one becomes "hidden".
 */
import type { JointName } from '../pose/keypoint-tables';
import type { AllJoints, Point2, Point3 } from '../pose/read-joint';
import type { JointStatus } from '../pose/read-joint';
import { APART_FRAC, type LegIdentityTracker } from './leg-identity-tracker';
import { checkLegSegments } from './segment-length-gate';
import type { Side } from './types';

const SIDES = ['left', 'right'] as const;
const PARTS = ['Knee', 'Ankle'] as const;

function other(s: Side): Side {
  return s === 'left' ? 'right' : 'left';
}

function mid(a: Point2 | null, b: Point2 | null): Point2 | null {
  if (a !== null && b !== null) return { x: (a.x + b.x) / 2, y: (a.y + b.y) / 2 };
  return a ?? b;
}

/**
 * Returns, per tracked leg, the detector's own label on that leg's knee (the other side's when
 * continuity moved it; null when no knee is left, two were merged into one, or the knees are
 * not clearly apart: APART_FRAC of a thigh, where the label is a guess).
 */
export function cleanLegJoints(all: AllJoints, identity: LegIdentityTracker, timestampMs: number): Record<Side, Side | null> {
  const px = all.pixel;
  const legOf = (s: Side) => ({ hip: px[`${s}Hip`], knee: px[`${s}Knee`], ankle: px[`${s}Ankle`] });
  const ids = identity.update(legOf('left'), legOf('right'), timestampMs);
  const fixes: { name: JointName; point: Point2 | null; world: Point3 | null; status: JointStatus }[] = [];
  const kneeLabel: Record<Side, Side | null> = { left: px.leftKnee === null ? null : 'left', right: px.rightKnee === null ? null : 'right' };
  for (const side of SIDES) {
    for (const part of PARTS) {
      const name: JointName = `${side}${part}`;
      const fixed = ids[side][part === 'Knee' ? 'knee' : 'ankle'];
      if (fixed === px[name]) continue;
      const otherName: JointName = `${other(side)}${part}`;
      const from = fixed !== null && fixed === px[otherName] ? otherName : null;
      if (part === 'Knee') kneeLabel[side] = from === null ? null : other(side);
      fixes.push({
        name,
        point: fixed,
        world: from === null ? null : all.world[from],
        // A merged (collapsed) joint is a new point: seen, but without a world reading.
        status: from === null ? (fixed === null ? 'hidden' : 'ok') : all.status[from],
      });
    }
  }
  for (const f of fixes) {
    px[f.name] = f.point;
    all.world[f.name] = f.world;
    all.status[f.name] = f.status;
  }
  const sm = mid(px.leftShoulder, px.rightShoulder);
  const hm = mid(px.leftHip, px.rightHip);
  const trunkPx = sm === null || hm === null ? null : Math.hypot(sm.x - hm.x, sm.y - hm.y);
  const checks = SIDES.map((side) =>
    checkLegSegments(px[`${side}Hip`], px[`${side}Knee`], px[`${side}Ankle`], px[`${other(side)}Knee`], trunkPx),
  );
  const drop = (name: JointName): void => {
    px[name] = null;
    all.world[name] = null;
    all.status[name] = 'hidden';
  };
  SIDES.forEach((side, i) => {
    if (checks[i]?.dropKnee) {
      drop(`${side}Knee`);
      kneeLabel[side] = null;
    }
    if (checks[i]?.dropAnkle) drop(`${side}Ankle`);
  });
  // Knees overlapping (side view at rest): the detector's label there is a guess, not a reading.
  const thigh = dist(px.leftHip, px.leftKnee) ?? dist(px.rightHip, px.rightKnee);
  const kneesApart = dist(px.leftKnee, px.rightKnee);
  if (thigh === null || kneesApart === null || kneesApart <= APART_FRAC * thigh) return { left: null, right: null };
  return kneeLabel;
}

function dist(a: Point2 | null, b: Point2 | null): number | null {
  return a === null || b === null ? null : Math.hypot(a.x - b.x, a.y - b.y);
}
