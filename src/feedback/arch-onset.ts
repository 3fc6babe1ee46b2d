/**
 * Personal kick-height target (docs/design.md#form-rules, docs/rules.md#personal-kick-height-target-arch-onset): learn, from the lifter's own reps,
 * the hip extension at which their lumbar-arch proxy starts to rise ("the point just before the
 * lower back begins to arch"), per leg, bounded by the anatomical default.
 *
 * The state is plain JSON so the UI can save it per profile (parseArchOnsetState validates it on
 * load) and reset it. Updates return a new state and never touch the old one.
 *
 * Use order per completed rep: judge the rep with the state as it was (evaluateRep(rep, config,
 * { archOnset })), then learn from it (updateArchOnset), so a rep never sets its own limit.
 */
import type { RepMetrics, Side } from '../analysis/types';
import { archHipSamples } from './rep-signals';
import { DEFAULT_RULE_CONFIG, SIGNAL_LIMITS, type RuleConfig } from './rule-config';
import { finite, median, median3 } from './stats';

export interface ArchOnsetObservation {
  repIndex: number;
  /** Hip extension where the arch proxy rose past `archOnsetRiseDeg`; null = no arch in this rep. */
  onsetDeg: number | null;
  /** Highest hip extension reached while lifting (an upper bound for "no arch up to here"). */
  peakDeg: number;
}

export interface ArchOnsetLeg {
  /** Usable reps learned from, ever (not only those still kept). */
  repsSeen: number;
  /** True until `archOnsetMinReps` usable reps were seen: the target is not used yet. */
  learning: boolean;
  /** Current estimate (deg), null before the first usable rep. Shown even while learning. */
  targetDeg: number | null;
  /** The latest `archOnsetWindowReps` observations, oldest first. */
  observations: ArchOnsetObservation[];
}

export interface ArchOnsetState {
  version: 1;
  legs: Record<Side, ArchOnsetLeg>;
}

function emptyLeg(): ArchOnsetLeg {
  return { repsSeen: 0, learning: true, targetDeg: null, observations: [] };
}

export function createArchOnsetState(): ArchOnsetState {
  return { version: 1, legs: { left: emptyLeg(), right: emptyLeg() } };
}

/**
 * What one rep says about the arch onset, or null when the rep cannot say (too little of it seen,
 * too few samples with both hip and arch known while lifting).
 *
 * Detection: the (3-sample median) arch rise above the rep's start must reach `archOnsetRiseDeg`
 * and stay there on the next sample too, so one noisy frame does not make an onset.
 * Location: the proxy crosses that level some degrees AFTER the back began to arch, so the onset
 * is placed where a straight line through the rising samples (arch rise against hip extension,
 * from the crossing to the peak) meets zero rise, the start of the "hinge"; it is kept between
 * the rep's lowest hip extension and the crossing. With too few rising samples for a line, the
 * crossing itself is used (a late, i.e. lenient, estimate).
 */
export function detectArchOnset(
  rep: RepMetrics,
  config: Readonly<RuleConfig> = DEFAULT_RULE_CONFIG,
): ArchOnsetObservation | null {
  if (!(rep.confidence >= config.minRepConfidenceRatio)) return null;
  const lifting = archHipSamples(rep, rep.peakMs);
  if (lifting.length < SIGNAL_LIMITS.minArchSamples) return null;
  const base = median(lifting.slice(0, 3).map((s) => s.archDeg)) ?? 0;
  const rise = median3(lifting.map((s) => s.archDeg - base));
  const hips = lifting.map((s) => s.hipDeg);
  const peakDeg = Math.max(...hips);
  const at = (i: number): number => rise[i] ?? Number.NEGATIVE_INFINITY;
  for (let i = 1; i < lifting.length; i += 1) {
    const sustained = i === lifting.length - 1 || at(i + 1) >= config.archOnsetRiseDeg;
    if (at(i) < config.archOnsetRiseDeg || !sustained) continue;
    const prevHip = hips[i - 1] as number;
    const curHip = hips[i] as number;
    const span = at(i) - at(i - 1);
    const f = span > 0 ? Math.min(1, Math.max(0, (config.archOnsetRiseDeg - at(i - 1)) / span)) : 1;
    const crossingDeg = prevHip + f * (curHip - prevHip);
    const hinge = hingeStartDeg(hips.slice(i), rise.slice(i));
    const onsetDeg = hinge === null ? crossingDeg : Math.min(crossingDeg, Math.max(Math.min(...hips), hinge));
    return { repIndex: rep.index, onsetDeg, peakDeg };
  }
  return { repIndex: rep.index, onsetDeg: null, peakDeg };
}

