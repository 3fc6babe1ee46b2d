/**
 * Rep and phase state machine over one leg's thigh elevation (docs/design.md#reps-and-phases), relative to the
 * set's own rest position and range: no absolute angle thresholds, because the thigh rests near
 * +22° in a bent-over cable kickback and near −40° in an upright one with a knee drive.
 * Kicking is always towards + (behind the body), so rest is the low end of the signal.
 * Time is an argument; null samples are holes (hidden leg, unusable view, dropped frames).
 */
import { median, quantile } from '../signal/robust-stats';
import type { Phase } from './types';

export interface RepPhaseOptions {
  minRomDeg: number;
  minRepDurationMs: number;
  maxGapMs: number;
}

export const DEFAULT_REP_PHASE_OPTIONS: Readonly<RepPhaseOptions> = Object.freeze({
  // ref: docs/design.md#visibility-gate, 4–8° single-camera angle error: a rep must move well beyond twice that.
  minRomDeg: 15,
  // ref: guide, "controlled, deliberate motion": even a swung rep takes longer than 0.4 s.
  minRepDurationMs: 400,
  // ref: docs/design.md#frame-rates, 3 fps must work: 1.5 s is several lost frames in a row.
  maxGapMs: 1500,
});

// ref: docs/design.md#landmark-noise, thigh noise 0.3–0.6° RMS in 2D and 0.8–1.2° from world landmarks: 3° is
// about 3σ of the noisier path, so no threshold below it can be crossed by noise alone.
const NOISE_FLOOR_DEG = 3;
// ref: docs/design.md#reps-and-phases "hysteresis relative to the set's own range": a lift starts at a quarter of
// the set's typical range (and never below 5°, ~4σ of world-landmark noise).
const ENTER_FRAC = 0.25;
const MIN_ENTER_DEG = 5;
// ref: docs/design.md#reps-and-phases hysteresis and docs/design.md#form-rules "within 5° of the rep's peak": the leg has left the top
// once it drops 15 % of the rep's range (and at least the 5° hold band
// of docs/design.md#form-rules, so a squeeze with a little wobble stays "peak").
const EXIT_PEAK_FRAC = 0.15;
const MIN_EXIT_PEAK_DEG = 5;
// ref: docs/design.md#reps-and-phases "a rep is counted when the leg returns": "back at rest" = within 10 % of the range (≥ the noise floor) of where the rep started.
const EDGE_FRAC = 0.1;
// ref: docs/design.md#reps-and-phases "robust to ... pauses"; the guide's "constant tension" of the cable: a
// return that stops short counts once the leg is in the lower 40 % of the range and has
// stopped falling for 400 ms or turns up again (constant-tension sets never fully rest).
const SETTLE_FRAC = 0.4;
const SETTLE_MS = 400;
// ref: docs/design.md#reps-and-phases concentric/eccentric seconds: "near the top" for their timing: 5 % of the range, at least 1°.
const TOP_FRAC = 0.05;
const MIN_TOP_DEG = 1;
// ref: docs/design.md#reps-and-phases phases (peak = the squeeze at the top): rising has stopped when speed falls below a quarter of the lift's top speed.
const PEAK_SPEED_FRAC = 0.25;
// ref: docs/design.md#reps-and-phases "half-twitches do not count": under 35 % of the set's typical range.
const MIN_ROM_OF_TYPICAL = 0.35;
// ref: docs/design.md#reps-and-phases "thresholds follow the set's own rest position": rest = low quantile of the
// last 2 s at rest: robust to noise, follows a drifting stance.
const REST_WINDOW_MS = 2000;
const REST_QUANTILE = 0.1;
const REST_REFRESH_MS = 100;
// ref: guide, "a strong, momentary squeeze ... at the peak": a leg that stays up for 8 s has
// changed stance, not kicked; the rep is dropped and rest re-learnt from where the leg is.
const MAX_UP_MS = 8000;
// ref: docs/design.md#form-rules tempo defaults (up ≥ 0.6 s, down ≥ 0.8 s): 20 s covers the slowest rep with
// a long hold, plus the lift start.
const HISTORY_MS = 20000;
// ref: docs/design.md#reps-and-phases "the set's own ... range": the median of this many recent reps.
const TYPICAL_ROM_REPS = 5;
// ref: docs/design.md#reps-and-phases "thresholds follow the set's own rest position", and SETTLE_MS: in the
// first lift from a fresh rest, a leg that stays within the smallest lift threshold
// (MIN_ENTER_DEG) for 400 ms and then rises a whole minimum rep (minRomDeg) above it was
// resting at a new level: the lifter changed stance (walked round to the other leg, stepping
// first). The lift restarts from there. A squeeze held still at the top is the end of the hip's
// range ("limit the height of the kick", guide): no leg rises another 15° after it.
const DWELL_BAND_DEG = MIN_ENTER_DEG;
const DWELL_MS = SETTLE_MS;

