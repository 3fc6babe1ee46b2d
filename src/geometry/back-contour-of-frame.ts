/**
 * PoseFrame.backContour for one frame: the frame's own shoulder and hip midpoints and facing,
 * then the back's edge traced on its person mask (back-contour.ts). Used by the shared frame
 * pipeline (workers/frame-pipeline.ts), so the worker sends only these few points, never the mask.
 */
import { readJoint, type JointGate, type Point2 } from '../pose/read-joint';
import type { PoseFrame, Side } from '../pose/types';
import { DEFAULT_BACK_CONTOUR_OPTIONS, traceBackContour, type BackContourOptions, type PersonMask } from './back-contour';
import { facingScore } from './facing-score';

// ref: the analyser's default visibility gate (src/analysis/default-options.ts, docs/design.md#visibility-gate):
// a joint under it is unknown, and a trace started from an unknown joint would be a guess.
const CONTOUR_GATE: JointGate = { minVisibility: 0.5, edgeMarginFrac: 0 };
// ref: src/analysis/facing-tracker.ts DECIDE_SCORE: one clear cue (each saturates at ±1).
const FACING_MIN_SCORE = 0.5;
// ref: body-pose.ts SEGMENT_M (Drillis & Contini 1966): shoulders 0.38 m apart on a 0.5 m trunk
// read 0.76 of the trunk side to side in a front view and 0 side-on; 0.5 lets the camera sit up
// to ~40° off the side (0.76·sin 40° ≈ 0.49). Beyond that the mask's outline is the lifter's
// flank or front, not the back's edge (curvelog at 10 s, turned to the camera, read −13°).
const MAX_SHOULDER_SPAN_FRAC = 0.5;
// ref: back-contour.ts stations (18): with fewer than half of them on the back's edge the mask
// or the landmarks are off, and lumbar-arch-contour.ts's halves would rest on a few points.
const MIN_POINTS_FRAC = 0.5;

function midOf(a: Point2 | null, b: Point2 | null): Point2 | null {
  if (a !== null && b !== null) return { x: (a.x + b.x) / 2, y: (a.y + b.y) / 2 };
  return a ?? b;
}

/** The frame's facing from its own cues, or null when unclear. */
export function frameFacing(frame: PoseFrame, shoulderMid: Point2, hipMid: Point2): Side | null {
  const j = (name: Parameters<typeof readJoint>[1]): Point2 | null => readJoint(frame, name, CONTOUR_GATE);
  const score = facingScore({
    nose: j('nose'),
    leftEar: j('leftEar'),
    rightEar: j('rightEar'),
    shoulderMid,
    hipMid,
    heels: [j('leftHeel'), j('rightHeel')],
    toes: [j('leftFootIndex'), j('rightFootIndex')],
  });
  if (score === null || Math.abs(score) < FACING_MIN_SCORE) return null;
  return score > 0 ? 'right' : 'left';
}

/**
 * The back's edge in `frame`'s pixels (shoulder → hip) and the facing it was traced for, or
 * undefined when the frame does not show it: shoulders or hips unseen, not a side view, facing
 * unclear, or too few edge points. `mask` must be in the same pixels as the frame's landmarks.
 */
export function backOfFrame(
  frame: PoseFrame,
  mask: PersonMask,
  options: Partial<BackContourOptions> = {},
): { contour: { x: number; y: number }[]; facing: Side } | undefined {
  const ls = readJoint(frame, 'leftShoulder', CONTOUR_GATE);
  const rs = readJoint(frame, 'rightShoulder', CONTOUR_GATE);
  const shoulder = midOf(ls, rs);
  const hip = midOf(readJoint(frame, 'leftHip', CONTOUR_GATE), readJoint(frame, 'rightHip', CONTOUR_GATE));
  if (shoulder === null || hip === null) return undefined;
  const trunk = Math.hypot(shoulder.x - hip.x, shoulder.y - hip.y);
  if (ls !== null && rs !== null && !(Math.hypot(ls.x - rs.x, ls.y - rs.y) <= MAX_SHOULDER_SPAN_FRAC * trunk)) return undefined;
  const facing = frameFacing(frame, shoulder, hip);
  if (facing === null) return undefined;
  const points = traceBackContour(mask, shoulder, hip, facing, options);
  const stations = options.stations ?? DEFAULT_BACK_CONTOUR_OPTIONS.stations;
  if (points.length < Math.max(3, Math.ceil(MIN_POINTS_FRAC * stations))) return undefined;
  // Whole tenths of a pixel: the mask's own resolution is coarser, and the message stays small.
  return { contour: points.map((p) => ({ x: Math.round(p.x * 10) / 10, y: Math.round(p.y * 10) / 10 })), facing };
}

/** PoseFrame.backContour for `frame` (backOfFrame's points), or undefined. */
export function backContourOfFrame(
  frame: PoseFrame,
  mask: PersonMask,
  options: Partial<BackContourOptions> = {},
): { x: number; y: number }[] | undefined {
  return backOfFrame(frame, mask, options)?.contour;
}