/** Least-squares line of rise against hip; the hip where it meets zero rise, or null if ill-posed. */
function hingeStartDeg(hips: readonly number[], rises: readonly number[]): number | null {
  const n = hips.length;
  if (n < 2) return null;
  const mh = hips.reduce((a, b) => a + b, 0) / n;
  const mr = rises.reduce((a, b) => a + b, 0) / n;
  let sxx = 0;
  let sxy = 0;
  for (let k = 0; k < n; k += 1) {
    const dx = (hips[k] as number) - mh;
    sxx += dx * dx;
    sxy += dx * ((rises[k] as number) - mr);
  }
  // Too little hip spread, or a rise that does not grow with the hip: a slope means nothing.
  if (!(Math.sqrt(sxx / n) > SIGNAL_LIMITS.hingeMinHipSdDeg) || !(sxy > 0)) return null;
  const slope = sxy / sxx;
  return mh - mr / slope;
}

/**
 * Target from kept observations. The candidate is the median onset. It is the lifter's pattern
 * only if, of the reps that could have shown it (those that arched, plus those that went past
 * candidate + personalTargetMarginDeg without arching), at least `archOnsetMinShareRatio` arched;
 * otherwise the onsets were noise and the anatomical default stays. Reps that stopped below the
 * candidate say nothing about it. Always clamped to [archOnsetMinTargetDeg, kickHipExtensionMaxDeg]
 * so the target can never allow more than the anatomical default.
 */
export function estimateTargetDeg(
  observations: readonly ArchOnsetObservation[],
  config: Readonly<RuleConfig> = DEFAULT_RULE_CONFIG,
): number | null {
  if (observations.length === 0) return null;
  const onsets = observations.map((o) => o.onsetDeg).filter(finite);
  const candidate = median(onsets);
  let raw = config.kickHipExtensionMaxDeg;
  if (candidate !== null) {
    const passedWithoutArch = observations.filter(
      (o) => o.onsetDeg === null && o.peakDeg > candidate + config.personalTargetMarginDeg,
    ).length;
    if (onsets.length / (onsets.length + passedWithoutArch) >= config.archOnsetMinShareRatio) raw = candidate;
  }
  return Math.min(config.kickHipExtensionMaxDeg, Math.max(config.archOnsetMinTargetDeg, raw));
}

function legFrom(observations: ArchOnsetObservation[], repsSeen: number, config: Readonly<RuleConfig>): ArchOnsetLeg {
  return {
    repsSeen,
    learning: repsSeen < config.archOnsetMinReps,
    targetDeg: estimateTargetDeg(observations, config),
    observations,
  };
}

/** Learn from one completed rep. Returns a new state (the same object when the rep was unusable). */
export function updateArchOnset(
  state: ArchOnsetState,
  rep: RepMetrics,
  config: Readonly<RuleConfig> = DEFAULT_RULE_CONFIG,
): ArchOnsetState {
  const obs = detectArchOnset(rep, config);
  if (obs === null) return state;
  const leg = state.legs[rep.leg];
  const observations = [...leg.observations, obs].slice(-config.archOnsetWindowReps);
  return { version: 1, legs: { ...state.legs, [rep.leg]: legFrom(observations, leg.repsSeen + 1, config) } };
}

/** Forget what was learned for one leg, or both. */
export function resetArchOnset(state: ArchOnsetState, leg?: Side): ArchOnsetState {
  if (leg === undefined) return createArchOnsetState();
  return { version: 1, legs: { ...state.legs, [leg]: emptyLeg() } };
}

/** The trusted target for `leg` under `config`, or null while still learning. */
export function personalKickTarget(
  state: ArchOnsetState | null | undefined,
  leg: Side,
  config: Readonly<RuleConfig> = DEFAULT_RULE_CONFIG,
): number | null {
  const l = state?.legs[leg];
  if (l === undefined || l.repsSeen < config.archOnsetMinReps) return null;
  return estimateTargetDeg(l.observations, config);
}

