/**
 * The per-frame pipeline the live app (workers/pose.worker.ts) and the CLI
 * (src/node/node-frame-pipeline.ts) share (docs/trust.md#one-pipeline): the pose model, the
 * multi-person check on its own schedule, and the lifter lock. The platform supplies only how
 * to cut a region out of its kind of frame (an ImageBitmap in the worker, a tensor in Node).
 *
 * No DOM types are named here: it compiles under the worker tsconfig and imports in Node.
 */
import { chooseLifter, findInRegion, resolveLifterChoiceOptions, type LifterChoiceOptions } from '../src/pose/lifter-choice';
import type { SeenPerson } from '../src/pose/lifter-person';
import { boxOfPoints, boxArea, overlapOfSmaller } from '../src/pose/pixel-box';
import { lifterLane } from '../src/pose/lifter-lane';
import { backContourOfFrame } from '../src/geometry/back-contour-of-frame';
import { MaskSchedule, type MaskReason, type MaskScheduleOptions } from '../src/geometry/back-contour-schedule';
import type { DetectorId, LifterLock, PixelBox, PoseFrame } from '../src/pose/types';
import { imageSizeOf, type PoseDetectorInput, type PoseEstimator } from './detector';

/** A region cut out of a frame for the pose model; `release` frees it (the caller's frame stays). */
export interface CroppedInput {
  input: PoseDetectorInput;
  release(): void;
}

/** The slice of workers/person-counter.ts's PersonCounter the pipeline uses. */
export interface PersonFinder {
  find(input: PoseDetectorInput, timestampMs: number): Promise<SeenPerson[]>;
  dispose(): void;
}

export interface FramePipelineDeps<I extends PoseDetectorInput> {
  estimator: PoseEstimator;
  /** The multi-person check; null when its model did not load (no personCount, no lock). */
  personFinder: PersonFinder | null;
  /** Cuts `box` (whole pixels, inside the frame) out of `input`. */
  crop(input: I, box: PixelBox): Promise<CroppedInput> | CroppedInput;
}

export interface FramePipelineOptions {
  /** Frame time between two person checks, ms. */
  personCheckIntervalMs: number;
  /** Checks in a row the locked lifter may be missing from their region before the lock is given up. */
  maxLostChecks: number;
  /** Checks in a row that see fewer than two people before the lock is released (one person: no crop). */
  releaseChecks: number;
  /** A pose landmark counts towards the lifter's box at this visibility, 0..1. */
  trackMinVisibility: number;
  lifterChoice: Partial<LifterChoiceOptions>;
  /**
   * Trace the back's edge on the person mask into PoseFrame.backContour (docs/angles.md#lumbar-arch, the measured
   * lumbar arch): 'scheduled' near each rep's peak and at rest (src/geometry/back-contour-schedule.ts),
   * on every frame, or never. Only the contour's points leave the pipeline.
   */
  silhouette: 'scheduled' | 'every-frame' | 'off';
  /** Tuning of the 'scheduled' silhouette (defaults: DEFAULT_MASK_SCHEDULE_OPTIONS). */
  maskSchedule: Partial<MaskScheduleOptions>;
}

export const DEFAULT_FRAME_PIPELINE_OPTIONS: FramePipelineOptions = {
  // ref: the check costs about one MoveNet Lightning inference (~130 ms on wasm here, README),
  // too much for every frame; someone stepping into view is still reported within a second.
  personCheckIntervalMs: 1000,
  // ref: someone walking past at ~1.4 m/s (Bohannon 1997, comfortable gait speed) crosses a
  // 2-3 m wide view in about 2 s: three one-second checks cover a passer-by hiding the lifter.
  maxLostChecks: 3,
  // ref: measured on dosipov beside its mirror in a 640x480 camera frame
  // (tests/e2e/support/two-people.ts, 'mirror', checked at 5 Hz): MultiPose at 256 px missed
  // both people for up to 2.8 s in a row (the kick's peak, body horizontal), i.e. up to three
  // one-second checks; five keeps the lock through that with a margin.
  releaseChecks: 5,
  // ref: the visibility gate (docs/design.md#visibility-gate) for a usable joint (src/analysis default minVisibility 0.5).
  trackMinVisibility: 0.5,
  lifterChoice: {},
  // ref: docs/performance.md "Mask only where it matters": every frame the mask costs about a
  // third more per frame (57 ms on 156 in Node; live fell to ~4 fps under load), below the rep
  // machine's ~7.5 fps; scheduled, it runs on the frames the arch is read on (peak, rest).
  silhouette: 'scheduled',
  maskSchedule: {},
};