export interface RepEvent {
  startMs: number;
  /** First time within the top band (TOP_FRAC of range) of the peak. */
  topStartMs: number;
  /** Middle of the time spent in the top band. */
  peakMs: number;
  /** Last time within the top band before the descent. */
  topEndMs: number;
  endMs: number;
  restDeg: number;
  peakDeg: number;
  romDeg: number;
}

export interface RepPhaseUpdate {
  phase: Phase;
  /** A rep that passed range and duration checks completed on this sample. */
  completed: RepEvent | null;
}

interface Sample {
  t: number;
  v: number;
}

type InternalPhase = Phase;

export class RepPhaseMachine {
  private readonly opts: RepPhaseOptions;
  private phase: InternalPhase = 'setup';
  private history: Sample[] = [];
  private restSamples: Sample[] = [];
  private restAtLift = 0;
  private peak: Sample = { t: 0, v: 0 };
  private liftIndex = 0;
  private maxLiftSpeed = 0;
  private lowMin: Sample | null = null;
  private lastValid: Sample | null = null;
  private roms: number[] = [];
  private restLevel: number | null = null;
  private restRefreshMs = Number.NEGATIVE_INFINITY;
  /** Rest was learnt afresh (stream start, after a hole or a stance change), not returned to yet. */
  private restFresh = true;
  /** Recent samples of a rep under way that stayed within DWELL_BAND_DEG of each other. */
  private dwell: Sample[] = [];
  /** The last still stretch (≥ DWELL_MS) of the lift under way: its rest quantile and top. */
  private stillLevel: { level: number; max: number; count: number } | null = null;
  /** The lift under way started from a rest learnt afresh. */
  private liftFromFresh = false;

  constructor(options: Partial<RepPhaseOptions> = {}) {
    this.opts = { ...DEFAULT_REP_PHASE_OPTIONS, ...options };
  }

  get currentPhase(): Phase {
    return this.phase;
  }

  /** Median range of the set's recent reps, or null before the first. */
  get typicalRomDeg(): number | null {
    return median(this.roms);
  }

  /** Thigh elevation the current rep started from (the rest level), null before one. */
  get restDeg(): number | null {
    if (this.phase === 'lifting' || this.phase === 'peak' || this.phase === 'lowering') {
      return this.restAtLift;
    }
    return this.restLevel;
  }

  reset(): void {
    this.phase = 'setup';
    this.history = [];
    this.restSamples = [];
    this.lowMin = null;
    this.lastValid = null;
    this.roms = [];
    this.restLevel = null;
    this.restFresh = true;
    this.dwell = [];
  }

  update(timestampMs: number, value: number | null): RepPhaseUpdate {
    if (this.lastValid !== null && timestampMs - this.lastValid.t > this.opts.maxGapMs) {
      this.abortRep();
    }
    if (value === null || !Number.isFinite(value)) return { phase: this.phase, completed: null };
    const s: Sample = { t: timestampMs, v: value };
    const prev = this.lastValid;
    this.lastValid = s;
    this.history.push(s);
    while (this.history.length > 0 && (this.history[0]?.t ?? 0) < timestampMs - HISTORY_MS) {
      this.history.shift();
      this.liftIndex = Math.max(0, this.liftIndex - 1);
    }
    const completed = this.step(s, prev);
    return { phase: this.phase, completed };
  }

  /**
   * The signal's reference changed (the angle path switched between 2D and 3D, which read a few
   * degrees apart): drop a rep under way and learn rest afresh, keeping the set's typical range.
   */
  rebase(): void {
    this.abortRep();
  }

  /**
   * End of the stream (set stopped, video ended): a rep whose leg is already on its way back,
   * in the lower part of its range, counts; one still up does not.
   */
  finish(): RepEvent | null {
    if (this.phase !== 'lowering' || this.lowMin === null) return null;
    const rom = this.peak.v - this.restAtLift;
    if (this.lowMin.v > this.restAtLift + SETTLE_FRAC * rom) return null;
    return this.complete(rom, this.lowMin);
  }

