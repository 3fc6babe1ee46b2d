/**
 * Facade of the analysis core: PoseFrames in (timestamp order), per-frame analysis and completed
 * reps out. Pure: no clock, no DOM; the frame's timestampMs is the only time source.
 *
 * push() is a flat list of named steps, each in its own file: gated joints → leg identity →
 * smoothing → view and facing → plane body and angles → view assessment, lifter lock and
 * framing → working leg → lumbar arch and pelvis tilt → rep machines → rep gates and evidence
 * gate → framing ranges → the frame's result.
 */
import { bodyTorsoLeanDeg, legAngles, type LegAngles } from '../geometry/sagittal-angles';
import { JOINT_NAMES, jointIndex } from '../pose/keypoint-tables';
import { readAllJoints, type JointGate, type JointStatus, type Point2 } from '../pose/read-joint';
import type { KeypointSet, Landmark, PoseFrame } from '../pose/types';
import { validatePoseFrame } from '../pose/validate-pose-frame';
import { TimeWindow } from '../signal/time-window';
import { AnglePathSelector } from './angle-path-selector';
import { ArchReference } from './arch-reference';
import { bodyLengthFrac } from './body-length';
import { cleanLegJoints } from './clean-leg-joints';
import { DEFAULT_ANALYZER_OPTIONS, DEFAULT_MIN_VISIBILITY } from './default-options';
import { framePelvisTiltDeg } from './frame-pelvis-tilt';
import { framePlaneBody } from './frame-plane-body';
import { framingIssues, type RankedIssue } from './framing-issues';
import { FRAMING_MESSAGES, LIFTER_AMBIGUOUS_MESSAGE } from './framing-messages';
import { FramingRangeTracker } from './framing-ranges';
import { judgeRepEvent } from './judge-rep-event';
import type { LegFrameSample } from './leg-frame-sample';
import { LegIdentityTracker } from './leg-identity-tracker';
import { readLifterLock, type LifterLockReading } from './lifter-lock';
import { detectorLegOfRep } from './rep-leg-label';
import { RepPhaseMachine, type RepEvent } from './rep-phase-machine';
import { markSquashedLegs } from './squashed-legs';
import { TrunkChangeDetector } from './trunk-change';
import { JointSmoothing, type JointMap } from './smooth-joints';
import type {
  AnalyzerOptions,
  Angles,
  FrameAnalysis,
  FramingIssue,
  FramingRange,
  LegDetail,
  Phase,
  RejectedRep,
  RepMetrics,
  Side,
  ViewAssessment,
} from './types';
import { assessView } from './view-assessment';
import { ViewAndFacingStep } from './view-and-facing';
import { WorkingLegTracker } from './working-leg-tracker';

export interface KickbackAnalyzer {
  /** Call once per processed frame, in timestamp order. */
  push(frame: PoseFrame): FrameAnalysis;
  /** Completed reps so far (never lost, in completion order). */
  readonly reps: readonly RepMetrics[];
  /** Rep-shaped movements that were not counted because they were not clearly seen. */
  readonly rejected: readonly RejectedRep[];
  /** Framing problems over time, merged per reason; ranges still open are closed by finish(). */
  readonly framing: readonly FramingRange[];
  /**
   * The stream has ended (set stopped, video over): count a rep whose leg is already most of the
   * way back down (if it was clearly seen), and close open framing ranges. Returns the rep (also
   * appended to `reps`), or null. Pushing more frames afterwards is allowed.
   */
  finish(): RepMetrics | null;
  reset(): void;
}

/** What the lifter is told while the lifter cannot be told apart from someone else. */
export { LIFTER_AMBIGUOUS_MESSAGE };

// ref: guide, "a slight forward lean in the torso, approximately 45 degrees"; even a quadruped
// donkey kick keeps the trunk near horizontal (90°). A trunk pointing 20° past horizontal is
// the detector misreading the body (cable_kickback_cgi_kinkatsu 0–2.5 s, the close-ups in
// wahoo_one_legged_dead_lift read 135–160°), not a pose to measure.
const MAX_TORSO_LEAN_DEG = 110;
// ref: rep-phase-machine.ts HISTORY_MS, plus margin: how long a per-leg frame history is kept for
// rep metrics and the evidence gate (a slow rep with a long hold fits).
const SAMPLE_HISTORY_MS = 30000;

const SIDES = ['left', 'right'] as const;

