/**
 * Every threshold the feedback layer uses, in one place, with units in the names (docs/design.md#form-rules).
 * Three presets; `resolveConfig` merges a user's per-value overrides into a copy of one and
 * validates the result, so a bad value saved in the browser fails loudly instead of silencing
 * a rule.
 *
 * Measurement margin: single-camera 2D joint angles differ from motion capture by about 4–8° in a
 * clean side view and over 10° off-axis (docs/design.md#visibility-gate). `standard` keeps the docs/design.md#form-rules
 * defaults where they already leave that margin and widens them where they do not, because a
 * false cue mid-set costs the lifter's trust more than a missed borderline rep.
 */

export type RulePreset = 'relaxed' | 'standard' | 'strict';

export const RULE_PRESET_NAMES: readonly RulePreset[] = Object.freeze(['relaxed', 'standard', 'strict']);

export interface RuleConfig {
  // --- not-visible -------------------------------------------------------------------------
  /** A rep whose share (0..1) of frames with the needed joints visible is below this is not judged. */
  minRepConfidenceRatio: number;

  // --- kick-too-high -----------------------------------------------------------------------
  /** Peak hip extension above this is lumbar/pelvic motion, not hip (no personal target yet). */
  kickHipExtensionMaxDeg: number;
  /** Rise of the lumbar-arch proxy while the hip extends, above this = the back arched. */
  archRiseMaxDeg: number;
  /** Allowed excess over a learned personal arch-onset target before "kick too high". */
  personalTargetMarginDeg: number;

  // --- arch-onset learner (personal kick-height target) ------------------------------------
  /** Arch-proxy rise (from the rep's start) that marks the onset of arching. */
  archOnsetRiseDeg: number;
  /** Reps of one leg with a usable series before the learned target is trusted. */
  archOnsetMinReps: number;
  /** Only the latest this-many usable reps per leg are kept (the target follows the lifter). */
  archOnsetWindowReps: number;
  /**
   * Of the kept reps that went past the candidate onset (+ margin) or arched, the share that must
   * have arched for the onset to count as the lifter's pattern.
   */
  archOnsetMinShareRatio: number;
  /** A learned target is never placed below this hip extension. */
  archOnsetMinTargetDeg: number;

  // --- short-range -------------------------------------------------------------------------
  /** Peak hip extension below this (past the trunk line) = the leg never passed the midline. */
  shortRangeMinDeg: number;

  // --- torso-lean --------------------------------------------------------------------------
  torsoLeanMinDeg: number;
  torsoLeanMaxDeg: number;

  // --- locked-knee / knee-curl -------------------------------------------------------------
  /** Knee flexion at the peak below this = a locked (straight) knee. */
  kneeLockMaxDeg: number;
  /** Knee flexion rising by more than this while the leg lifts = curling the cable. */
  kneeCurlRiseMaxDeg: number;

  // --- momentum ----------------------------------------------------------------------------
  concentricMinS: number;
  eccentricMinS: number;
  angularVelocityMaxDegS: number;
  /** Range of torso lean within one rep above this = the torso swings. */
  torsoSwayMaxDeg: number;

  // --- no-squeeze --------------------------------------------------------------------------
  holdMinS: number;

  // --- pelvis-rotation ---------------------------------------------------------------------
  pelvisTiltMaxDeg: number;

  // --- live hints (evaluateFrame) ----------------------------------------------------------
  /** Torso lean must stay out of band this long while setting up before a hint. */
  liveTorsoPersistMs: number;
  /** A bad view must last this long before a hint (one dropped detection is not a bad view). */
  liveViewPersistMs: number;
  /** Readings missing for less than this do not break a persisting condition. */
  liveNullToleranceMs: number;
  /** A torso hint clears only once lean is back inside the band by this much. */
  liveTorsoHysteresisDeg: number;

  // --- cue arbitration ---------------------------------------------------------------------
  /** Minimum time between two spoken cues. */
  cueMinGapMs: number;
  /** A fault that persists rep after rep is spoken again only every this-many reps. */
  cueRepeatEveryReps: number;
  /** Praise is spoken after this many clean reps in a row (and after a fixed fault). */
  positiveEveryCleanReps: number;
  /** The same live hint is not spoken again within this time. */
  hintRepeatMs: number;
}

