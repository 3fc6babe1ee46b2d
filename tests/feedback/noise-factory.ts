/**
 * Noise tables for the rules tests: NO_NOISE turns the borderline band off, so a test about where
 * a threshold sits sees the plain comparison; `sigmaOf` reads the band the rules really use.
 */
import { NOISY_SIGNALS, SIGNAL_NOISE, type NoisySignal, type SignalNoiseTable } from '../../src/feedback';

export const NO_NOISE: SignalNoiseTable = Object.freeze(
  Object.fromEntries(NOISY_SIGNALS.map((s) => [s, { ...SIGNAL_NOISE[s], sigma: 0, band: 0, frameIntervals: 0 }])),
) as unknown as SignalNoiseTable;

/** The borderline half-width the rules use for a signal (SignalNoise.band). */
export function sigmaOf(signal: NoisySignal): number {
  return SIGNAL_NOISE[signal].band;
}