  private abortRep(): void {
    // A long hole mid-rep: the rep cannot be timed, so drop it; completed reps stay counted.
    this.phase = this.roms.length > 0 ? 'bottom' : 'setup';
    this.history = [];
    this.restSamples = [];
    this.restLevel = null;
    this.lowMin = null;
    this.lastValid = null;
    this.restFresh = true;
    this.dwell = [];
  }

  private enterDeg(): number {
    const typical = this.typicalRomDeg;
    return Math.max(MIN_ENTER_DEG, typical === null ? 0 : ENTER_FRAC * typical);
  }

  private step(s: Sample, prev: Sample | null): RepEvent | null {
    switch (this.phase) {
      case 'setup':
      case 'bottom': {
        this.restSamples.push(s);
        while (this.restSamples.length > 1 && (this.restSamples[0]?.t ?? 0) < s.t - REST_WINDOW_MS) {
          this.restSamples.shift();
        }
        // Rest moves slowly: refresh the quantile ten times a second; a new low lowers it at once
        // (conservative: a lift is then measured from the lower level).
        if (this.restLevel !== null && s.v < this.restLevel) this.restLevel = s.v;
        if (this.restLevel === null || s.t - this.restRefreshMs >= REST_REFRESH_MS) {
          this.restLevel = quantile(
            this.restSamples.map((r) => r.v),
            REST_QUANTILE,
          );
          this.restRefreshMs = s.t;
        }
        const rest = this.restLevel;
        if (rest !== null && s.v - rest >= this.enterDeg()) {
          this.startLift(rest, s, this.restSamples.length);
        }
        return null;
      }
      case 'lifting':
      case 'peak': {
        if (s.t - this.peak.t > MAX_UP_MS) {
          this.phase = this.roms.length > 0 ? 'bottom' : 'setup';
          this.restSamples = [s];
          this.restLevel = s.v;
          this.restFresh = true;
          return null;
        }
        if (this.restartedFromDwell(s)) return null;
        const speed = prev === null ? 0 : (s.v - prev.v) / Math.max(1e-3, (s.t - prev.t) / 1000);
        if (s.v >= this.peak.v) {
          this.peak = s;
          this.maxLiftSpeed = Math.max(this.maxLiftSpeed, speed);
        }
        const range = this.peak.v - this.restAtLift;
        if (s.v < this.peak.v - Math.max(MIN_EXIT_PEAK_DEG, EXIT_PEAK_FRAC * range)) {
          this.phase = 'lowering';
          this.lowMin = s;
          return this.checkReturn(s);
        }
        this.phase = speed <= PEAK_SPEED_FRAC * this.maxLiftSpeed ? 'peak' : 'lifting';
        return null;
      }
      case 'lowering': {
        if (this.restartedFromDwell(s)) return null;
        if (s.v > this.peak.v) {
          // Went back up past the old top: the same rep, not a new one.
          this.peak = s;
          this.phase = 'lifting';
          this.lowMin = null;
          return null;
        }
        if (this.lowMin === null || s.v <= this.lowMin.v) this.lowMin = s;
        return this.checkReturn(s);
      }
    }
  }

  private startLift(rest: number, s: Sample, restSampleCount: number): void {
    this.phase = 'lifting';
    this.restAtLift = rest;
    this.peak = s;
    this.maxLiftSpeed = 0;
    this.lowMin = null;
    this.dwell = [];
    this.stillLevel = null;
    this.liftFromFresh = this.restFresh;
    // The lift began before this sample: keep the rest samples around it for timing.
    this.liftIndex = Math.max(0, this.history.length - 1 - restSampleCount);
    this.restSamples = [];
  }

  /**
   * The leg rested at a new level mid-"rep" and lifts again from it: the movement so far was a
   * change of stance, not a rep (it never came back), so the lift restarts from the dwell.
   */
  private restartedFromDwell(s: Sample): boolean {
    if (!this.liftFromFresh) return false;
    const still = this.stillLevel;
    if (still !== null && s.v - still.max >= Math.max(this.enterDeg(), this.opts.minRomDeg)) {
      this.startLift(still.level, s, still.count);
      this.liftFromFresh = true;
      return true;
    }
    const d = this.dwell;
    d.push(s);
    const spread = (): number => Math.max(...d.map((r) => r.v)) - Math.min(...d.map((r) => r.v));
    while (d.length > 1 && spread() > DWELL_BAND_DEG) d.shift();
    const first = d[0];
    if (first !== undefined && s.t - first.t >= DWELL_MS) {
      const level = quantile(
        d.map((r) => r.v),
        REST_QUANTILE,
      );
      if (level !== null) this.stillLevel = { level, max: Math.max(...d.map((r) => r.v)), count: d.length };
    }
    return false;
  }