export type RuleConfigKey = keyof RuleConfig;

const STANDARD: RuleConfig = {
  // ref: docs/design.md#visibility-gate, "a reading from landmarks below the visibility gate is unknown, never a
  // guess": with under 70 % of frames seen, the peak or the return may fall in the gap, so the
  // rep's metrics are not a measurement of the rep.
  minRepConfidenceRatio: 0.7,

  // ref: Neumann, Kinesiology of the Hip (and Kendall / AAOS norms): the hip itself gives only
  // ~10–20° of extension, the rest comes from the lumbar spine and pelvis. docs/design.md#form-rules says 25°;
  // widened to 20° anatomical + 8° (upper bound of the 4–8° single-camera error, docs/design.md#visibility-gate)
  // so a hip at its true limit is never read as "too high".
  kickHipExtensionMaxDeg: 28,
  // ref: docs/design.md#form-rules "arch rise > 8°"; the proxy is a difference of two readings of the same
  // trunk in one rep, so the shared part of the error cancels; 8° is above the 3–7° docs/design.md#angles
  // saw on real (acceptable) reps.
  archRiseMaxDeg: 8,
  // ref: docs/design.md#angles: the personal target is learned through the same camera, so the systematic
  // part of the 4–8° error is shared; only the random part (~4°) needs margin, rounded up to 5°.
  personalTargetMarginDeg: 5,

  // ref: docs/design.md#angles, proxy (b) "measured at only 3–7° on real reps, near landmark noise": the
  // smallest rise inside that range, after a 3-sample running median.
  archOnsetRiseDeg: 3,
  // ref: docs/design.md#form-rules "learned from their own reps": one rep is noise; three agreeing reps are the
  // fewest whose median rejects one outlier.
  archOnsetMinReps: 3,
  // ref: a typical set is 8–15 reps per leg; 12 covers a set, so the target follows the lifter
  // as their control improves instead of averaging in last month's reps.
  archOnsetWindowReps: 12,
  // ref: docs/design.md#angles (proxy near landmark noise): if most reps that went past the candidate
  // did NOT arch, the onsets were noise (synthetic sets at 6 px noise: 2 false onsets against 5
  // clean reps past them), so the anatomical default stays the target.
  archOnsetMinShareRatio: 0.5,
  // ref: Neumann, Kinesiology of the Hip: the hip gives ~10–20° of extension; a target below the
  // low end would ask for less than the hip itself does.
  archOnsetMinTargetDeg: 10,

  // ref: guide "especially as the leg travels past the midline"; docs/design.md#form-rules says < 5°. Widened
  // to 0° (the thigh not past the trunk line at all) because with the 4–8° error (docs/design.md#visibility-gate) a
  // reading of 0 still means a true value below ~5–8°, short by any account.
  shortRangeMinDeg: 0,

  // ref: guide "approximately 45 degrees"; docs/design.md#form-rules 30–60°, ±15° already leaves room for the
  // 4–8° error (docs/design.md#visibility-gate) around a mean over the whole rep.
  torsoLeanMinDeg: 30,
  // ref: as torsoLeanMinDeg.
  torsoLeanMaxDeg: 60,

  // ref: guide "Maintaining a soft bend in the knee"; docs/design.md#form-rules says < 8°. A straight knee
  // reads a few degrees bent (the angle is floored at 0, so noise biases it up, ~4°), a soft bend
  // of ~15° may read ~7° at the 8° error (docs/design.md#visibility-gate): 6° splits the two.
  kneeLockMaxDeg: 6,
  // ref: docs/design.md#form-rules "rise > 20°": a difference of two robust readings in one rep, far beyond
  // the 4–8° error (docs/design.md#visibility-gate), so kept.
  kneeCurlRiseMaxDeg: 20,

  // ref: docs/design.md#form-rules "up < 0.6 s"; guide "controlled, deliberate motion". RepMetrics.concentricS
  // is the analyser's transit time from 10 % to 95 % of the rep's range (src/analysis
  // rep-phase-machine: EDGE_FRAC 0.1, TOP_FRAC 0.05), not the whole movement: for a smooth,
  // bell-shaped speed profile that is ~0.6 of it (cosine 0.65, minimum-jerk ~0.55). 0.6 s of
  // movement is ~0.36–0.39 s of transit; 0.4 s keeps a 1 s controlled lift (0.65 s) well clear.
  concentricMinS: 0.4,
  // ref: docs/design.md#form-rules "down < 0.8 s" of movement → ~0.5 s of 10 %–95 % transit (as
  // concentricMinS); guide "avoiding momentum or swinging" (letting the cable pull the leg back).
  eccentricMinS: 0.5,
  // ref: docs/design.md#form-rules "> 300°/s": a controlled 40° kick in 1 s peaks near 60–100°/s; smoothed
  // landmark jitter stays far below 300°/s.
  angularVelocityMaxDegS: 300,
  // ref: docs/design.md#form-rules "torso range > 10°", widened to 12°: a max − min range of a signal with
  // 4–8° per-frame error (docs/design.md#visibility-gate) inflates by a few degrees on its own.
  torsoSwayMaxDeg: 12,

  // ref: guide "a strong, momentary squeeze of the gluteal muscle at the peak"; docs/design.md#form-rules
  // "< 0.3 s" (a momentary squeeze is still ~a third of a second).
  holdMinS: 0.3,

  // ref: guide "keep the pelvis level and prevent dropping or rotation"; docs/design.md#form-rules "tilt > 8°",
  // widened to 10° because pelvis tilt is only measurable front/oblique, where the single-camera
  // error is over 10° off-axis (docs/design.md#visibility-gate).
  pelvisTiltMaxDeg: 10,

  // ref: docs/design.md#cues (cues must not nag): the setup pause between reps is ~1–3 s; 2 s out of band
  // is a posture, not a glance at the screen.
  liveTorsoPersistMs: 2000,
  // ref: docs/design.md#visibility-gate (below the visibility gate = unknown): a second of bad view at ≥ 3 fps is
  // several frames, not one dropped detection.
  liveViewPersistMs: 1000,
  // ref: docs/design.md#frame-rates, "3–30 processed fps must all work": at 3 fps one lost frame is 333 ms; 500 ms
  // tolerates one without resetting a persisting hint.
  liveNullToleranceMs: 500,
  // ref: docs/design.md#reps-and-phases hysteresis; 3° is inside the 4–8° error, enough to stop a hint flickering at
  // the band edge.
  liveTorsoHysteresisDeg: 3,

  // ref: Web Speech API default rate speaks ~150–180 words/min: a 6-word cue takes ~2–2.5 s, so a
  // 3 s gap never talks over itself.
  cueMinGapMs: 3000,
  // ref: docs/rules.md#cues "repeated only if the fault repeats across reps" (no nagging): every other rep
  // while the fault persists.
  cueRepeatEveryReps: 2,
  // ref: docs/rules.md#cues "a positive cue after a clean rep": praise on every rep becomes noise; every
  // third clean rep in a row (plus right after a fixed fault) keeps it meaningful.
  positiveEveryCleanReps: 3,
  // ref: docs/design.md#cues (cues must not nag): a set-up instruction repeated more often than every
  // 10 s while the lifter is already moving is nagging.
  hintRepeatMs: 10_000,
};

