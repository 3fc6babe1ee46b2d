/**
 * Facade of the analysis core: PoseFrames in (timestamp order), per-frame analysis and completed
 * reps out. Pure: no clock, no DOM; the frame's timestampMs is the only time source.
 *
 * Per frame: gated joints → leg identity by continuity → One Euro smoothing → view and facing →
 * sagittal-plane angles (2D or 3D path) → working leg → one rep/phase machine per leg → reps
 * that pass the working-leg, bilateral and hip-hinge checks → per-rep metrics.
 */
import { bodyTorsoLeanDeg, legAngles, type PlaneBody, type PlaneLeg } from '../geometry/sagittal-angles';
import { contourArcDeg, trunkLeanArchDeg } from '../geometry/lumbar-arch';
import { facingScore } from '../geometry/facing-score';
import { imageToPlane } from '../geometry/image-to-plane';
import { pelvisTiltDeg2d, pelvisTiltDeg3d } from '../geometry/pelvis-tilt';
import { isFinitePlanePoint, midpoint, type PlanePoint } from '../geometry/plane-point';
import { sagittalBasis, worldToPlane } from '../geometry/world-to-plane';
import { JOINT_NAMES, jointIndex, jointRecord, type JointName } from '../pose/keypoint-tables';
import { readAllJoints, type JointGate, type Point2, type Point3 } from '../pose/read-joint';
import type { KeypointSet, Landmark, PoseFrame } from '../pose/types';
import { validatePoseFrame } from '../pose/validate-pose-frame';
import { LandmarkSmoother } from '../signal/landmark-smoother';
import { median, quantile } from '../signal/robust-stats';
import { TimeWindow } from '../signal/time-window';
import { bodyWidthRatio, offSideDegFromWidthRatio } from './body-width-ratio';
import { hipAxisOffSideDeg } from '../geometry/hip-axis-off-side';
import { DEFAULT_ANALYZER_OPTIONS, DEFAULT_MIN_VISIBILITY } from './default-options';
import { FacingTracker } from './facing-tracker';
import type { LegFrameSample } from './leg-frame-sample';
import { LegIdentityTracker } from './leg-identity-tracker';
import { computeRepMetrics } from './rep-metrics';
import { RepPhaseMachine, type RepEvent } from './rep-phase-machine';
import type {
  AnalyzerOptions,
  AnglePath,
  Angles,
  FrameAnalysis,
  LegDetail,
  LumbarArchSource,
  Phase,
  RepMetrics,
  Side,
} from './types';
import { ViewClassifier } from './view-classifier';
import { AnglePathSelector } from './angle-path-selector';
import { assessView } from './view-assessment';
import { cleanLegJoints } from './clean-leg-joints';
import { WorkingLegTracker } from './working-leg-tracker';

export interface KickbackAnalyzer {
  /** Call once per processed frame, in timestamp order. */
  push(frame: PoseFrame): FrameAnalysis;
  /** Completed reps so far (never lost, in completion order). */
  readonly reps: readonly RepMetrics[];
  /**
   * The stream has ended (set stopped, video over): count a rep whose leg is already most of the
   * way back down. Returns it (also appended to `reps`), or null. Pushing more frames afterwards
   * is allowed.
   */
  finish(): RepMetrics | null;
  reset(): void;
}

/** What the lifter is told while the person counter sees more than one person. */
export const TWO_PEOPLE_REASON = 'Two people in view — only the lifter should be in the picture';

