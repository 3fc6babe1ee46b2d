/**
 * Which of several people is the lifter (docs/lifter-lock.md; docs/design.md#trust-rules):
 * the one who is side-on, whole-body, large in the picture, near the centre and moving a leg,
 * and, once chosen, whoever stands in the previous lifter's region (region continuity), so a
 * person who walks past cannot take the lock. Pure: boxes and keypoints in, a choice out.
 */
import { MOVENET17_INDEX } from './keypoint-tables';
import type { SeenPerson } from './lifter-person';
import { boxCentre, centreDistance, iou, overlapOfSmaller, type ScoredPixelPoint } from './pixel-box';
import type { JointName } from './keypoint-tables';
import type { LifterLock, PixelBox } from './types';

export interface LifterChoiceOptions {
  /** A keypoint counts as seen at this score, 0..1. */
  minKeypointScore: number;
  /** Shoulder width over trunk length of a body facing the camera (side-on cue reads 0 there). */
  frontOnShoulderRatio: number;
  /** One leg's knee/ankle travel against the other leg's between two checks, over body size, that reads as full leg motion. */
  fullLegMotionFrac: number;
  /** Same region: IoU with the previous lifter box at least this… */
  sameRegionMinIou: number;
  /** …or box centres at most this many body sizes apart (body size: the previous box's longer side). */
  sameRegionMaxCentreFrac: number;
  /** The lifter and another person whose boxes overlap by at least this (of the smaller box) cannot be told apart. */
  ambiguousOverlap: number;
}

export const DEFAULT_LIFTER_CHOICE_OPTIONS: LifterChoiceOptions = {
  // ref: the person check's own keypoint gate (workers/person-counter.ts minKeypointScore 0.3,
  // pose-detection's demo and keypoint tracker threshold).
  minKeypointScore: 0.3,
  // ref: Drillis & Contini 1966: shoulder width is ~0.75 of trunk length, so a body facing the
  // camera shows 0.75 and a pure side view ~0 (the same proportion src/geometry/body-width-ratio.ts uses).
  frontOnShoulderRatio: 0.75,
  // ref: a kickback's hip extension range of at least 30° (guide: the leg travels "past the
  // midline") moves the ankle by 2·sin(15°) ≈ 0.52 leg lengths, and the leg is ~0.53 of stature
  // (Winter, Biomechanics and Motor Control of Human Movement, fig. 4.1): ~0.27 of body size,
  // which within a 1 s check interval is about half a rep; 0.25 scores a kicking leg fully.
  fullLegMotionFrac: 0.25,
  // ref: a side-on lifter's box at rest (~0.25 × 0.9 of stature) and at the kick's peak
  // (~0.6 wide) share IoU ≈ 0.4 (same Winter proportions); 0.3 keeps a kicking lifter matched.
  // Measured on dosipov beside its mirror (tests/detector/frame-pipeline.test.ts): the lifter's
  // box from one check to the next never fell below this.
  sameRegionMinIou: 0.3,
  // ref: the hips move little in a kickback; half a body size allows a lifter who steps or
  // turns between checks, and is less than the gap between two people standing apart.
  sameRegionMaxCentreFrac: 0.5,
  // ref: measured on the overlap clips of tests/detector/frame-pipeline.test.ts (see
  // docs/lifter-lock.md): side-by-side people overlap 0; a person partly in front of the lifter
  // takes over the single-person model's skeleton once their boxes overlap by about half.
  ambiguousOverlap: 0.35,
};

// ref: the leg-motion cue reaches 1 at a full kick's leg travel between two checks
// (fullLegMotionFrac); half of it is a kick seen (a rep's lift caught mid-way by a one-second
// check), and under a quarter is a leg at rest plus the person check's keypoint jitter.
const KICK_SEEN_MOTION = 0.5;
const STILL_MOTION = 0.25;

function checkFraction(name: string, value: number, max = 1): void {
  if (!(Number.isFinite(value) && value >= 0 && value <= max)) throw new Error(`expected ${name} between 0 and ${max}, got ${value}`);
}

/** Throws "expected …, got …" on the first invalid option; returns the merged copy. */
export function resolveLifterChoiceOptions(options: Partial<LifterChoiceOptions> = {}): LifterChoiceOptions {
  const opts: LifterChoiceOptions = { ...DEFAULT_LIFTER_CHOICE_OPTIONS, ...options };
  checkFraction('minKeypointScore', opts.minKeypointScore);
  checkFraction('sameRegionMinIou', opts.sameRegionMinIou);
  checkFraction('ambiguousOverlap', opts.ambiguousOverlap);
  if (!(opts.frontOnShoulderRatio > 0 && Number.isFinite(opts.frontOnShoulderRatio))) {
    throw new Error(`expected frontOnShoulderRatio above 0, got ${opts.frontOnShoulderRatio}`);
  }
  if (!(opts.fullLegMotionFrac > 0 && Number.isFinite(opts.fullLegMotionFrac))) {
    throw new Error(`expected fullLegMotionFrac above 0, got ${opts.fullLegMotionFrac}`);
  }
  checkFraction('sameRegionMaxCentreFrac', opts.sameRegionMaxCentreFrac, 10);
  return opts;
}