const RELAXED: RuleConfig = {
  ...STANDARD,
  // ref: docs/design.md#visibility-gate (4–8° error): relaxed accepts reps with more frames missing, for poor light.
  minRepConfidenceRatio: 0.5,
  // ref: Neumann ~20° hip + 12°, i.e. the off-axis (> 10°) error of docs/design.md#visibility-gate.
  kickHipExtensionMaxDeg: 32,
  // ref: docs/design.md#form-rules 8° + 2°, the top of the 3–7° real-rep proxy range plus its noise.
  archRiseMaxDeg: 10,
  // ref: 5° standard + 2° for a less steady camera (docs/design.md#visibility-gate).
  personalTargetMarginDeg: 7,
  // ref: guide "past the midline", docs/design.md#visibility-gate: flags only a thigh clearly (> 4–8° error) in front.
  shortRangeMinDeg: -5,
  // ref: guide "approximately 45 degrees" ± 20°.
  torsoLeanMinDeg: 25,
  // ref: as torsoLeanMinDeg.
  torsoLeanMaxDeg: 65,
  // ref: docs/design.md#visibility-gate: only a knee that reads at the noise floor (~4°) counts as locked.
  kneeLockMaxDeg: 4,
  // ref: docs/design.md#form-rules 20° + 5°.
  kneeCurlRiseMaxDeg: 25,
  // ref: docs/design.md#form-rules 0.6 s movement ≈ 0.4 s transit (see standard), less one frame at 10 fps.
  concentricMinS: 0.3,
  // ref: docs/design.md#form-rules 0.8 s movement ≈ 0.5 s transit (see standard), less one frame at 10 fps.
  eccentricMinS: 0.4,
  // ref: docs/design.md#form-rules 300°/s + a third, for fast but controlled lifters.
  angularVelocityMaxDegS: 400,
  // ref: docs/design.md#form-rules 10° + the upper 8° of single-camera error halved (range of noise).
  torsoSwayMaxDeg: 15,
  // ref: guide "momentary squeeze": two frames at 10 fps.
  holdMinS: 0.2,
  // ref: docs/design.md#visibility-gate, off-axis error "over 10°".
  pelvisTiltMaxDeg: 12,
};

