/**
 * Compares measurements with thresholds through their measurement noise (signal-noise.ts), so a
 * reading next to its threshold is reported as borderline instead of flipping between "fault"
 * and "fine" from one camera setup to the next.
 */
import type { ConfigUnit } from './rule-config';
import { flag, PASS, type RuleOutcome } from './rule-definition';
import { BORDERLINE_NOISE_MULTIPLE, type NoisySignal, type SignalNoiseTable } from './signal-noise';

export interface ThresholdCheck {
  measure: NoisySignal;
  measured: number | null;
  threshold: number;
  /** 'min': a reading below the threshold fails; 'max': above fails. */
  bound: 'min' | 'max';
  unit: ConfigUnit;
  thresholdSource?: 'preset' | 'personal';
  message: (measured: number, threshold: number) => string;
  cue: string;
}

export type Standing = 'clear-fail' | 'borderline' | 'clear-pass';

/**
 * `excess` is how far the reading is past the threshold on the failing side (negative = on the
 * passing side). Borderline when |excess| < multiple · noiseBand. With a band of 0 this is the
 * plain comparison: fail only strictly past the threshold.
 */
export function standingOf(excess: number, noiseBand: number, multiple: number = BORDERLINE_NOISE_MULTIPLE): Standing {
  const band = Math.max(0, multiple * noiseBand);
  if (excess > 0 && excess >= band) return 'clear-fail';
  if (excess > -band) return 'borderline';
  return 'clear-pass';
}

export function excessOf(check: Pick<ThresholdCheck, 'bound' | 'threshold'>, measured: number): number {
  return check.bound === 'min' ? check.threshold - measured : measured - check.threshold;
}

function format(value: number, unit: ConfigUnit): string {
  if (unit === 'deg') return `${Math.round(value)}°`;
  if (unit === 'deg/s') return `${Math.round(value)}°/s`;
  if (unit === 's') return `${value.toFixed(1)} s`;
  if (unit === 'ratio') return `${Math.round(value * 100)} %`;
  return `${Math.round(value)} ${unit}`;
}

function formatNoise(band: number, unit: ConfigUnit): string {
  // Noise below the display step would read "±0 s"; give it one more digit.
  if (unit === 's') return `${band < 0.1 ? band.toFixed(2) : band.toFixed(1)} s`;
  if (unit === 'deg' && band < 1) return `${band.toFixed(1)}°`;
  return format(band, unit);
}

interface Scored {
  check: ThresholdCheck;
  measured: number;
  excess: number;
  standing: Standing;
}

/**
 * Judges a rule's checks. Any clear failure makes a clear flag: with `pick: 'first'` the first
 * failing check in the given order (its message names the cause), with `'worst'` the one furthest
 * past its threshold relative to the threshold (one flag and one cue per rule). Otherwise a check
 * inside its noise band makes a borderline flag (the one closest to failing, in units of its
 * noise). Null readings are skipped; the caller decides when all are null.
 */
export function judgeChecks(
  checks: readonly ThresholdCheck[],
  noise: SignalNoiseTable,
  pick: 'first' | 'worst' = 'first',
): RuleOutcome {
  const scored: Scored[] = [];
  for (const check of checks) {
    if (check.measured === null) continue;
    const excess = excessOf(check, check.measured);
    scored.push({ check, measured: check.measured, excess, standing: standingOf(excess, noise[check.measure].band) });
  }
  const fails = scored.filter((s) => s.standing === 'clear-fail');
  const relative = (s: Scored): number => (s.check.threshold > 0 ? s.excess / s.check.threshold : s.excess);
  const chosenFail = pick === 'first' ? fails[0] : [...fails].sort((a, b) => relative(b) - relative(a))[0];
  const flagOf = ({ check, measured }: Scored, message: string, borderline: boolean): RuleOutcome =>
    flag({
      measure: check.measure,
      measured,
      threshold: check.threshold,
      unit: check.unit,
      thresholdSource: check.thresholdSource ?? 'preset',
      message,
      cue: check.cue,
      borderline,
    });
  if (chosenFail !== undefined) return flagOf(chosenFail, chosenFail.check.message(chosenFail.measured, chosenFail.check.threshold), false);
  const close = scored
    .filter((s) => s.standing === 'borderline')
    .map((s) => ({ ...s, z: s.excess / Math.max(noise[s.check.measure].band, Number.MIN_VALUE) }))
    .sort((a, b) => b.z - a.z)[0];
  if (close === undefined) return PASS;
  const { check, measured } = close;
  const { band, label } = noise[check.measure];
  return flagOf(
    close,
    `Close to the limit: ${label} ${format(measured, check.unit)} against ${format(check.threshold, check.unit)} ` +
      `(within the ±${formatNoise(band, check.unit)} measurement noise), so not coached.`,
    true,
  );
}