export interface LifterChoiceInput {
  /** This check's people (at least one). */
  people: readonly SeenPerson[];
  imageWidth: number;
  imageHeight: number;
  /** Where the lifter was last seen (null: no lifter chosen yet: choose on the cues). */
  previousLifter: PixelBox | null;
  /** The previous check's people, for the leg-motion cue (empty when there was none). */
  previousPeople: readonly SeenPerson[];
  /**
   * The previous lifter has been seen kicking since the lock was taken (default true). Until
   * then the lock is provisional: it was taken on looks alone (the first check has no motion to
   * compare), and passes to another person seen kicking while the locked one stands still.
   */
  previousConfirmed?: boolean;
}

export type LifterChoice =
  /** `index` into `people`; `continued` when found in the previous lifter's region. */
  | { kind: 'chosen'; index: number; lock: LifterLock; continued: boolean; kicking: boolean }
  /** A lifter was locked but nobody stands in their region now (hidden, or stepped out). */
  | { kind: 'lost' };

/** How much each cue says "this is the lifter", each 0..1. */
export interface LifterCues {
  sideOn: number;
  wholeBody: number;
  size: number;
  centre: number;
  legMotion: number;
}

function joint(person: SeenPerson, name: JointName, minScore: number): ScoredPixelPoint | null {
  const index = MOVENET17_INDEX[name];
  const point = index === undefined ? undefined : person.keypoints[index];
  return point && point.score >= minScore && Number.isFinite(point.x) && Number.isFinite(point.y) ? point : null;
}

function midpoint(a: ScoredPixelPoint | null, b: ScoredPixelPoint | null): { x: number; y: number } | null {
  if (a && b) return { x: (a.x + b.x) / 2, y: (a.y + b.y) / 2 };
  return a ?? b;
}

/** Longer side of the box, px: a size that does not shrink when the lifter bends over. */
export function bodySize(box: PixelBox): number {
  return Math.max(box.width, box.height);
}

function clamp01(value: number): number {
  return value < 0 ? 0 : value > 1 ? 1 : value;
}

/** 1 side-on … 0 front-on; 0.5 when the shoulders or the trunk are not seen. */
export function sideOnCue(person: SeenPerson, opts: LifterChoiceOptions): number {
  const ls = joint(person, 'leftShoulder', opts.minKeypointScore);
  const rs = joint(person, 'rightShoulder', opts.minKeypointScore);
  const hips = midpoint(joint(person, 'leftHip', opts.minKeypointScore), joint(person, 'rightHip', opts.minKeypointScore));
  const shoulders = midpoint(ls, rs);
  if (!shoulders || !hips) return 0.5;
  const trunk = Math.hypot(shoulders.x - hips.x, shoulders.y - hips.y);
  if (!(trunk > 0)) return 0.5;
  // One shoulder hidden behind the body is itself a sign of a side view.
  if (!ls || !rs) return 1;
  return clamp01(1 - Math.hypot(ls.x - rs.x, ls.y - rs.y) / trunk / opts.frontOnShoulderRatio);
}

/** Half for a hip seen, half for an ankle seen. */
export function wholeBodyCue(person: SeenPerson, opts: LifterChoiceOptions): number {
  const hip = joint(person, 'leftHip', opts.minKeypointScore) ?? joint(person, 'rightHip', opts.minKeypointScore);
  const ankle = joint(person, 'leftAnkle', opts.minKeypointScore) ?? joint(person, 'rightAnkle', opts.minKeypointScore);
  return (hip ? 0.5 : 0) + (ankle ? 0.5 : 0);
}

/** Index of the person in `candidates` standing in `region`, or -1. */
export function findInRegion(candidates: readonly SeenPerson[], region: PixelBox, opts: LifterChoiceOptions): number {
  let best = -1;
  let bestIou = -1;
  let bestDistance = Number.POSITIVE_INFINITY;
  const maxDistance = opts.sameRegionMaxCentreFrac * bodySize(region);
  for (const [i, person] of candidates.entries()) {
    const overlap = iou(person.box, region);
    const distance = centreDistance(person.box, region);
    if (overlap < opts.sameRegionMinIou && distance > maxDistance) continue;
    if (overlap > bestIou || (overlap === bestIou && distance < bestDistance)) {
      best = i;
      bestIou = overlap;
      bestDistance = distance;
    }
  }
  return best;
}