const STRICT: RuleConfig = {
  ...STANDARD,
  // ref: docs/design.md#visibility-gate: strict judges only well-seen reps.
  minRepConfidenceRatio: 0.8,
  // ref: docs/design.md#form-rules default 25° (20° hip + 5°, trusting a clean side view at ~4–5° error).
  kickHipExtensionMaxDeg: 25,
  // ref: docs/design.md#angles, inside the 3–7° real-rep range: strict wants almost no arch.
  archRiseMaxDeg: 6,
  // ref: docs/design.md#visibility-gate random error ~4°, less the median over several reps.
  personalTargetMarginDeg: 3,
  // ref: docs/design.md#form-rules default "< 5° past the trunk line".
  shortRangeMinDeg: 5,
  // ref: guide "approximately 45 degrees" ± 10°, still above the 4–8° error of a rep mean.
  torsoLeanMinDeg: 35,
  // ref: as torsoLeanMinDeg.
  torsoLeanMaxDeg: 55,
  // ref: docs/design.md#form-rules default "< 8°".
  kneeLockMaxDeg: 8,
  // ref: docs/design.md#form-rules 20° − 5°, still twice the 4–8° error of the two readings.
  kneeCurlRiseMaxDeg: 15,
  // ref: guide "controlled, deliberate motion": ~0.8 s of movement up, ≈ 0.5 s of 10 %–95 %
  // transit (see standard).
  concentricMinS: 0.5,
  // ref: guide "avoiding momentum": ~1 s of movement down, ≈ 0.65 s of transit (see standard).
  eccentricMinS: 0.65,
  // ref: docs/design.md#form-rules 300°/s less a sixth.
  angularVelocityMaxDegS: 250,
  // ref: docs/design.md#form-rules default "torso range > 10°".
  torsoSwayMaxDeg: 10,
  // ref: guide "a strong, momentary squeeze": half a second.
  holdMinS: 0.5,
  // ref: docs/design.md#form-rules default "tilt > 8°".
  pelvisTiltMaxDeg: 8,
};

/**
 * Fixed limits of the signal processing inside the rules: how much data makes a reading. Not
 * user-tunable (no preset changes them), but kept here so every number the layer judges by is in
 * one module.
 */
export const SIGNAL_LIMITS = Object.freeze({
  // ref: docs/design.md#angles (proxy near landmark noise): a 3-sample running median plus at least one
  // more sample is the least from which a rise can be told from one noisy frame.
  minArchSamples: 4,
  // ref: docs/design.md#form-rules "the lumbar-arch proxy rising while the hip extends": the upper half of the
  // rep's hip travel is "extending"; below it the leg is near rest, where stance shifts move the
  // trunk without any kick.
  archWindowHipFrac: 0.5,
  // ref: least squares needs spread: under 0.5° of hip standard deviation (far inside the 4–8°
  // single-camera error, docs/design.md#visibility-gate) a slope of arch against hip is noise.
  hingeMinHipSdDeg: 0.5,
  // ref: a swing keeps its speed for most of a 0.3 s kick, a glitch for a frame. At the 8–10 fps
  // the app analyses, 100 ms is a single frame interval, so the "sustained" speed was one frame
  // difference: measure-noise (mirror/far/w320/webcam15 variants, 21 rep pairs) read its spread
  // across setups at σ 60°/s (q90 152); over 200 ms (2 frame intervals at 10 fps, 6 at 30 fps)
  // σ 27°/s (q90 70). A 200 ms chord still reads 83 % of a 0.3 s cosine swing's peak: a 75° kick
  // in 0.3 s (393°/s peak) reads 325°/s, past the 300°/s limit (docs/rules.md, "Thigh speed").
  speedSpanMs: 200,
  // ref: as minArchSamples, plus one sample for the speed span.
  minSpeedSamples: 5,
});