export interface FramePipeline<I extends PoseDetectorInput = PoseDetectorInput> {
  readonly detector: DetectorId;
  /** Frame time between two person checks, ms. */
  readonly personCheckIntervalMs: number;
  /** Whether frames carry personCount (the person finder loaded and has not failed). */
  readonly checksPeople: boolean;
  /**
   * Why the last frame was or was not given a person mask ('skip': not given; null: the
   * silhouette is off or the model has no mask). 'every-frame' reads 'peak' on every frame.
   */
  readonly lastMask: MaskReason | null;
  /**
   * One frame through the pose model and, when due, the person check and the lifter lock. The
   * caller keeps ownership of `input`. Time going backwards (a looped or re-seeked source)
   * starts afresh: tracking, person count and lock are forgotten.
   */
  estimate(input: I, timestampMs: number): Promise<PoseFrame>;
  /** Forgets tracking, the person count and the lock (new clip, camera restarted). */
  reset(): void;
  dispose(): void;
}

interface LifterState {
  /** Where the lifter was last seen, full-frame pixels (their pose landmarks, else the check's box). */
  box: PixelBox;
  /** The region the pose model sees. */
  crop: PixelBox;
  lock: LifterLock;
  /** Checks in a row with people in view but nobody in the lifter's region. */
  lostChecks: number;
  /** Checks in a row that saw fewer than two people. */
  quietChecks: number;
  /** People the last check that saw several counted: carried while the lock is held. */
  peopleSeen: number;
  /** The lifter has been seen kicking since the lock was taken (until then it is provisional). */
  confirmed: boolean;
}

function containsBox(outer: PixelBox, inner: PixelBox): boolean {
  return inner.x >= outer.x && inner.y >= outer.y && inner.x + inner.width <= outer.x + outer.width && inner.y + inner.height <= outer.y + outer.height;
}

/**
 * The pose frame `frame`, estimated on `crop`, in the full frame's pixels. World landmarks are
 * hip-centred metres and do not change. A landmark outside the crop was invented by the model
 * (it saw no pixels there), so it reads as unseen, as one outside the picture would.
 */
function uncrop(frame: PoseFrame, crop: PixelBox, imageWidth: number, imageHeight: number): PoseFrame {
  return {
    ...frame,
    imageWidth,
    imageHeight,
    landmarks: frame.landmarks.map((l) => {
      const inside = l.x >= 0 && l.y >= 0 && l.x <= crop.width && l.y <= crop.height;
      return { ...l, x: l.x + crop.x, y: l.y + crop.y, visibility: inside ? l.visibility : 0 };
    }),
    ...(frame.backContour ? { backContour: frame.backContour.map((p) => ({ x: p.x + crop.x, y: p.y + crop.y })) } : {}),
  };
}

export function resolveFramePipelineOptions(options: Partial<FramePipelineOptions> = {}): FramePipelineOptions {
  const opts: FramePipelineOptions = {
    ...DEFAULT_FRAME_PIPELINE_OPTIONS,
    ...options,
    lifterChoice: { ...options.lifterChoice },
    maskSchedule: { ...options.maskSchedule },
  };
  if (!(Number.isFinite(opts.personCheckIntervalMs) && opts.personCheckIntervalMs >= 0)) {
    throw new Error(`expected personCheckIntervalMs >= 0, got ${opts.personCheckIntervalMs}`);
  }
  for (const key of ['maxLostChecks', 'releaseChecks'] as const) {
    if (!(Number.isInteger(opts[key]) && opts[key] >= 0)) throw new Error(`expected ${key} a whole number >= 0, got ${opts[key]}`);
  }
  resolveLifterChoiceOptions(opts.lifterChoice);
  if (opts.silhouette !== 'scheduled' && opts.silhouette !== 'every-frame' && opts.silhouette !== 'off') {
    throw new Error(`expected silhouette 'every-frame' or 'off', got ${String(opts.silhouette)}; or leave it 'scheduled' (the default)`);
  }
  new MaskSchedule(opts.maskSchedule); // throws on bad tuning
  return opts;
}