const NULL_ANGLES: Angles = Object.freeze({
  torsoLeanDeg: null,
  hipExtensionDeg: null,
  thighElevationDeg: null,
  kneeFlexionDeg: null,
  lumbarArchDeg: null,
  pelvisTiltDeg: null,
});

function otherSide(s: Side): Side {
  return s === 'left' ? 'right' : 'left';
}

export function createKickbackAnalyzer(options: Partial<AnalyzerOptions> = {}): KickbackAnalyzer {
  const opts: AnalyzerOptions = { ...DEFAULT_ANALYZER_OPTIONS, ...options };
  if (opts.minVisibility !== null && !(opts.minVisibility >= 0 && opts.minVisibility <= 1)) {
    throw new RangeError(`expected minVisibility in [0, 1] or null, got ${opts.minVisibility}`);
  }
  if (!(opts.legSwitchRatio >= 1)) {
    throw new RangeError(`expected legSwitchRatio >= 1, got ${opts.legSwitchRatio}`);
  }
  const gates: Record<KeypointSet, JointGate> = {
    blazepose33: { minVisibility: opts.minVisibility ?? DEFAULT_MIN_VISIBILITY.blazepose33, edgeMarginFrac: opts.edgeMarginFrac },
    movenet17: { minVisibility: opts.minVisibility ?? DEFAULT_MIN_VISIBILITY.movenet17, edgeMarginFrac: opts.edgeMarginFrac },
  };
  const filterOpts = {
    minCutoffHz: opts.smoothingMinCutoffHz,
    beta: opts.smoothingBeta,
    derivateCutoffHz: opts.smoothingDerivateCutoffHz,
    maxGapMs: opts.maxGapMs,
  };
  const machineOpts = { minRomDeg: opts.minRomDeg, minRepDurationMs: opts.minRepDurationMs, maxGapMs: opts.maxGapMs };
  const newMachines = (): Record<Side, RepPhaseMachine> => ({ left: new RepPhaseMachine(machineOpts), right: new RepPhaseMachine(machineOpts) });
  const newSamples = (): Record<Side, TimeWindow<LegFrameSample>> => ({ left: new TimeWindow(), right: new TimeWindow() });
  const newLegTracker = (): WorkingLegTracker => new WorkingLegTracker({ windowMs: opts.legWindowMs, switchRatio: opts.legSwitchRatio });

  const smoothing = new JointSmoothing(filterOpts, opts.smoothLandmarks, opts.includeLandmarks);
  const viewAndFacing = new ViewAndFacingStep();
  const pathSelector = new AnglePathSelector(opts.anglePath);
  const framingRanges = new FramingRangeTracker();
  const trunkChange = new TrunkChangeDetector();
  let identity = new LegIdentityTracker();
  let legTracker = newLegTracker();
  let machines = newMachines();
  let samples = newSamples();
  let arch = new ArchReference();
  let lastTimestampMs: number | null = null;
  let lastFacing: Side | null = null;
  const reps: RepMetrics[] = [];
  const rejected: RejectedRep[] = [];

  function resetState(): void {
    smoothing.reset();
    viewAndFacing.reset();
    pathSelector.reset();
    framingRanges.reset();
    trunkChange.reset();
    identity = new LegIdentityTracker();
    legTracker = newLegTracker();
    machines = newMachines();
    samples = newSamples();
    arch = new ArchReference();
    lastTimestampMs = null;
    lastFacing = null;
  }

  /** Step 0: timestamps strictly increase; a long gap forgets who was where. */
  function checkTime(frame: PoseFrame): number {
    validatePoseFrame(frame);
    const t = frame.timestampMs;
    if (lastTimestampMs !== null && t <= lastTimestampMs) {
      throw new RangeError(`expected timestampMs > ${lastTimestampMs}, got ${t}`);
    }
    if (lastTimestampMs !== null && t - lastTimestampMs > opts.maxGapMs) identity.reset();
    lastTimestampMs = t;
    return t;
  }

  /** Rep machines step on one leg's thigh; a completed movement goes through every rep gate. */
  function stepRepMachine(side: Side, t: number, thighDeg: number | null, workingLeg: Side | null) {
    const upd = machines[side].update(t, thighDeg);
    return upd.completed === null ? null : settleRep(side, upd.completed, workingLeg);
  }

  function settleRep(leg: Side, event: RepEvent, workingLeg: Side | null): { rep: RepMetrics | null; rejected: RejectedRep | null } {
    const legSamples = samples[leg].toArray();
    // A rep on the other trace that the detector itself names the working leg on most frames:
    // continuity gave the kicking leg the other identity as the legs parted (rep-leg-label.ts).
    // It is the working leg's rep, judged and named as such, and no leg switch.
    const named = workingLeg !== null && workingLeg !== leg && detectorLegOfRep(legSamples, event) === workingLeg ? workingLeg : leg;
    const outcome = judgeRepEvent({
      leg: named,
      event,
      samples: legSamples,
      onWorkingLeg: workingLeg === named,
      index: reps.length + 1,
      holdBandDeg: opts.holdBandDeg,
    });
    if (outcome.kind === 'rejected') {
      rejected.push(outcome.rejected);
      return { rep: null, rejected: outcome.rejected };
    }
    if (outcome.kind === 'not-a-kickback') return { rep: null, rejected: null };
    reps.push(outcome.rep);
    if (workingLeg !== named) legTracker.force(leg);
    return { rep: outcome.rep, rejected: null };
  }

  /**
   * The lifter turned to face the other way (walked round to change legs, or the video cut)
   * after reps were counted facing the first way: every thigh angle changed sign, so the rest
   * each machine learnt, a rep under way and the working leg are void (docs/trust.md#leg-changes-and-clip-ends, "no rep
   * is lost when the lifter changes leg or facing"). A flip before any rep corrects an early
   * misreading instead (cable_kickback_cgi_kinkatsu, BlazePose: garbage until 2.7 s); fresh
   * machines then restart a lift from where the leg settles (rep-phase-machine.ts DWELL_MS).
   */
  function turnedAround(facing: Side | null): void {
    if (facing !== null && lastFacing !== null && facing !== lastFacing && reps.length > 0) {
      for (const side of SIDES) machines[side].rebase();
      legTracker.reset();
    }
    if (facing !== null) lastFacing = facing;
  }

  /**
   * The trunk settled at a new level (trunk-change.ts): the body read before `sinceMs` was another
   * reading, so the rest each machine learnt there and a rep measured from it are void. The
   * machines start afresh from the frames since the change, which are replayed (fewer than
   * minRepDurationMs of them, so no rep can complete in the replay).
   */
  function relearnRestSince(sinceMs: number): void {
    for (const side of SIDES) {
      machines[side].rebase();
      for (const s of samples[side].toArray()) if (s.t >= sinceMs) machines[side].update(s.t, s.thighDeg);
    }
  }

  function noPersonFrame(t: number, lock: LifterLockReading): FrameAnalysis {
    identity.reset();
    for (const side of SIDES) machines[side].update(t, null);
    legTracker.update(t, null, null);
    viewAndFacing.nothingSeen(t);
    const framing: FramingIssue[] = [{ reason: 'no-person', message: FRAMING_MESSAGES['no-person'] }];
    framingRanges.update(t, framing);
    return {
      timestampMs: t,
      angles: { ...NULL_ANGLES },
      anglePath: '2d',
      lumbarArchSource: null,
      workingLeg: legTracker.current,
      facing: viewAndFacing.currentFacing,
      view: { kind: 'unusable', personFound: false, inFrame: false, usable: false, reason: FRAMING_MESSAGES['no-person'], missingJoints: [] },
      phase: displayPhase(legTracker.current),
      repCount: reps.length,
      completedRep: null,
      framing,
      rejectedRep: null,
      rejectedCount: rejected.length,
      otherPeople: lock.otherPeople,
    };
  }

  function push(frame: PoseFrame): FrameAnalysis {
    const t = checkTime(frame);
    const lock = readLifterLock(frame);
    if (frame.landmarks.length === 0) return noPersonFrame(t, lock);
    const workingBefore = legTracker.current;

    // 1–3. Gated joints, legs put right by continuity, invented legs out, One Euro smoothing.
    const all = readAllJoints(frame, gates[frame.keypointSet]);
    const kneeLabel = cleanLegJoints(all, identity, t);
    markSquashedLegs(all, frame.imageHeight);
    const joints = smoothing.apply(all, t, frame.imageHeight);

    // 4. View and facing.
    const seen = viewAndFacing.update(t, joints);
    const { viewKind, facing } = seen;
    turnedAround(facing);

    // 5. Angle path, sagittal-plane body, angles.
    const chosen = pathSelector.update(t, viewKind, joints.world.leftHip !== null && joints.world.rightHip !== null, midRep());
    if (chosen.changed) for (const side of SIDES) machines[side].rebase();
    const { path, body } = framePlaneBody(chosen.path, joints, facing);
    const lean = bodyTorsoLeanDeg(body);
    const legA: Record<Side, LegAngles> = { left: legAngles(body, 'left'), right: legAngles(body, 'right') };

    // 6. View assessment (with the working leg known before this frame), lifter lock, framing.
    const misreadBody = lean !== null && lean > MAX_TORSO_LEAN_DEG;
    const assessed = assessView(all.status, workingBefore, viewKind);
    const issues = framingIssues({
      statuses: all.status,
      view: assessed,
      lock,
      bodyLengthFrac: bodyLengthFrac(joints.pixel, frame.imageWidth, frame.imageHeight),
      misreadBody,
    });
    const view = finalView(assessed, issues, misreadBody, lock);
    const usable = view.usable;
    const framing = issues.map(({ reason, message }) => ({ reason, message }));
    framingRanges.update(t, framing);

    // 7. Working leg.
    const workingLeg = legTracker.update(t, usable ? legA.left.thighElevationDeg : null, usable ? legA.right.thighElevationDeg : null);

    // 8. Lumbar arch (against its rest reference on the working or busier leg) and pelvis tilt.
    const ranges = legTracker.ranges();
    const refLeg: Side = workingLeg ?? ((ranges.left ?? 0) >= (ranges.right ?? 0) ? 'left' : 'right');
    const archReading = arch.update({
      t,
      usable,
      leanDeg: lean,
      facing,
      backContour: frame.backContour,
      phase: machines[refLeg].currentPhase,
      restDeg: machines[refLeg].restDeg,
      thighDeg: legA[refLeg].thighElevationDeg,
    });
    const pelvisTilt = framePelvisTiltDeg({
      usable,
      viewKind,
      hips2d: { left: joints.pixel.leftHip, right: joints.pixel.rightHip },
      hips3d: { left: joints.world.leftHip, right: joints.world.rightHip },
      shoulderMid2d: seen.shoulderMid2d,
      hipMid2d: seen.hipMid2d,
    });

    // 9. Per-leg frame history with its evidence, rep machines, rep gates and evidence gate.
    // usable is false whenever the lifter is ambiguous (finalView).
    const changedAtMs = trunkChange.update(t, usable ? lean : null);
    if (changedAtMs !== null) relearnRestSince(changedAtMs);
    const trunkSeen = usable && seenPair(all.status, 'Shoulder') && seenPair(all.status, 'Hip');
    let completedRep: RepMetrics | null = null;
    let rejectedRep: RejectedRep | null = null;
    for (const side of SIDES) {
      const a = legA[side];
      pushSample(side, {
        t,
        thighDeg: usable ? a.thighElevationDeg : null,
        hipExtensionDeg: usable ? a.hipExtensionDeg : null,
        kneeFlexionDeg: usable ? a.kneeFlexionDeg : null,
        torsoLeanDeg: usable ? lean : null,
        lumbarArchDeg: archReading.lumbarArchDeg,
        pelvisTiltDeg: pelvisTilt,
        otherThighDeg: usable ? legA[otherSide(side)].thighElevationDeg : null,
        hipHeightPx: usable && seen.hipMid2d !== null ? -seen.hipMid2d.y : null,
        thighLengthPx: usable ? segmentLength(joints.pixel[`${side}Hip`], joints.pixel[`${side}Knee`]) : null,
        path,
        legSeen: usable && legSeen(all.status, side),
        trunkSeen,
        ambiguous: lock.ambiguous,
        kneeLabel: all.status[`${side}Knee`] === 'ok' ? kneeLabel[side] : null,
      });
      const settled = stepRepMachine(side, t, usable ? a.thighElevationDeg : null, workingLeg);
      completedRep = settled?.rep ?? completedRep;
      rejectedRep = settled?.rejected ?? rejectedRep;
    }

    // 10. The frame's result: angles of the working leg (else the nearer leg) when usable.
    const shownLeg = workingLeg ?? nearerLeg(frame, all.status);
    const shown = shownLeg === null ? null : legA[shownLeg];
    const result: FrameAnalysis = {
      timestampMs: t,
      // An unusable view (front-on, body cut off, misread) shows no numbers: a front view turns
      // knee spread into "hip extension" (docs/design.md#facing-and-working-leg), and a wrong number is worse than none.
      angles: usable
        ? {
            torsoLeanDeg: lean,
            hipExtensionDeg: shown?.hipExtensionDeg ?? null,
            thighElevationDeg: shown?.thighElevationDeg ?? null,
            kneeFlexionDeg: shown?.kneeFlexionDeg ?? null,
            lumbarArchDeg: archReading.lumbarArchDeg,
            pelvisTiltDeg: pelvisTilt,
          }
        : { ...NULL_ANGLES },
      anglePath: path,
      lumbarArchSource: archReading.source,
      workingLeg,
      facing,
      view,
      phase: displayPhase(workingLeg),
      repCount: reps.length,
      completedRep,
      framing,
      rejectedRep,
      rejectedCount: rejected.length,
      otherPeople: lock.otherPeople,
    };
    if (opts.includeLandmarks) result.smoothedLandmarks = toLandmarks(frame, joints.pixel);
    if (opts.includeLegDetail) {
      const detail = (side: Side): LegDetail => ({ ...legA[side], phase: machines[side].currentPhase, restDeg: machines[side].restDeg });
      result.legs = { left: detail('left'), right: detail('right') };
    }
    return result;
  }

  function pushSample(side: Side, s: LegFrameSample): void {
    samples[side].push(s);
    samples[side].trimBefore(s.t - SAMPLE_HISTORY_MS);
  }

  function midRep(): boolean {
    return SIDES.some((side) => {
      const p = machines[side].currentPhase;
      return p === 'lifting' || p === 'peak' || p === 'lowering';
    });
  }

  function displayPhase(workingLeg: Side | null): Phase {
    if (workingLeg === null) return 'setup';
    const p = machines[workingLeg].currentPhase;
    return p === 'bottom' && reps.length === 0 ? 'setup' : p;
  }

  return {
    push,
    get reps() {
      return reps;
    },
    get rejected() {
      return rejected;
    },
    get framing() {
      return framingRanges.ranges;
    },
    finish() {
      framingRanges.finish();
      const leg = legTracker.current;
      if (leg === null) return null;
      const event = machines[leg].finish();
      return event === null ? null : settleRep(leg, event, leg).rep;
    },
    reset() {
      resetState();
      reps.length = 0;
      rejected.length = 0;
    },
  };
}