export const RULE_PRESETS: Readonly<Record<RulePreset, Readonly<RuleConfig>>> = Object.freeze({
  relaxed: Object.freeze(RELAXED),
  standard: Object.freeze(STANDARD),
  strict: Object.freeze(STRICT),
});

/** The `standard` preset. */
export const DEFAULT_RULE_CONFIG: Readonly<RuleConfig> = RULE_PRESETS.standard;

export type ConfigUnit = 'deg' | 'deg/s' | 's' | 'ms' | 'ratio' | 'reps';

export interface ConfigFieldSpec {
  unit: ConfigUnit;
  /** Inclusive bounds a value must fall in; they catch typos and unit mix-ups (ms vs s). */
  min: number;
  max: number;
  integer: boolean;
  /** Short label for a settings screen. */
  label: string;
}

function field(unit: ConfigUnit, min: number, max: number, label: string, integer = false): ConfigFieldSpec {
  return Object.freeze({ unit, min, max, integer, label });
}

/**
 * Units and sane bounds per key, for validation and for a settings screen. The bounds are not
 * thresholds: they are the widest values that still mean something (a hip cannot extend 90°
 * behind the trunk; a rep cannot take 30 s up).
 */
export const RULE_CONFIG_FIELDS: Readonly<Record<RuleConfigKey, ConfigFieldSpec>> = Object.freeze({
  minRepConfidenceRatio: field('ratio', 0, 1, 'Minimum share of the rep seen'),
  kickHipExtensionMaxDeg: field('deg', 5, 60, 'Kick too high: hip extension above'),
  archRiseMaxDeg: field('deg', 1, 30, 'Kick too high: back arch rise above'),
  personalTargetMarginDeg: field('deg', 0, 20, 'Margin over the personal target'),
  archOnsetRiseDeg: field('deg', 0.5, 15, 'Arch onset: proxy rise'),
  archOnsetMinReps: field('reps', 1, 50, 'Arch onset: reps before trusted', true),
  archOnsetWindowReps: field('reps', 1, 200, 'Arch onset: reps kept', true),
  archOnsetMinShareRatio: field('ratio', 0, 1, 'Arch onset: share of reps showing it'),
  archOnsetMinTargetDeg: field('deg', -10, 40, 'Arch onset: lowest target'),
  shortRangeMinDeg: field('deg', -30, 30, 'Short range: hip extension below'),
  torsoLeanMinDeg: field('deg', 0, 90, 'Torso lean: lowest'),
  torsoLeanMaxDeg: field('deg', 0, 90, 'Torso lean: highest'),
  kneeLockMaxDeg: field('deg', 0, 45, 'Locked knee: flexion below'),
  kneeCurlRiseMaxDeg: field('deg', 1, 90, 'Knee curl: flexion rise above'),
  concentricMinS: field('s', 0, 10, 'Momentum: lift faster than'),
  eccentricMinS: field('s', 0, 10, 'Momentum: lower faster than'),
  angularVelocityMaxDegS: field('deg/s', 10, 2000, 'Momentum: thigh speed above'),
  torsoSwayMaxDeg: field('deg', 1, 60, 'Momentum: torso sway above'),
  holdMinS: field('s', 0, 5, 'Squeeze: hold shorter than'),
  pelvisTiltMaxDeg: field('deg', 1, 45, 'Pelvis: tilt above'),
  liveTorsoPersistMs: field('ms', 0, 60_000, 'Live: torso hint after', true),
  liveViewPersistMs: field('ms', 0, 60_000, 'Live: view hint after', true),
  liveNullToleranceMs: field('ms', 0, 10_000, 'Live: missing readings tolerated', true),
  liveTorsoHysteresisDeg: field('deg', 0, 20, 'Live: torso hint hysteresis'),
  cueMinGapMs: field('ms', 0, 60_000, 'Cues: minimum gap', true),
  cueRepeatEveryReps: field('reps', 1, 50, 'Cues: repeat a persisting fault every', true),
  positiveEveryCleanReps: field('reps', 1, 50, 'Cues: praise every clean reps', true),
  hintRepeatMs: field('ms', 0, 600_000, 'Cues: repeat a hint after', true),
});

