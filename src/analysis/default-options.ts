import type { KeypointSet } from '../pose/types';
import type { AnalyzerOptions } from './types';

/**
 * Visibility gate per detector. BlazePose visibility and MoveNet keypoint scores are both
 * probabilities but not calibrated alike: MoveNet scores a clearly visible knee at 0.4–0.5 on
 * the side-view fixtures (cable_kickback_cgi_dosipov, median knee score 0.46).
 */
export const DEFAULT_MIN_VISIBILITY: Readonly<Record<KeypointSet, number>> = Object.freeze({
  // ref: pose-detection's BlazePose demo and MediaPipe Pose both draw joints above 0.5.
  blazepose33: 0.5,
  // ref: pose-detection's MoveNet demo scoreThreshold 0.3; fixtures cable_kickback_cgi_dosipov
  // and donkey_kick_cgi_kinkatsu (MoveNet Lightning) put visible joints at 0.4–0.8.
  movenet17: 0.3,
});

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