/**
 * How far one leg moved against the other since the same person's previous check, 0..1: the
 * change of the left-to-right knee and ankle offsets. A kick moves one leg and not the other; a
 * squat or a lunge moves both knees together and a walk across the picture moves the whole
 * body, and neither changes much between the legs, so a squatting neighbour does not read as
 * kicking.
 */
export function legMotionCue(person: SeenPerson, previousPeople: readonly SeenPerson[], opts: LifterChoiceOptions): number {
  const before = previousPeople[findInRegion(previousPeople, person.box, opts)];
  if (!before) return 0;
  let travel = 0;
  for (const [left, right] of [
    ['leftKnee', 'rightKnee'],
    ['leftAnkle', 'rightAnkle'],
  ] as const) {
    const l = joint(person, left, opts.minKeypointScore);
    const r = joint(person, right, opts.minKeypointScore);
    const lb = joint(before, left, opts.minKeypointScore);
    const rb = joint(before, right, opts.minKeypointScore);
    if (!l || !r || !lb || !rb) continue;
    travel = Math.max(travel, Math.hypot(r.x - l.x - (rb.x - lb.x), r.y - l.y - (rb.y - lb.y)));
  }
  const size = bodySize(person.box);
  return size > 0 ? clamp01(travel / size / opts.fullLegMotionFrac) : 0;
}

/** Every cue for every person (size relative to the largest person in this check). */
export function lifterCues(input: LifterChoiceInput, opts: LifterChoiceOptions): LifterCues[] {
  const largest = Math.max(...input.people.map((p) => bodySize(p.box)));
  const halfWidth = input.imageWidth / 2;
  return input.people.map((person) => ({
    sideOn: sideOnCue(person, opts),
    wholeBody: wholeBodyCue(person, opts),
    size: largest > 0 ? bodySize(person.box) / largest : 0,
    centre: halfWidth > 0 ? clamp01(1 - Math.abs(boxCentre(person.box).x - halfWidth) / halfWidth) : 0,
    legMotion: legMotionCue(person, input.previousPeople, opts),
  }));
}

/**
 * The five cues weigh the same: docs/design.md#trust-rules names them without an order, and none
 * alone decides (a front-on lifter still beats a bystander who is not moving a leg).
 */
export function lifterScore(cues: LifterCues): number {
  return (cues.sideOn + cues.wholeBody + cues.size + cues.centre + cues.legMotion) / 5;
}

/** True when another person's box overlaps the lifter's too much to tell them apart. */
export function overlapsAnother(people: readonly SeenPerson[], lifter: number, opts: LifterChoiceOptions): boolean {
  const box = people[lifter]?.box;
  if (!box) return false;
  return people.some((p, i) => i !== lifter && overlapOfSmaller(p.box, box) >= opts.ambiguousOverlap);
}

/**
 * Chooses the lifter among `input.people`. With a previous lifter, whoever stands in that
 * region is the lifter whatever the cues say; nobody there is `lost`, never a hand-over.
 */
export function chooseLifter(input: LifterChoiceInput, options: Partial<LifterChoiceOptions> = {}): LifterChoice {
  const opts = resolveLifterChoiceOptions(options);
  if (input.people.length === 0) throw new Error('expected at least one person to choose the lifter from, got 0');
  const cues = lifterCues(input, opts);
  const kicking = (i: number): boolean => (cues[i]?.legMotion ?? 0) >= KICK_SEEN_MOTION;
  const chosen = (index: number, continued: boolean): LifterChoice => ({
    kind: 'chosen',
    index,
    lock: overlapsAnother(input.people, index, opts) ? 'ambiguous' : 'locked',
    continued,
    kicking: kicking(index),
  });
  if (input.previousLifter) {
    const index = findInRegion(input.people, input.previousLifter, opts);
    if (index < 0) return { kind: 'lost' };
    if (input.previousConfirmed === false && (cues[index]?.legMotion ?? 0) < STILL_MOTION) {
      // A provisional lock on someone standing still hands over to the clearest kicker.
      let best = -1;
      for (const i of cues.keys()) if (i !== index && kicking(i) && (best < 0 || (cues[i]?.legMotion ?? 0) > (cues[best]?.legMotion ?? 0))) best = i;
      if (best >= 0) return chosen(best, false);
    }
    return chosen(index, true);
  }
  const scores = cues.map(lifterScore);
  let index = 0;
  for (const [i, score] of scores.entries()) if (score > (scores[index] as number)) index = i;
  return chosen(index, false);
}
