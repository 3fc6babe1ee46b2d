/**
 * Measurement noise of every signal a rule compares with a threshold, in the signal's own unit.
 *
 * σ is the robust spread (1.4826 · MAD) of (variant − base) for the same rep seen on a base clip
 * and on its nuisance variants (mirror, a third of the size, 320 px wide, a poor 15 fps webcam
 * re-encode), measured by `npm run measure-noise` (scripts/measure-signal-noise.ts). It is the
 * spread of a *difference* between two camera setups, not of one reading against the truth:
 * exactly what makes a verdict flip when the lifter moves the laptop.
 *
 * Borderline rule (see docs/rules.md, "Borderline flags"): a measurement m judged against a
 * threshold T is borderline when |m − T| < BORDERLINE_NOISE_MULTIPLE · σ, on either side of T.
 * With the multiple at 1, a clear flag (m − T ≥ σ) can only become a clear pass (T − m ≥ σ) if
 * the reading moves by at least 2σ between two setups, which the measured spread makes rare
 * (≈ 2 % one-sided for a normal spread); a reading inside the band flips only between clear and
 * borderline, never between "fault" and "fine".
 */
export const NOISY_SIGNALS = [
  'peakHipExtensionDeg',
  'archRiseDeg',
  'torsoLeanMeanDeg',
  'torsoLeanRangeDeg',
  'concentricS',
  'eccentricS',
  'peakThighSpeedDegS',
  'kneeFlexionAtPeakDeg',
  'kneeFlexionRiseLiftingDeg',
  'holdS',
  'pelvisTiltMaxDeg',
] as const;

export type NoisySignal = (typeof NOISY_SIGNALS)[number];

export interface SignalNoise {
  /** Robust spread of (variant − base), in `unit`. */
  sigma: number;
  unit: 'deg' | 'deg/s' | 's';
  /** Words for the borderline message, e.g. "hip extension". */
  label: string;
}

export type SignalNoiseTable = Readonly<Record<NoisySignal, Readonly<SignalNoise>>>;

// ref: the multiple is 1 so a fail ↔ pass flip needs a 2σ move between two setups (see above);
// a larger multiple would hide more real faults behind "close to the limit" while gaining little
// (a 2σ move is already ≈ 2 % one-sided).
export const BORDERLINE_NOISE_MULTIPLE = 1;

function noise(sigma: number, unit: SignalNoise['unit'], label: string): Readonly<SignalNoise> {
  return Object.freeze({ sigma, unit, label });
}

// Measured by npm run measure-noise (scripts/measure-signal-noise.ts) on the mirror, far, w320 and webcam15 variants of
// the kickback clips with reps (tests/fixtures/variants, BlazePose full at 10 fps): 18 matched base/variant
// rep pairs, σ = 1.4826 · median |variant − base|. Where that is below the resolution a lifter is shown
// (1°, half a 10 fps frame = 0.05 s), the floor is used; where fewer than 5 pairs had the signal, the
// DESIGN.md §2 fallback. The spread has heavy tails (RMS 2–7 × σ: a rep the far or webcam variant
// sees very differently), which no band can absorb; see docs/rules.md.
export const SIGNAL_NOISE: SignalNoiseTable = Object.freeze({
  // ref: measure-noise, 18 pairs (cable_kickback_cgi_dosipov, cable_kickback_cgi_kinkatsu, cable_kickback_real_side_curvelog and
  // donkey_kick_cgi_kinkatsu): 2.63°.
  peakHipExtensionDeg: noise(2.6, 'deg', 'hip extension'),
  // ref: DESIGN.md §2 fallback (proxy b 3–7° on real reps, near landmark noise): measure-noise had
  // only 4 pairs (cable_kickback_cgi_dosipov), RMS 0.75°.
  archRiseDeg: noise(4, 'deg', 'back-arch rise'),
  // ref: measure-noise, 18 pairs (as peakHipExtensionDeg): 0.60°, floored at the 1° display step.
  torsoLeanMeanDeg: noise(1, 'deg', 'torso lean'),
  // ref: measure-noise, 18 pairs (as peakHipExtensionDeg): 2.06°.
  torsoLeanRangeDeg: noise(2.1, 'deg', 'torso movement'),
  // ref: measure-noise, 18 pairs (as peakHipExtensionDeg): 0.047 s, floored at half a 10 fps frame.
  concentricS: noise(0.05, 's', 'lift time'),
  // ref: measure-noise, 18 pairs (as peakHipExtensionDeg): 0.102 s.
  eccentricS: noise(0.1, 's', 'lowering time'),
  // ref: measure-noise, 18 pairs (as peakHipExtensionDeg): 58°/s.
  peakThighSpeedDegS: noise(58, 'deg/s', 'thigh speed'),
  // ref: measure-noise, 18 pairs (as peakHipExtensionDeg): 1.99°.
  kneeFlexionAtPeakDeg: noise(2, 'deg', 'knee bend'),
  // ref: measure-noise, 18 pairs (as peakHipExtensionDeg): 0.00° (most reps read no rise on both
  // setups), floored at the 1° display step.
  kneeFlexionRiseLiftingDeg: noise(1, 'deg', 'knee bend increase'),
  // ref: measure-noise, 18 pairs (as peakHipExtensionDeg): 0.049 s, floored at half a 10 fps frame.
  holdS: noise(0.05, 's', 'hold at the top'),
  // ref: measure-noise, 9 pairs (cable_kickback_real_side_curvelog, the only oblique clip): 0.47°,
  // floored at the 1° display step; the far variant moved one rep's tilt by 7° (a tail).
  pelvisTiltMaxDeg: noise(1, 'deg', 'hip-line tilt'),
});

export function isNoisySignal(measure: string): measure is NoisySignal {
  return (NOISY_SIGNALS as readonly string[]).includes(measure);
}
