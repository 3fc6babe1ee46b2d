/**
 * Puts each knee and ankle on the leg it belongs to (continuity, leg-identity-tracker.ts) and
 * drops the ones that cannot belong to any leg (segment-length-gate.ts), in place. A joint moved
 * to the other leg takes its world point and status with it; a dropped one becomes "hidden".
 */
import type { JointName } from '../pose/keypoint-tables';
import type { AllJoints, Point2, Point3 } from '../pose/read-joint';
import type { JointStatus } from '../pose/read-joint';
import type { LegIdentityTracker } from './leg-identity-tracker';
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

export function cleanLegJoints(all: AllJoints, identity: LegIdentityTracker, timestampMs: number): void {
  const px = all.pixel;
  const legOf = (s: Side) => ({ hip: px[`${s}Hip`], knee: px[`${s}Knee`], ankle: px[`${s}Ankle`] });
  const ids = identity.update(legOf('left'), legOf('right'), timestampMs);
  const fixes: { name: JointName; point: Point2 | null; world: Point3 | null; status: JointStatus }[] = [];
  for (const side of SIDES) {
    for (const part of PARTS) {
      const name: JointName = `${side}${part}`;
      const fixed = ids[side][part === 'Knee' ? 'knee' : 'ankle'];
      if (fixed === px[name]) continue;
      const otherName: JointName = `${other(side)}${part}`;
      const from = fixed !== null && fixed === px[otherName] ? otherName : null;
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
    if (checks[i]?.dropKnee) drop(`${side}Knee`);
    if (checks[i]?.dropAnkle) drop(`${side}Ankle`);
  });
}