export const RULE_CONFIG_KEYS: readonly RuleConfigKey[] = Object.freeze(
  Object.keys(RULE_CONFIG_FIELDS) as RuleConfigKey[],
);

function isRuleConfigKey(key: string): key is RuleConfigKey {
  return Object.prototype.hasOwnProperty.call(RULE_CONFIG_FIELDS, key);
}

function describe(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value);
  if (value === null || typeof value !== 'object') return String(value);
  return Array.isArray(value) ? 'an array' : 'an object';
}

/** Throws `RangeError` ("expected X, got Y") if any value is out of its bounds or inconsistent. */
export function validateConfig(config: RuleConfig): void {
  for (const key of RULE_CONFIG_KEYS) {
    const spec = RULE_CONFIG_FIELDS[key];
    const value: unknown = config[key];
    if (typeof value !== 'number' || !Number.isFinite(value)) {
      throw new TypeError(`${key}: expected a finite number (${spec.unit}), got ${describe(value)}`);
    }
    if (value < spec.min || value > spec.max) {
      throw new RangeError(`${key}: expected ${spec.min}..${spec.max} ${spec.unit}, got ${value}`);
    }
    if (spec.integer && !Number.isInteger(value)) {
      throw new RangeError(`${key}: expected a whole number of ${spec.unit}, got ${value}`);
    }
  }
  if (config.torsoLeanMinDeg >= config.torsoLeanMaxDeg) {
    throw new RangeError(
      `torsoLeanMinDeg: expected below torsoLeanMaxDeg (${config.torsoLeanMaxDeg}), got ${config.torsoLeanMinDeg}`,
    );
  }
  // A rep must be able to pass both range rules at once.
  if (config.shortRangeMinDeg >= config.kickHipExtensionMaxDeg) {
    throw new RangeError(
      `shortRangeMinDeg: expected below kickHipExtensionMaxDeg (${config.kickHipExtensionMaxDeg}), got ${config.shortRangeMinDeg}`,
    );
  }
  if (config.archOnsetMinTargetDeg > config.kickHipExtensionMaxDeg) {
    throw new RangeError(
      `archOnsetMinTargetDeg: expected at most kickHipExtensionMaxDeg (${config.kickHipExtensionMaxDeg}), got ${config.archOnsetMinTargetDeg}`,
    );
  }
  if (config.archOnsetMinReps > config.archOnsetWindowReps) {
    throw new RangeError(
      `archOnsetMinReps: expected at most archOnsetWindowReps (${config.archOnsetWindowReps}), got ${config.archOnsetMinReps}`,
    );
  }
}

/**
 * The preset with the user's overrides merged into a copy, validated and frozen.
 * `overrides` usually comes from browser storage, so it is checked at run time: unknown keys and
 * non-numbers are errors, not silently dropped.
 */
export function resolveConfig(
  preset: RulePreset = 'standard',
  overrides: Readonly<Partial<RuleConfig>> = {},
): Readonly<RuleConfig> {
  if (!(RULE_PRESET_NAMES as readonly string[]).includes(preset)) {
    throw new RangeError(`preset: expected one of ${RULE_PRESET_NAMES.join(' | ')}, got ${describe(preset)}`);
  }
  if (overrides === null || typeof overrides !== 'object' || Array.isArray(overrides)) {
    throw new TypeError(`overrides: expected an object of threshold values, got ${describe(overrides)}`);
  }
  const merged: RuleConfig = { ...RULE_PRESETS[preset] };
  for (const [key, value] of Object.entries(overrides)) {
    if (!isRuleConfigKey(key)) {
      throw new RangeError(`overrides: expected a known threshold key, got ${describe(key)}`);
    }
    if (value === undefined) continue;
    merged[key] = value as number;
  }
  validateConfig(merged);
  return Object.freeze(merged);
}