/**
 * The view the rest of the analysis trusts: the assessment, made unusable by a misread body or a
 * lifter who cannot be told apart, with the most important blocking framing message as reason.
 */
function finalView(assessed: ViewAssessment, issues: readonly RankedIssue[], misreadBody: boolean, lock: LifterLockReading): ViewAssessment {
  let usable = assessed.usable && !lock.ambiguous;
  let kind = assessed.kind;
  if (usable && misreadBody) {
    usable = false;
    kind = 'unusable';
  }
  const blocking = issues.find((i) => i.blocking);
  const reason = blocking?.message ?? (usable ? null : (assessed.reason ?? null));
  return { ...assessed, kind, usable, reason: lock.ambiguous ? LIFTER_AMBIGUOUS_MESSAGE : reason };
}

function seenPair(status: Readonly<Record<string, JointStatus>>, part: 'Shoulder' | 'Hip'): boolean {
  return status[`left${part}`] === 'ok' || status[`right${part}`] === 'ok';
}

function legSeen(status: Readonly<Record<string, JointStatus>>, side: Side): boolean {
  return status[`${side}Hip`] === 'ok' && status[`${side}Knee`] === 'ok' && status[`${side}Ankle`] === 'ok';
}

function segmentLength(a: Point2 | null, b: Point2 | null): number | null {
  if (a === null || b === null) return null;
  const d = Math.hypot(a.x - b.x, a.y - b.y);
  return Number.isFinite(d) ? d : null;
}

/** The leg nearer the camera (higher knee visibility), when a knee is seen at all. */
function nearerLeg(frame: PoseFrame, status: Readonly<Record<string, JointStatus>>): Side | null {
  if (status.leftKnee !== 'ok' && status.rightKnee !== 'ok') return null;
  return kneeVisibility(frame, 'left') >= kneeVisibility(frame, 'right') ? 'left' : 'right';
}

function kneeVisibility(frame: PoseFrame, side: Side): number {
  const i = jointIndex(frame.keypointSet, `${side}Knee`);
  return i === null ? 0 : (frame.landmarks[i]?.visibility ?? 0);
}

/** The input layout with the named joints replaced by their smoothed, identity-fixed positions. */
function toLandmarks(frame: PoseFrame, joints: JointMap<Point2>): Landmark[] {
  const out = frame.landmarks.map((l) => ({ ...l }));
  for (const n of JOINT_NAMES) {
    const i = jointIndex(frame.keypointSet, n);
    const p = joints[n];
    const target = i === null ? undefined : out[i];
    if (target !== undefined && p !== null) {
      target.x = p.x;
      target.y = p.y;
    }
  }
  return out;
}
