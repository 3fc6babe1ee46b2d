/**
 * Legs the detector invents inside the picture (src/analysis/squashed-legs.ts) and the words the
 * lifter reads when only the legs are in doubt (src/analysis/framing-issues.ts).
 */
import { describe, expect, it } from 'vitest';
import { framingIssues } from '../../src/analysis/framing-issues';
import { FRAMING_MESSAGES, LEGS_UNSEEN_MESSAGE } from '../../src/analysis/framing-messages';
import { MIN_ROOM_BELOW_HIPS_OF_TRUNK, markSquashedLegs } from '../../src/analysis/squashed-legs';
import type { ViewAssessment } from '../../src/analysis/types';
import { JOINT_NAMES, jointRecord, type JointName } from '../../src/pose/keypoint-tables';
import type { AllJoints, JointStatus } from '../../src/pose/read-joint';

/** A side-on standing body: shoulders at y 100, hips at y 300 (trunk 200 px), legs 400 px long. */
function standing(): AllJoints {
  const all: AllJoints = { pixel: jointRecord(null), world: jointRecord(null), status: jointRecord<JointStatus>('ok') };
  const at: Partial<Record<JointName, [number, number]>> = {
    leftShoulder: [300, 100], rightShoulder: [305, 100], leftHip: [300, 300], rightHip: [305, 300],
    leftKnee: [300, 500], rightKnee: [305, 500], leftAnkle: [300, 700], rightAnkle: [305, 700],
  };
  for (const [name, [x, y]] of Object.entries(at) as [JointName, [number, number]][]) {
    all.pixel[name] = { x, y };
    all.world[name] = { x: 0, y: 0, z: 0 };
  }
  return all;
}

const LEG_JOINTS = ['leftKnee', 'rightKnee', 'leftAnkle', 'rightAnkle'] as const;

describe('legs the picture has no room for', () => {
  it('keeps the legs when the picture reaches below the feet', () => {
    const all = standing();
    markSquashedLegs(all, 720);
    for (const n of LEG_JOINTS) expect(all.status[n]).toBe('ok');
  });

  it('marks both legs out of the picture when less than MIN_ROOM_BELOW_HIPS_OF_TRUNK of the trunk is left below the hips', () => {
    // Legs as the detector drew them in the strip under the hips, with full confidence, and as
    // long as the trunk (so the squeezed-leg rule alone would keep them): only the room says no.
    const all = standing();
    for (const side of ['left', 'right'] as const) {
      all.pixel[`${side}Knee`] = { x: 400, y: 360 };
      all.pixel[`${side}Ankle`] = { x: 500, y: 380 };
    }
    const imageHeight = 300 + Math.floor(MIN_ROOM_BELOW_HIPS_OF_TRUNK * 200) - 1;
    markSquashedLegs(all, imageHeight);
    for (const n of LEG_JOINTS) {
      expect(all.status[n]).toBe('out-of-frame');
      expect(all.pixel[n]).toBeNull();
      expect(all.world[n]).toBeNull();
    }
    expect(all.status.leftHip).toBe('ok');
  });

  it('leaves room just above the limit alone (the legs here are a whole trunk long)', () => {
    const all = standing();
    markSquashedLegs(all, 300 + Math.ceil(MIN_ROOM_BELOW_HIPS_OF_TRUNK * 200) + 1);
    for (const n of LEG_JOINTS) expect(all.status[n]).toBe('ok');
  });
});

describe('framing words when only the legs are in doubt', () => {
  const view = (missing: string[]): ViewAssessment => ({ kind: 'side', personFound: true, inFrame: false, usable: false, reason: null, missingJoints: missing });
  const lock = { otherPeople: 0, ambiguous: false } as Parameters<typeof framingIssues>[0]['lock'];

  it('asks for the legs in view, not for light, when the trunk is seen clearly', () => {
    const statuses = jointRecord<JointStatus>('ok');
    statuses.leftKnee = 'hidden';
    statuses.leftAnkle = 'hidden';
    const issues = framingIssues({ statuses, view: view(['leftKnee', 'leftAnkle']), lock, bodyLengthFrac: 0.4, misreadBody: false });
    expect(issues[0]).toMatchObject({ reason: 'feet-out-of-frame', message: LEGS_UNSEEN_MESSAGE, blocking: true });
    expect(issues.some((i) => i.reason === 'low-confidence')).toBe(false);
  });

  it('asks for light when the trunk is in doubt too', () => {
    const statuses = jointRecord<JointStatus>('ok');
    for (const n of JOINT_NAMES.filter((j) => /Shoulder|Knee|Ankle/.test(j))) statuses[n] = 'hidden';
    const issues = framingIssues({
      statuses,
      view: view(['leftShoulder', 'rightShoulder', 'leftKnee', 'leftAnkle']),
      lock,
      bodyLengthFrac: 0.4,
      misreadBody: false,
    });
    expect(issues[0]).toMatchObject({ reason: 'low-confidence', message: FRAMING_MESSAGES['low-confidence'] });
  });
});