// ref: DESIGN.md §3 "bilateral movements (squat, good morning: both thighs move together) are
// not kickback reps": in a kickback the standing thigh stays still (a few degrees of sway), so
// half the working leg's range on the other thigh means both legs are moving.
const BILATERAL_MAX_FRAC = 0.5;
// ref: guide, "a targeted isolation movement" with the torso braced: when the trunk turns by
// more than 60 % of the thigh's range, the leg rides along with a hip hinge (single-leg
// deadlift), which is not a kickback. Torso sway in a swung kickback stays far below that.
const HINGE_MAX_FRAC = 0.6;
// ref: guide, the kickback isolates hip extension with the body weight resting on the standing
// leg: the hips stay put. A squat lowers them by about a thigh length (and BlazePose often hides
// the far leg in a side view, squat_side_aitrainer, so the bilateral check cannot always see
// it); more than a third of a thigh of vertical hip travel is not a kickback.
const HIP_TRAVEL_MAX_FRAC = 0.35;
// ref: DESIGN.md §2 working leg "switchable mid-session when the user changes legs" (issue 3):
// a rep on the other leg switches the working leg only if the old one stayed within a quarter of
// the rep's range (stricter than the bilateral check: a switch must be unambiguous).
const SWITCH_MAX_OTHER_FRAC = 0.25;
// ref: DESIGN.md §2 lumbar arch (b), "torso lean at rep start − now ... needs smoothing and a
// margin": the reference is the mean torso lean over the last half second at rest, where "at
// rest" means the thigh within 1.5° of the rep machine's rest level (about the 2D noise, issue 3
// facts), so the first degrees of a lift (detected a little late) do not leak into it.
const ARCH_REFERENCE_MS = 500;
const ARCH_REST_BAND_DEG = 1.5;
// ref: rep-phase-machine.ts EDGE_FRAC (a rep is counted at 10 % of its range from rest): give the
// leg half a second to settle.
const ARCH_SETTLE_MS = 500;
// ref: rep-phase-machine.ts HISTORY_MS, plus margin: how long a per-leg frame history is kept for
// rep metrics (a slow rep with a long hold fits).
const SAMPLE_HISTORY_MS = 30000;
// ref: pelvis-tilt.ts: in the image the hips must be a tenth of a trunk apart to give a line.
const PELVIS_MIN_SEPARATION_FRAC = 0.1;

// ref: guide, "a slight forward lean in the torso, approximately 45 degrees"; even a quadruped
// donkey kick keeps the trunk near horizontal (90°). A trunk pointing 20° past horizontal is
// the detector misreading the body (cable_kickback_cgi_kinkatsu 0–2.5 s, the close-ups in
// wahoo_one_legged_dead_lift read 135–160°), not a pose to measure.
const MAX_TORSO_LEAN_DEG = 110;
// ref: normal hip extension is 10–30° (AAOS joint-motion norms) and the lumbar spine adds up
// to ~30° more (Troke et al. 2005), which the trunk-line definition also counts (DESIGN.md §2):
// a "rep" peaking past 70° is a misread body (cable_kickback_cgi_kinkatsu 1–2.5 s reads 80–130°).
const MAX_HIP_EXTENSION_DEG = 70;

type JointMap<P> = Record<JointName, P | null>;

const ANALYSED_JOINTS: ReadonlySet<JointName> = new Set<JointName>(
  JOINT_NAMES.filter((n) => !/Eye|Elbow|Wrist/.test(n)),
);

interface RestReference {
  items: { t: number; v: number }[];
  sum: number;
}

function emptyMap<P>(): JointMap<P> {
  return jointRecord<P | null>(null);
}

function mid2(a: Point2 | null, b: Point2 | null): Point2 | null {
  if (a !== null && b !== null) return { x: (a.x + b.x) / 2, y: (a.y + b.y) / 2 };
  return a ?? b;
}

function otherSide(s: Side): Side {
  return s === 'left' ? 'right' : 'left';
}