  private checkReturn(s: Sample): RepEvent | null {
    const rom = this.peak.v - this.restAtLift;
    const edge = Math.max(NOISE_FLOOR_DEG, EDGE_FRAC * rom);
    const low = this.lowMin ?? s;
    const atRest = s.v <= this.restAtLift + edge;
    const settledShort =
      low.v <= this.restAtLift + SETTLE_FRAC * rom &&
      (s.t - low.t >= SETTLE_MS || s.v >= low.v + NOISE_FLOOR_DEG);
    if (!atRest && !settledShort) return null;
    return this.complete(rom, low);
  }

  private complete(rom: number, low: Sample): RepEvent | null {
    const edge = Math.max(NOISE_FLOOR_DEG, EDGE_FRAC * rom);
    const event = this.buildEvent(rom, edge, low);
    this.phase = 'bottom';
    // Rest for the next rep is learnt afresh from where the leg came back to.
    this.restSamples = this.history.filter((h) => h.t >= low.t);
    this.restLevel = quantile(
      this.restSamples.map((r) => r.v),
      REST_QUANTILE,
    );
    this.lowMin = null;
    const typical = this.typicalRomDeg;
    const longEnough = event.endMs - event.startMs >= this.opts.minRepDurationMs;
    const bigEnough =
      rom >= this.opts.minRomDeg && (typical === null || rom >= MIN_ROM_OF_TYPICAL * typical);
    if (!longEnough || !bigEnough) return null;
    // Only a whole rep back to it confirms the rest; a twitch (a step while walking) does not.
    this.restFresh = false;
    this.roms.push(rom);
    if (this.roms.length > TYPICAL_ROM_REPS) this.roms.shift();
    return event;
  }

  private buildEvent(rom: number, edge: number, low: Sample): RepEvent {
    const rest = this.restAtLift;
    const h = this.history;
    const peakIdx = h.lastIndexOf(this.peak);
    const pk = peakIdx >= 0 ? peakIdx : h.length - 1;
    const startLevel = rest + edge;
    const topLevel = this.peak.v - Math.max(MIN_TOP_DEG, TOP_FRAC * rom);
    // Start: last upward crossing of the start level before the peak.
    let startMs = h[Math.min(this.liftIndex, pk)]?.t ?? this.peak.t;
    for (let i = pk; i > 0; i -= 1) {
      const a = h[i - 1];
      const b = h[i];
      if (a !== undefined && b !== undefined && a.v <= startLevel && b.v > startLevel) {
        startMs = crossTime(a, b, startLevel);
        break;
      }
    }
    let topStartMs = this.peak.t;
    for (let i = pk; i > 0; i -= 1) {
      const a = h[i - 1];
      const b = h[i];
      if (a !== undefined && b !== undefined && a.v < topLevel && b.v >= topLevel) {
        topStartMs = crossTime(a, b, topLevel);
        break;
      }
    }
    let topEndMs = this.peak.t;
    let endMs = low.t;
    let foundTopEnd = false;
    for (let i = pk; i < h.length - 1; i += 1) {
      const a = h[i];
      const b = h[i + 1];
      if (a === undefined || b === undefined) continue;
      if (!foundTopEnd && a.v >= topLevel && b.v < topLevel) {
        topEndMs = crossTime(a, b, topLevel);
        foundTopEnd = true;
      }
      if (a.v > startLevel && b.v <= startLevel) {
        endMs = crossTime(a, b, startLevel);
        break;
      }
    }
    const top0 = Math.max(startMs, topStartMs);
    const top1 = Math.min(endMs, Math.max(topEndMs, this.peak.t));
    return {
      startMs,
      topStartMs: top0,
      // The middle of the time at the top: a held squeeze has no single highest frame, and on a
      // noisy plateau the highest sample lands anywhere in it.
      peakMs: (top0 + top1) / 2,
      topEndMs: top1,
      endMs,
      restDeg: rest,
      peakDeg: this.peak.v,
      romDeg: rom,
    };
  }
}

/** Time at which the straight line between two samples crosses `level`. */
function crossTime(a: Sample, b: Sample, level: number): number {
  const dv = b.v - a.v;
  if (dv === 0) return b.t;
  const k = Math.max(0, Math.min(1, (level - a.v) / dv));
  return a.t + k * (b.t - a.t);
}
