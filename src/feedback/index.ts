/**
 * Public API of the feedback layer: form rules, per-rep verdicts, live hints, the personal
 * kick-height target, cue arbitration and the end-of-set summary. Pure: no DOM, no clock, no
 * Svelte; every time is a frame timestamp passed in.
 */
export { RULE_IDS, SEVERITY, isRuleId, type RuleId, type Severity } from './rule-ids';
export {
  DEFAULT_RULE_CONFIG,
  RULE_CONFIG_FIELDS,
  RULE_CONFIG_KEYS,
  RULE_PRESETS,
  RULE_PRESET_NAMES,
  SIGNAL_LIMITS,
  resolveConfig,
  validateConfig,
  type ConfigFieldSpec,
  type ConfigUnit,
  type RuleConfig,
  type RuleConfigKey,
  type RulePreset,
} from './rule-config';
export { RULES, ruleById, ruleInfo, type RuleInfo } from './rules';
export type { RuleDefinition, RuleInput, RuleOutcome } from './rule-definition';
export { evaluateRep, compareFlags, clearFlags, borderlineFlags, type RepContext } from './evaluate-rep';
export {
  BORDERLINE_NOISE_MULTIPLE,
  NOISY_SIGNALS,
  SIGNAL_NOISE,
  TIME_SIGNAL_FRAME_INTERVALS,
  isNoisySignal,
  noiseAtFrameInterval,
  type NoisySignal,
  type SignalNoise,
  type SignalNoiseTable,
} from './signal-noise';
export { standingOf, type Standing } from './threshold-check';
export { judgeRep } from './judge-rep';
export { evaluateFrame, createLiveHintState, type LiveHintState } from './evaluate-frame';
export {
  createArchOnsetState,
  detectArchOnset,
  estimateTargetDeg,
  kickLimit,
  kickTargetBand,
  parseArchOnsetState,
  personalKickTarget,
  resetArchOnset,
  updateArchOnset,
  type ArchOnsetLeg,
  type ArchOnsetObservation,
  type ArchOnsetState,
  type KickTargetBand,
} from './arch-onset';
export { archRiseWhileExtendingDeg, peakThighSpeedDegS } from './rep-signals';
export { repFrameIntervalMs } from './frame-interval';
export { createCueArbiter, FIXED_PHRASES, STREAK_PHRASES, type CueArbiter, type CueArbiterSnapshot } from './cue-arbiter';
export {
  summarizeSet,
  SCORE_FORMULA,
  SCORE_PENALTY_BY_SEVERITY,
  type CloseItem,
  type FixItem,
  type SetSummary,
  type SetSummaryRow,
  type WentWellItem,
} from './set-summary';
export type { Cue, FlagResult, LiveHint, RepVerdict, SilentRule } from './types';