const NULL_ANGLES: Angles = Object.freeze({
  torsoLeanDeg: null,
  hipExtensionDeg: null,
  thighElevationDeg: null,
  kneeFlexionDeg: null,
  lumbarArchDeg: null,
  pelvisTiltDeg: null,
});

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
  const machineOpts = {
    minRomDeg: opts.minRomDeg,
    minRepDurationMs: opts.minRepDurationMs,
    maxGapMs: opts.maxGapMs,
  };

  let smoother2d = new LandmarkSmoother(filterOpts);
  let smoother3d = new LandmarkSmoother(filterOpts);
  let identity = new LegIdentityTracker();
  let facingTracker = new FacingTracker();
  let viewClassifier = new ViewClassifier();
  let legTracker = new WorkingLegTracker({ windowMs: opts.legWindowMs, switchRatio: opts.legSwitchRatio });
  let machines: Record<Side, RepPhaseMachine> = {
    left: new RepPhaseMachine(machineOpts),
    right: new RepPhaseMachine(machineOpts),
  };
  let samples: Record<Side, TimeWindow<LegFrameSample>> = { left: new TimeWindow(), right: new TimeWindow() };
  let restLeans: RestReference = { items: [], sum: 0 };
  let restContours: RestReference = { items: [], sum: 0 };
  let lastTimestampMs: number | null = null;
  let restSinceMs: number | null = null;
  const pathSelector = new AnglePathSelector(opts.anglePath);
  const reps: RepMetrics[] = [];

  function resetState(): void {
    smoother2d = new LandmarkSmoother(filterOpts);
    smoother3d = new LandmarkSmoother(filterOpts);
    identity = new LegIdentityTracker();
    facingTracker = new FacingTracker();
    viewClassifier = new ViewClassifier();
    legTracker = new WorkingLegTracker({ windowMs: opts.legWindowMs, switchRatio: opts.legSwitchRatio });
    machines = { left: new RepPhaseMachine(machineOpts), right: new RepPhaseMachine(machineOpts) };
    samples = { left: new TimeWindow(), right: new TimeWindow() };
    restLeans = { items: [], sum: 0 };
    restContours = { items: [], sum: 0 };
    lastTimestampMs = null;
    restSinceMs = null;
    pathSelector.reset();
  }

  function pushSample(side: Side, s: LegFrameSample): void {
    samples[side].push(s);
    samples[side].trimBefore(s.t - SAMPLE_HISTORY_MS);
  }

  /**
   * Keep a reference value while the leg is at rest; return the reference (frozen mid-rep): the
   * mean over the last ARCH_REFERENCE_MS of rest (inputs are One Euro-smoothed already).
   */
  function restReference(ref: RestReference, t: number, v: number | null, atRest: boolean): number | null {
    if (atRest && v !== null) {
      ref.items.push({ t, v });
      ref.sum += v;
      while (ref.items.length > 1 && (ref.items[0]?.t ?? 0) < t - ARCH_REFERENCE_MS) ref.sum -= ref.items.shift()?.v ?? 0;
    }
    return ref.items.length === 0 ? null : ref.sum / ref.items.length;
  }

  function acceptRep(leg: Side, event: RepEvent, workingLeg: Side | null): RepMetrics | null {
    const legSamples = samples[leg].toArray();
    const inRep = legSamples.filter((s) => s.t >= event.startMs - 1e-6 && s.t <= event.endMs + 1e-6);
    const otherLo = quantile(inRep.map((s) => s.otherThighDeg), 0.05);
    const otherHi = quantile(inRep.map((s) => s.otherThighDeg), 0.95);
    const otherRange = otherLo === null || otherHi === null ? null : otherHi - otherLo;
    // A rep by the leg that is not (yet) the working one counts, and makes it the working one,
    // only when the other leg was clearly still throughout: the user changed legs.
    const maxOther = (workingLeg === leg ? BILATERAL_MAX_FRAC : SWITCH_MAX_OTHER_FRAC) * event.romDeg;
    if (otherRange === null ? workingLeg !== leg : otherRange >= maxOther) return null;
    const leanLo = quantile(inRep.map((s) => s.torsoLeanDeg), 0.05);
    const leanHi = quantile(inRep.map((s) => s.torsoLeanDeg), 0.95);
    if (leanLo !== null && leanHi !== null && leanHi - leanLo >= HINGE_MAX_FRAC * event.romDeg) {
      return null;
    }
    const hipLo = quantile(inRep.map((s) => s.hipHeightPx), 0.05);
    const hipHi = quantile(inRep.map((s) => s.hipHeightPx), 0.95);
    const thighPx = median(inRep.map((s) => s.thighLengthPx));
    if (hipLo !== null && hipHi !== null && thighPx !== null && hipHi - hipLo >= HIP_TRAVEL_MAX_FRAC * thighPx) {
      return null;
    }
    const metrics = computeRepMetrics({
      index: reps.length + 1,
      leg,
      event,
      samples: legSamples.filter((s) => s.t >= event.startMs - 1000),
      holdBandDeg: opts.holdBandDeg,
    });
    if (metrics.peakHipExtensionDeg !== null && metrics.peakHipExtensionDeg > MAX_HIP_EXTENSION_DEG) return null;
    if (workingLeg !== leg) legTracker.force(leg);
    return metrics;
  }

  function push(frame: PoseFrame): FrameAnalysis {
    validatePoseFrame(frame);
    const t = frame.timestampMs;
    if (lastTimestampMs !== null && t <= lastTimestampMs) {
      throw new RangeError(`expected timestampMs > ${lastTimestampMs}, got ${t}`);
    }
    if (lastTimestampMs !== null && t - lastTimestampMs > opts.maxGapMs) {
      // Positions from before a long gap say nothing about who is where now.
      identity.reset();
    }
    lastTimestampMs = t;
    const workingBefore = legTracker.current;

    if (frame.landmarks.length === 0) {
      identity.reset();
      for (const side of ['left', 'right'] as const) {
        machines[side].update(t, null);
      }
      legTracker.update(t, null, null);
      viewClassifier.update(t, null);
      facingTracker.update(t, null);
      return {
        timestampMs: t,
        angles: { ...NULL_ANGLES },
        anglePath: '2d',
        lumbarArchSource: null,
        workingLeg: legTracker.current,
        facing: facingTracker.current,
        view: {
          kind: 'unusable',
          personFound: false,
          inFrame: false,
          usable: false,
          reason: 'No person in view',
          missingJoints: [],
        },
        phase: displayPhase(legTracker.current),
        repCount: reps.length,
        completedRep: null,
      };
    }

    // 1. Gated joints (pixels and world) and why each is missing.
    const gate = gates[frame.keypointSet];
    const all = readAllJoints(frame, gate);
    const raw2d = all.pixel;
    const raw3d = all.world;
    const statuses = all.status;

    // 2. Leg identity by continuity, then anatomical plausibility.
    cleanLegJoints(all, identity, t);

    // 3. Smoothing.
    // Eyes, elbows and wrists feed no angle: smooth them only when they are drawn.
    const list2d = JOINT_NAMES.map((n) => (opts.includeLandmarks || ANALYSED_JOINTS.has(n) ? raw2d[n] : null));
    const list3d = JOINT_NAMES.map((n) => (ANALYSED_JOINTS.has(n) ? raw3d[n] : null));
    const sm2d = opts.smoothLandmarks ? smoother2d.apply(list2d, t, frame.imageHeight) : list2d;
    const sm3d = opts.smoothLandmarks ? smoother3d.apply(list3d, t, 1) : list3d;
    const j2 = emptyMap<Point2>();
    const j3 = emptyMap<Point3>();
    JOINT_NAMES.forEach((n, i) => {
      j2[n] = sm2d[i] ?? null;
      j3[n] = sm3d[i] ?? null;
    });

    // 4. View and facing.
    const offSide =
      hipAxisOffSideDeg(j3.leftHip, j3.rightHip) ??
      offSideDegFromWidthRatio(bodyWidthRatio(j2.leftShoulder, j2.rightShoulder, j2.leftHip, j2.rightHip));
    const viewKind = viewClassifier.update(t, offSide);
    const shoulderMid2 = mid2(j2.leftShoulder, j2.rightShoulder);
    const hipMid2 = mid2(j2.leftHip, j2.rightHip);
    const score = facingScore({
      nose: j2.nose,
      leftEar: j2.leftEar,
      rightEar: j2.rightEar,
      shoulderMid: shoulderMid2,
      hipMid: hipMid2,
      heels: [j2.leftHeel, j2.rightHeel],
      toes: [j2.leftFootIndex, j2.rightFootIndex],
    });
    const facing = facingTracker.update(t, score);

    // 5. Angle path and sagittal-plane body.
    const hasWorld = j3.leftHip !== null && j3.rightHip !== null;
    const chosen = pathSelector.update(t, viewKind, hasWorld, midRep());
    if (chosen.changed) {
      machines.left.rebase();
      machines.right.rebase();
    }
    let path: AnglePath = chosen.path;
    let body: PlaneBody | null = null;
    const basis = path === '3d' ? sagittalBasis(j3.leftHip, j3.rightHip, facing) : null;
    if (path === '3d' && basis !== null) {
      const p = (n: JointName): PlanePoint | null => worldToPlane(j3[n], basis);
      const leg = (s: Side): PlaneLeg => ({ hip: p(`${s}Hip`), knee: p(`${s}Knee`), ankle: p(`${s}Ankle`) });
      body = {
        shoulderMid: midpoint(p('leftShoulder'), p('rightShoulder')),
        hipMid: midpoint(p('leftHip'), p('rightHip')),
        left: leg('left'),
        right: leg('right'),
      };
    } else {
      path = '2d';
      // Torso lean is unsigned, so it needs no facing; leg angles do.
      const f: Side = facing ?? 'right';
      const p = (n: JointName): PlanePoint | null => imageToPlane(j2[n], f);
      const leg = (s: Side): PlaneLeg =>
        facing === null
          ? { hip: null, knee: null, ankle: null }
          : { hip: p(`${s}Hip`), knee: p(`${s}Knee`), ankle: p(`${s}Ankle`) };
      body = {
        shoulderMid: imageToPlane(shoulderMid2, f),
        hipMid: imageToPlane(hipMid2, f),
        left: leg('left'),
        right: leg('right'),
      };
    }
    const lean = bodyTorsoLeanDeg(body);
    const legA = { left: legAngles(body, 'left'), right: legAngles(body, 'right') };

    // 6. View assessment needs the working leg; use the one known before this frame.
    let view = assessView(statuses, workingBefore, viewKind);
    if (view.usable && lean !== null && lean > MAX_TORSO_LEAN_DEG) {
      view = { ...view, kind: 'unusable', usable: false, reason: 'Make sure your whole body is visible' };
    }
    // ref: brief, "two people … a clear message": a single-pose model follows whichever person
    // it scores best, frame by frame, so with a second person in view no reading can be trusted
    // to be the lifter's (workers/person-counter.ts counts people once a second).
    if (frame.personCount !== undefined && frame.personCount > 1) {
      view = { ...view, usable: false, reason: TWO_PEOPLE_REASON };
    }
    const usable = view.usable;

    // 7. Working leg and rep machines.
    const workingLeg = legTracker.update(
      t,
      usable ? legA.left.thighElevationDeg : null,
      usable ? legA.right.thighElevationDeg : null,
    );

    // 8. Lumbar arch (reference frozen while a rep is under way) and pelvis tilt.
    const ranges = legTracker.ranges();
    const refLeg: Side = workingLeg ?? ((ranges.left ?? 0) >= (ranges.right ?? 0) ? 'left' : 'right');
    const refMachine = machines[refLeg];
    const refRest = refMachine.restDeg;
    const refThigh = legA[refLeg].thighElevationDeg;
    const restPhase = refMachine.currentPhase === 'setup' || refMachine.currentPhase === 'bottom';
    if (!restPhase) restSinceMs = null;
    else if (restSinceMs === null) restSinceMs = t;
    // Right after a rep is counted the leg is still settling (and the trunk coming back down).
    const atRest =
      restPhase &&
      t - (restSinceMs ?? t) >= ARCH_SETTLE_MS &&
      refRest !== null &&
      refThigh !== null &&
      refThigh - refRest <= ARCH_REST_BAND_DEG;
    const refLean = restReference(restLeans, t, usable ? lean : null, atRest);
    let arch = usable ? trunkLeanArchDeg(refLean, lean) : null;
    let archSource: LumbarArchSource | null = arch === null ? null : 'trunk-lean';
    if (frame.backContour !== undefined && frame.backContour.length >= 3 && facing !== null && isFinitePlanePoint(body.shoulderMid) && isFinitePlanePoint(body.hipMid)) {
      const pts = frame.backContour.map((q) => imageToPlane(q, facing)).filter(isFinitePlanePoint);
      const tf = body.shoulderMid.f - body.hipMid.f;
      const tu = body.shoulderMid.u - body.hipMid.u;
      const tl = Math.hypot(tf, tu);
      const arc = tl > 0 ? contourArcDeg(pts, { f: tu / tl, u: -tf / tl }) : null;
      const refArc = restReference(restContours, t, usable ? arc : null, atRest);
      if (usable && arc !== null && refArc !== null) {
        arch = arc - refArc;
        archSource = 'contour';
      }
    }
    let pelvisTilt: number | null = null;
    if (usable && (viewKind === 'oblique' || viewKind === 'front')) {
      if (hasWorld) pelvisTilt = pelvisTiltDeg3d(j3.leftHip, j3.rightHip);
      else if (shoulderMid2 !== null && hipMid2 !== null) {
        const trunkPx = Math.hypot(shoulderMid2.x - hipMid2.x, shoulderMid2.y - hipMid2.y);
        pelvisTilt = pelvisTiltDeg2d(j2.leftHip, j2.rightHip, PELVIS_MIN_SEPARATION_FRAC * trunkPx);
      }
    }

    let completedRep: RepMetrics | null = null;
    for (const side of ['left', 'right'] as const) {
      const a = legA[side];
      pushSample(side, {
        t,
        thighDeg: usable ? a.thighElevationDeg : null,
        hipExtensionDeg: usable ? a.hipExtensionDeg : null,
        kneeFlexionDeg: usable ? a.kneeFlexionDeg : null,
        torsoLeanDeg: usable ? lean : null,
        lumbarArchDeg: arch,
        pelvisTiltDeg: pelvisTilt,
        otherThighDeg: usable ? legA[otherSide(side)].thighElevationDeg : null,
        hipHeightPx: usable && hipMid2 !== null ? -hipMid2.y : null,
        thighLengthPx: usable ? segmentLength(j2[`${side}Hip`], j2[`${side}Knee`]) : null,
        path,
      });
      const upd = machines[side].update(t, usable ? a.thighElevationDeg : null);
      if (upd.completed !== null) {
        const rep = acceptRep(side, upd.completed, workingLeg);
        if (rep !== null) {
          reps.push(rep);
          completedRep = rep;
        }
      }
    }
    const phase = displayPhase(workingLeg);

    // 9. The angles shown: the working leg, else the leg nearer the camera (higher visibility).
    const shownLeg: Side | null =
      workingLeg ??
      (statuses.leftKnee === 'ok' || statuses.rightKnee === 'ok'
        ? kneeVisibility(frame, 'left') >= kneeVisibility(frame, 'right')
          ? 'left'
          : 'right'
        : null);
    const shown = shownLeg === null ? null : legA[shownLeg];
    const result: FrameAnalysis = {
      timestampMs: t,
      // An unusable view (front-on, body cut off, misread) shows no numbers: a front view turns
      // knee spread into "hip extension" (DESIGN.md §2), and a wrong number is worse than none.
      angles: usable
        ? {
            torsoLeanDeg: lean,
            hipExtensionDeg: shown?.hipExtensionDeg ?? null,
            thighElevationDeg: shown?.thighElevationDeg ?? null,
            kneeFlexionDeg: shown?.kneeFlexionDeg ?? null,
            lumbarArchDeg: arch,
            pelvisTiltDeg: pelvisTilt,
          }
        : { ...NULL_ANGLES },
      anglePath: path,
      lumbarArchSource: archSource,
      workingLeg,
      facing,
      view,
      phase,
      repCount: reps.length,
      completedRep,
    };
    if (opts.includeLandmarks) result.smoothedLandmarks = toLandmarks(frame, j2);
    if (opts.includeLegDetail) {
      const detail = (side: Side): LegDetail => ({
        ...legA[side],
        phase: machines[side].currentPhase,
        restDeg: machines[side].restDeg,
      });
      result.legs = { left: detail('left'), right: detail('right') };
    }
    return result;
  }

  function midRep(): boolean {
    return (['left', 'right'] as const).some((side) => {
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
    finish() {
      const leg = legTracker.current;
      if (leg === null) return null;
      const event = machines[leg].finish();
      if (event === null) return null;
      const rep = acceptRep(leg, event, leg);
      if (rep !== null) reps.push(rep);
      return rep;
    },
    reset() {
      resetState();
      reps.length = 0;
    },
  };
}

function segmentLength(a: Point2 | null, b: Point2 | null): number | null {
  if (a === null || b === null) return null;
  const d = Math.hypot(a.x - b.x, a.y - b.y);
  return Number.isFinite(d) ? d : null;
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
