import { VISIBILITY_GATE } from '../pose/detector-registry';
import type { KeypointSet } from '../pose/types';
import type { AnalyzerOptions } from './types';

/**
 * Visibility gate per landmark layout: the detector registry's (src/pose/detector-registry.ts,
 * where each value's source is given), one table for the app, the worker and the analyser.
 */
export const DEFAULT_MIN_VISIBILITY: Readonly<Record<KeypointSet, number>> = VISIBILITY_GATE;

/** Defaults for the analyser; user options are merged into a copy of these. */
export const DEFAULT_ANALYZER_OPTIONS: Readonly<AnalyzerOptions> = Object.freeze({
  // null = DEFAULT_MIN_VISIBILITY for the frame's detector.
  minVisibility: null,
  // ref: docs/design.md#visibility-gate, "BlazePose invents leg positions when the legs leave the frame": a joint
  // sitting on the border is usually one of those inventions, so leave a 1 % margin.
  edgeMarginFrac: 0.01,
  // ref: docs/design.md#2d-and-3d, "prefer 2D in a clean side view, 3D when oblique".
  anglePath: 'auto',
  // ref: Casiez, Roussel & Vogel 2012 (One Euro filter) tuning procedure: minCutoff set for
  // still joints (jitter halved, tests/signal), then beta raised until a 2 s kick lags about one
  // 30 fps frame (≤ 50 ms, tests/signal). Units: image heights per second.
  smoothingMinCutoffHz: 2,
  smoothingBeta: 40,
  smoothingDerivateCutoffHz: 1,
  // ref: docs/design.md#frame-rates, "3–30 processed fps must all work": 3 fps is 333 ms between frames, so a
  // gap of 1.5 s is several lost frames in a row, not slow inference.
  maxGapMs: 1500,
  // ref: docs/design.md#facing-and-working-leg, "the working leg is the one whose thigh elevation varies most over the
  // last seconds": a window of two slow (4 s) reps.
  legWindowMs: 8000,
  // ref: docs/design.md#facing-and-working-leg hysteresis; 1.5x keeps a resting leg's sway from stealing the label.
  legSwitchRatio: 1.5,
  // ref: docs/design.md#visibility-gate, single-camera angle error 4–8° (over 10° off-axis): a rep must move the
  // thigh well beyond twice that error.
  minRomDeg: 15,
  // ref: guide, "controlled, deliberate motion": even a swung rep takes longer than 0.4 s.
  minRepDurationMs: 400,
  // ref: docs/design.md#form-rules "no squeeze" rule, "time within 5° of the rep's peak".
  holdBandDeg: 5,
  smoothLandmarks: true,
  includeLandmarks: false,
  includeLegDetail: false,
});