/** The hip-extension limit "kick too high" uses: personal target + margin, never above the default. */
export function kickLimit(
  config: Readonly<RuleConfig>,
  personalTargetDeg: number | null,
): { limitDeg: number; source: 'preset' | 'personal' } {
  if (personalTargetDeg === null || !Number.isFinite(personalTargetDeg)) {
    return { limitDeg: config.kickHipExtensionMaxDeg, source: 'preset' };
  }
  const personal = personalTargetDeg + config.personalTargetMarginDeg;
  return personal < config.kickHipExtensionMaxDeg
    ? { limitDeg: personal, source: 'personal' }
    : { limitDeg: config.kickHipExtensionMaxDeg, source: 'preset' };
}

export interface KickTargetBand {
  /** Below this the rep is "short range". */
  minDeg: number;
  /** Above this the rep is "kick too high". */
  maxDeg: number;
  /** Where to aim: the learned onset (or the default while learning / without data). */
  targetDeg: number;
  source: 'preset' | 'personal';
  learning: boolean;
  repsSeen: number;
}

/** For the live hip gauge: the band a good rep's peak hip extension should land in, for one leg. */
export function kickTargetBand(
  state: ArchOnsetState | null | undefined,
  leg: Side,
  config: Readonly<RuleConfig> = DEFAULT_RULE_CONFIG,
): KickTargetBand {
  const target = personalKickTarget(state, leg, config);
  const { limitDeg, source } = kickLimit(config, target);
  const l = state?.legs[leg];
  return {
    minDeg: config.shortRangeMinDeg,
    maxDeg: limitDeg,
    targetDeg: target ?? config.kickHipExtensionMaxDeg,
    source,
    learning: l === undefined ? true : l.repsSeen < config.archOnsetMinReps,
    repsSeen: l?.repsSeen ?? 0,
  };
}

// --- loading saved state ---------------------------------------------------------------------

function kind(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return typeof value === 'string' ? JSON.stringify(value) : typeof value === 'object' ? 'an object' : String(value);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function num(value: unknown, path: string, opts: { nullable?: boolean; wholeNonNegative?: boolean } = {}): number | null {
  if (value === null && opts.nullable) return null;
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    throw new TypeError(`${path}: expected a finite number${opts.nullable ? ' or null' : ''}, got ${kind(value)}`);
  }
  if (opts.wholeNonNegative && !(Number.isInteger(value) && value >= 0)) {
    throw new RangeError(`${path}: expected a whole number ≥ 0, got ${value}`);
  }
  return value;
}

function parseLeg(value: unknown, path: string): ArchOnsetLeg {
  if (!isRecord(value)) throw new TypeError(`${path}: expected an object, got ${kind(value)}`);
  const repsSeen = num(value.repsSeen, `${path}.repsSeen`, { wholeNonNegative: true }) as number;
  if (typeof value.learning !== 'boolean') {
    throw new TypeError(`${path}.learning: expected a boolean, got ${kind(value.learning)}`);
  }
  const targetDeg = num(value.targetDeg, `${path}.targetDeg`, { nullable: true });
  if (!Array.isArray(value.observations)) {
    throw new TypeError(`${path}.observations: expected an array, got ${kind(value.observations)}`);
  }
  const observations = value.observations.map((o: unknown, i): ArchOnsetObservation => {
    const p = `${path}.observations[${i}]`;
    if (!isRecord(o)) throw new TypeError(`${p}: expected an object, got ${kind(o)}`);
    return {
      repIndex: num(o.repIndex, `${p}.repIndex`) as number,
      onsetDeg: num(o.onsetDeg, `${p}.onsetDeg`, { nullable: true }),
      peakDeg: num(o.peakDeg, `${p}.peakDeg`) as number,
    };
  });
  return { repsSeen, learning: value.learning, targetDeg, observations };
}

/** Validate saved JSON (e.g. from IndexedDB) into a state; throws "expected X, got Y". */
export function parseArchOnsetState(value: unknown): ArchOnsetState {
  if (!isRecord(value)) throw new TypeError(`archOnset: expected an object, got ${kind(value)}`);
  if (value.version !== 1) throw new RangeError(`archOnset.version: expected 1, got ${kind(value.version)}`);
  if (!isRecord(value.legs)) throw new TypeError(`archOnset.legs: expected an object, got ${kind(value.legs)}`);
  return {
    version: 1,
    legs: {
      left: parseLeg(value.legs.left, 'archOnset.legs.left'),
      right: parseLeg(value.legs.right, 'archOnset.legs.right'),
    },
  };
}
