/**
 * When the frame pipeline asks for the person mask (docs/design.md#frame-rates, "compute it where it
 * matters: near each rep's peak and at rest"). The mask costs about half an inference per frame on wasm
 * (`npm run bench`, silhouette step), and the lumbar arch needs it on two kinds of frame only:
 * - near each rep's peak, where the rep's arch peak is read (every frame there);
 * - at rest, where the arch's reference is taken (a few frames per rest are enough: it is a mean);
 * plus a low background rate so a lifter whose kicks the cheap signal below misreads still gets
 * contours now and then.
 *
 * The decision for a frame is made before it is estimated, from the frames before it: the hip
 * extension of each leg in the image (the same thigh-against-trunk-line angle as the analyser's,
 * hip-extension.ts), its running rest and peak, and its speed, projected one frame ahead. It is
 * cheap (a few landmark reads per frame) and needs nothing from the main thread's analyser.
 * Pure: timestamps are arguments; state is reset by reset().
 *
 * ```
 *  extension
 *     peak ┤        ╭──╮            mask every frame above rest + PEAK_FRACTION·range
 *          ┤ ─ ─ ─ ╱─ ─ ╲─ ─ ─ ─ ─  (and when the next frame is predicted to be there)
 *          ┤      ╱      ╲
 *     rest ┤─────╯        ╰──────   within the rest band, still: one mask per REST_INTERVAL_MS
 *          └──────────────────────► time        elsewhere: one per BACKGROUND_INTERVAL_MS
 * ```
 */
import type { PoseFrame, Side } from '../pose/types';
import { readJoint, type JointGate, type Point2 } from '../pose/read-joint';
import { frameFacing } from './back-contour-of-frame';
import { hipExtensionDeg } from './hip-extension';
import type { PlanePoint } from './plane-point';

export interface MaskScheduleOptions {
  /** Mask every frame whose leg is past this fraction of its range above rest. */
  peakFraction: number;
  /** Range assumed until a rep has shown a larger one, degrees of hip extension. */
  minRangeDeg: number;
  /** Within this fraction of the range (or `restBandMinDeg`) of rest, the leg is at rest. */
  restBandFraction: number;
  restBandMinDeg: number;
  /** Slower than this, the leg is still, degrees per second. */
  stillDegPerS: number;
  /** At rest, one mask per this much frame time. */
  restIntervalMs: number;
  /** Otherwise (rising, falling, pose unclear), one mask per this much frame time. */
  backgroundIntervalMs: number;
  /** The running rest and peak relax towards the present at this rate, degrees per second. */
  relaxDegPerS: number;
}

export const DEFAULT_MASK_SCHEDULE_OPTIONS: MaskScheduleOptions = {
  // ref: docs/angles.md "Lumbar arch": the arch rises with the hip's last degrees of extension
  // (the guide: "the point just before the lower back begins to arch" is near the top), so the
  // top half of the kick holds the rep's arch peak; below it the reading is not used.
  peakFraction: 0.5,
  // ref: docs/design.md#reps-and-phases / src/synthetic DEFAULT_KICKBACK_SET romDeg 40: a cable kickback moves the
  // hip 30-50°; 30° keeps the first rep's threshold (15°) well above the landmark noise (2-3°).
  minRangeDeg: 30,
  // ref: src/analysis/arch-reference.ts takes its reference within 1.5° of the rep machine's
  // rest level, after the leg settled; a wider band here lets the frames around it be masked.
  restBandFraction: 0.15,
  restBandMinDeg: 5,
  // ref: a 40° kick in 1 s averages 40°/s; a leg at rest moves at the noise's speed (2-3° per
  // frame at 8-10 fps is 20-30°/s), so 30°/s separates resting from lifting.
  stillDegPerS: 30,
  // ref: arch-reference.ts averages its reference over the last 500 ms of rest (else over the
  // rest phase): one or two masks in that window are the mean of a still back, and the frames
  // between them cost no mask.
  restIntervalMs: 400,
  // ref: frame-pipeline.ts personCheckIntervalMs: once a second is what a slow extra costs here.
  backgroundIntervalMs: 1000,
  // ref: reps come every 2-4 s (DEFAULT_KICKBACK_SET timeline): 2°/s lets rest and peak follow a
  // lifter who moves, while losing under a tenth of a 40° range between two reps.
  relaxDegPerS: 2,
};

// ref: the analyser's default visibility gate (src/analysis/default-options.ts, docs/design.md#visibility-gate).
const GATE: JointGate = { minVisibility: 0.5, edgeMarginFrac: 0 };

/** Why a frame was (or was not) given a mask: for tests and the bench. */
export type MaskReason = 'peak' | 'rest' | 'background' | 'skip';

interface LegTrack {
  restDeg: number;
  peakDeg: number;
  lastDeg: number;
  lastMs: number;
  /** Degrees per second over the last frame step (0 after a gap or on the first reading). */
  speedDegPerS: number;
}

function mid(a: Point2 | null, b: Point2 | null): Point2 | null {
  if (a === null || b === null) return null;
  return { x: (a.x + b.x) / 2, y: (a.y + b.y) / 2 };
}

