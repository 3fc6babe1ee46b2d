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

export const SIGNAL_NOISE: SignalNoiseTable = Object.freeze({
  // ref: DESIGN.md §2 fallback (4–8° single-camera error in a clean side view; low end, since two
  // setups of one clip share the systematic part).
  peakHipExtensionDeg: noise(4, 'deg', 'hip extension'),
  // ref: DESIGN.md §2 fallback (proxy b 3–7° on real reps, near landmark noise).
  archRiseDeg: noise(4, 'deg', 'back-arch rise'),
  // ref: DESIGN.md §2 fallback (a mean over the rep averages frame noise down to ~the bias part).
  torsoLeanMeanDeg: noise(4, 'deg', 'torso lean'),
  // ref: DESIGN.md §2 fallback (a max − min range of a 4–8° noisy signal).
  torsoLeanRangeDeg: noise(4, 'deg', 'torso movement'),
  // ref: one frame at 10 fps.
  concentricS: noise(0.1, 's', 'lift time'),
  // ref: one frame at 10 fps.
  eccentricS: noise(0.1, 's', 'lowering time'),
  // ref: DESIGN.md §2 fallback: a 4° difference over the 100 ms speed span.
  peakThighSpeedDegS: noise(40, 'deg/s', 'thigh speed'),
  // ref: DESIGN.md §2 fallback (4–8°, lower end: a robust median around the peak).
  kneeFlexionAtPeakDeg: noise(4, 'deg', 'knee bend'),
  // ref: DESIGN.md §2 fallback (difference of two robust readings in one rep).
  kneeFlexionRiseLiftingDeg: noise(4, 'deg', 'knee bend increase'),
  // ref: one frame at 10 fps.
  holdS: noise(0.1, 's', 'hold at the top'),
  // ref: DESIGN.md §2 fallback ("over 10°" off-axis).
  pelvisTiltMaxDeg: noise(10, 'deg', 'hip-line tilt'),
});

export function isNoisySignal(measure: string): measure is NoisySignal {
  return (NOISY_SIGNALS as readonly string[]).includes(measure);
}