export function createFramePipeline<I extends PoseDetectorInput>(
  deps: FramePipelineDeps<I>,
  options: Partial<FramePipelineOptions> = {},
): FramePipeline<I> {
  const opts = resolveFramePipelineOptions(options);
  const choiceOpts = resolveLifterChoiceOptions(opts.lifterChoice);
  const { estimator } = deps;
  let finder = deps.personFinder;
  /** Frame time of the last person check; -Infinity: check on the next frame. */
  let lastCheckMs = Number.NEGATIVE_INFINITY;
  let lastFrameMs = Number.NEGATIVE_INFINITY;
  let personCount: number | undefined;
  let previousPeople: SeenPerson[] = [];
  let lifter: LifterState | null = null;
  /** The model's own tracking must restart: the crop moved, appeared or went away. */
  let cropChanged = false;
  /** Which frames get the person mask (silhouette 'scheduled'). */
  const schedule = new MaskSchedule(opts.maskSchedule);

  function dropLock(): void {
    if (lifter) cropChanged = true;
    lifter = null;
  }

  function forget(): void {
    lastCheckMs = Number.NEGATIVE_INFINITY;
    schedule.reset();
    personCount = undefined;
    previousPeople = [];
    dropLock();
  }

  /** Locks on `person` (chosen or found again), moving the crop only when it no longer fits. */
  function lockOn(person: SeenPerson, others: readonly SeenPerson[], lock: LifterLock, peopleSeen: number, confirmed: boolean, width: number, height: number): void {
    // The lane up to the next person, not a margin around the lifter's box: see lifter-lane.ts.
    const wanted = lifterLane(person.box, others.map((o) => o.box), width, height);
    if (!wanted) {
      dropLock();
      return;
    }
    const current = lifter?.crop;
    const areaRatio = current ? boxArea(wanted) / boxArea(current) : 0;
    // Keep the crop (and the model's tracking) while the lifter still fits in it and nobody has
    // stepped into it; a crop that jumps every check would restart the model every second.
    // ref: a lane that has more than doubled means the neighbour stepped away (or left): the
    // lifter then gets the room (the same factor 2 the margin crop used for a lifter who came
    // closer or stepped back).
    const keep = current !== undefined && containsBox(current, person.box) && containsBox(wanted, current) && areaRatio < 2;
    if (!keep) cropChanged = true;
    lifter = {
      box: person.box,
      crop: keep ? current : wanted,
      lock,
      lostChecks: 0,
      quietChecks: 0,
      peopleSeen,
      confirmed,
    };
  }

  async function checkPeople(input: I, timestampMs: number, width: number, height: number): Promise<void> {
    if (!finder) return;
    let people: SeenPerson[];
    try {
      people = await finder.find(input, timestampMs);
    } catch {
      // A finder that fails at run time (lost GPU context, out of memory) must not cost the
      // pose: drop it; frames then say "not checked" rather than carry a stale count or lock.
      finder.dispose();
      finder = null;
      forget();
      return;
    }
    lastCheckMs = timestampMs;
    personCount = people.length;
    const before = previousPeople;
    previousPeople = people;
    if (lifter) {
      const index = findInRegion(people, lifter.box, choiceOpts);
      const held = lifter.box;
      const inTheWay = people.some((p) => overlapOfSmaller(p.box, held) >= choiceOpts.ambiguousOverlap);
      if (people.length === 0 || (people.length === 1 && index === 0) || (index < 0 && !inTheWay)) {
        // Fewer than two people, or the lifter missed with nobody in their way: the others
        // left, or the check missed people (small people score under its gate: 0 does not
        // mean nobody). Hold the lock, and the count that set it, for a few checks so a
        // missed check does not hand the full frame (and perhaps the other person) to the
        // pose model.
        lifter.quietChecks++;
        if (lifter.quietChecks <= opts.releaseChecks) {
          personCount = lifter.peopleSeen;
          return;
        }
        dropLock();
        return;
      }
      lifter.quietChecks = 0;
      if (index < 0) {
        // Someone overlaps the lifter's region but is not the lifter: the lifter is hidden
        // behind them. Hold the region (a passer-by must not take the lock) and say the
        // skeleton cannot be trusted.
        lifter.lostChecks++;
        lifter.lock = 'ambiguous';
        lifter.peopleSeen = Math.max(2, people.length);
        if (lifter.lostChecks <= opts.maxLostChecks) return;
        dropLock();
      }
    }
    if (people.length <= 1) return;
    const choice = chooseLifter(
      {
        people,
        imageWidth: width,
        imageHeight: height,
        previousLifter: lifter?.box ?? null,
        previousPeople: before,
        previousConfirmed: lifter?.confirmed ?? true,
      },
      choiceOpts,
    );
    if (choice.kind === 'lost') return; // handled above: a held lifter is always found here
    if (lifter && choice.lock === 'ambiguous') {
      // Someone overlaps the lifter: whichever box matched may be theirs, so keep the held
      // region rather than let an overlapping person carry the lock away.
      lifter.lock = 'ambiguous';
      lifter.peopleSeen = people.length;
      return;
    }
    const confirmed = choice.kicking || (choice.continued && (lifter?.confirmed ?? false));
    lockOn(people[choice.index] as SeenPerson, people.filter((_, i) => i !== choice.index), choice.lock, people.length, confirmed, width, height);
  }

  /**
   * Between checks, the lifter's box follows their own landmarks (region continuity for the next
   * check). The crop itself stays: it is the lifter's whole lane up to the next person, so a
   * lifter who steps within it stays inside, and moving it could take in the neighbour.
   */
  function follow(frame: PoseFrame): void {
    if (!lifter) return;
    const seen = boxOfPoints(
      frame.landmarks.map((l) => ({ x: l.x, y: l.y, score: l.visibility })),
      opts.trackMinVisibility,
    );
    if (seen) lifter.box = seen;
  }

  const canMask = opts.silhouette !== 'off' && estimator.segments === true;
  /** Why the last frame did or did not get a mask (null: no silhouette at all). */
  let lastMask: MaskReason | null = null;

  /** The frame with its back contour (in the frame's own pixels, like its landmarks) when the mask gives one. */
  function withContour(frame: PoseFrame, wantMask: boolean): PoseFrame {
    const mask = wantMask ? (estimator.takeMask?.() ?? null) : null;
    const backContour = mask === null ? undefined : backContourOfFrame(frame, mask);
    return backContour === undefined ? frame : { ...frame, backContour };
  }

  async function estimateOn(input: I, timestampMs: number, width: number, height: number, wantMask: boolean): Promise<PoseFrame> {
    if (cropChanged) {
      estimator.reset();
      cropChanged = false;
    }
    const request = { mask: wantMask };
    if (!lifter) return withContour(await estimator.estimate(input, timestampMs, request), wantMask);
    const crop = lifter.crop;
    const cropped = await deps.crop(input, crop);
    let frame: PoseFrame;
    try {
      frame = withContour(await estimator.estimate(cropped.input, timestampMs, request), wantMask);
    } finally {
      cropped.release();
    }
    return uncrop(frame, crop, width, height);
  }

  return {
    detector: estimator.detector,
    personCheckIntervalMs: opts.personCheckIntervalMs,
    get checksPeople() {
      return finder !== null;
    },
    get lastMask() {
      return lastMask;
    },
    async estimate(input, timestampMs) {
      if (!Number.isFinite(timestampMs)) throw new Error(`expected a finite timestampMs, got ${timestampMs}`);
      // Time going backwards: the source restarted (looped or re-seeked video), so check afresh.
      if (timestampMs <= lastFrameMs) forget();
      lastFrameMs = timestampMs;
      const { width, height } = imageSizeOf(input);
      if (finder && timestampMs - lastCheckMs >= opts.personCheckIntervalMs) await checkPeople(input, timestampMs, width, height);
      const lock = lifter?.lock;
      const crop = lifter?.crop;
      // Decided from the frames before this one (the mask must be asked for with the estimate).
      lastMask = canMask ? (opts.silhouette === 'every-frame' ? 'peak' : schedule.decide(timestampMs)) : null;
      const wantMask = lastMask !== null && lastMask !== 'skip';
      const frame = await estimateOn(input, timestampMs, width, height, wantMask);
      if (canMask) schedule.observe(frame, wantMask);
      follow(frame);
      if (personCount === undefined) return frame;
      if (lock === undefined || crop === undefined) return { ...frame, personCount };
      return lock === 'locked'
        ? { ...frame, personCount, lifterLock: 'locked', lifterBox: { ...crop } }
        : { ...frame, personCount, lifterLock: 'ambiguous' };
    },
    reset() {
      estimator.reset();
      forget();
      lastMask = null;
      cropChanged = false;
    },
    dispose() {
      estimator.dispose();
      finder?.dispose();
      finder = null;
      forget();
    },
  };
}