function toPlane(p: Point2 | null, facing: Side): PlanePoint | null {
  if (p === null) return null;
  // Image y grows downwards; forward is the way the lifter faces.
  return { f: facing === 'right' ? p.x : -p.x, u: -p.y };
}

/** Each leg's hip extension in the image, degrees (null where a joint is not seen or the facing unclear). */
export function legExtensionsDeg(frame: PoseFrame): { left: number | null; right: number | null } | null {
  const j = (name: Parameters<typeof readJoint>[1]) => readJoint(frame, name, GATE);
  const shoulder = mid(j('leftShoulder'), j('rightShoulder'));
  const hip = mid(j('leftHip'), j('rightHip'));
  if (shoulder === null || hip === null) return null;
  const facing = frameFacing(frame, shoulder, hip);
  if (facing === null) return null;
  const leg = (side: Side): number | null =>
    hipExtensionDeg(toPlane(shoulder, facing), toPlane(hip, facing), toPlane(j(`${side}Hip`), facing), toPlane(j(`${side}Knee`), facing));
  return { left: leg('left'), right: leg('right') };
}

export class MaskSchedule {
  readonly #o: MaskScheduleOptions;
  readonly #legs = new Map<Side, LegTrack>();
  #lastMaskMs = Number.NEGATIVE_INFINITY;
  #lastFrameMs = Number.NEGATIVE_INFINITY;

  constructor(options: Partial<MaskScheduleOptions> = {}) {
    this.#o = { ...DEFAULT_MASK_SCHEDULE_OPTIONS, ...options };
    for (const [key, value] of Object.entries(this.#o)) {
      if (!(Number.isFinite(value) && value >= 0)) throw new Error(`expected mask schedule ${key} >= 0, got ${String(value)}`);
    }
  }

  /**
   * Whether the frame at `timestampMs` should get a mask, from what the frames before it showed.
   * Call once per frame, before estimating it; then observe() the estimated frame.
   */
  decide(timestampMs: number): MaskReason {
    const o = this.#o;
    if (timestampMs <= this.#lastFrameMs) this.reset();
    const sinceMaskMs = timestampMs - this.#lastMaskMs;
    const leg = this.#workingLeg();
    if (leg !== null) {
      const range = Math.max(leg.peakDeg - leg.restDeg, o.minRangeDeg);
      const stepS = Math.max(0, (timestampMs - leg.lastMs) / 1000);
      const lift = leg.lastDeg - leg.restDeg;
      const predicted = lift + leg.speedDegPerS * stepS;
      if (Math.max(lift, predicted) >= o.peakFraction * range) return 'peak';
      const band = Math.max(o.restBandMinDeg, o.restBandFraction * range);
      const still = Math.abs(leg.speedDegPerS) <= o.stillDegPerS;
      if (lift <= band && still && sinceMaskMs >= o.restIntervalMs) return 'rest';
    }
    return sinceMaskMs >= o.backgroundIntervalMs ? 'background' : 'skip';
  }

  /** The estimated frame (its landmarks), and whether it was given a mask. */
  observe(frame: PoseFrame, masked: boolean): void {
    const t = frame.timestampMs;
    this.#lastFrameMs = t;
    if (masked) this.#lastMaskMs = t;
    const ext = frame.landmarks.length === 0 ? null : legExtensionsDeg(frame);
    for (const side of ['left', 'right'] as const) {
      const deg = ext?.[side] ?? null;
      const track = this.#legs.get(side);
      if (deg === null) continue;
      if (track === undefined) {
        this.#legs.set(side, { restDeg: deg, peakDeg: deg, lastDeg: deg, lastMs: t, speedDegPerS: 0 });
        continue;
      }
      const dtS = (t - track.lastMs) / 1000;
      const relax = this.#o.relaxDegPerS * Math.max(0, dtS);
      track.restDeg = Math.min(deg, track.restDeg + relax);
      track.peakDeg = Math.max(deg, track.peakDeg - relax);
      // ref: over a gap of more than a second (pose lost) the last speed says nothing of now.
      track.speedDegPerS = dtS > 0 && dtS <= 1 ? (deg - track.lastDeg) / dtS : 0;
      track.lastDeg = deg;
      track.lastMs = t;
    }
  }

  reset(): void {
    this.#legs.clear();
    this.#lastMaskMs = Number.NEGATIVE_INFINITY;
    this.#lastFrameMs = Number.NEGATIVE_INFINITY;
  }

  /** The leg with the larger range so far (the kicking one), else the one further from its rest. */
  #workingLeg(): LegTrack | null {
    let best: LegTrack | null = null;
    for (const track of this.#legs.values()) {
      if (best === null) best = track;
      else {
        const r = track.peakDeg - track.restDeg;
        const rb = best.peakDeg - best.restDeg;
        if (r > rb || (r === rb && track.lastDeg - track.restDeg > best.lastDeg - best.restDeg)) best = track;
      }
    }
    return best;
  }
}
