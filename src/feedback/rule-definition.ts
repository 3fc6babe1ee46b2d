/**
 * The shape of one form rule. Rules are data (id, quote, signal, severity, cue, explanation) plus
 * one pure `evaluate`, so the rule table in docs/rules.md, the UI's rule detail and the tests all
 * read the same objects.
 */
import type { RepMetrics } from '../analysis/types';
import type { RuleConfig, RuleConfigKey } from './rule-config';
import type { RuleId, Severity } from './rule-ids';
import type { SignalNoiseTable } from './signal-noise';
import type { FlagResult } from './types';

export interface RuleInput {
  rep: RepMetrics;
  config: Readonly<RuleConfig>;
  /** The lifter's trusted arch-onset target for this rep's leg, or null (still learning / none). */
  personalTargetDeg: number | null;
  /** Measurement noise per signal: a reading within it of a threshold is borderline. */
  noise: SignalNoiseTable;
}

/** What a rule returns when it fires: the public FlagResult less what the rule table supplies. */
export interface RuleFlag extends Omit<FlagResult, 'ruleId' | 'severity'> {
  kind: 'flag';
}

export type RuleOutcome = { kind: 'pass' } | { kind: 'silent'; why: string } | RuleFlag;

export interface RuleDefinition {
  id: RuleId;
  title: string;
  /** The sentence of ../shared/guide/cable-kickback-technique.txt this rule enforces, verbatim. */
  guideQuote: string;
  /** Which measurement the rule reads, in words. */
  signal: string;
  /** The RepMetrics fields it reads. */
  reads: readonly (keyof RepMetrics)[];
  severity: Severity;
  /** Default spoken cue, ≤ 6 words; a flag may carry a more specific one. */
  cue: string;
  explanation: string;
  thresholdKeys: readonly RuleConfigKey[];
  evaluate(input: RuleInput): RuleOutcome;
}

export const PASS: RuleOutcome = Object.freeze({ kind: 'pass' });

export function silent(why: string): RuleOutcome {
  return { kind: 'silent', why };
}

export function flag(
  f: Omit<RuleFlag, 'kind' | 'thresholdSource' | 'borderline'> & { thresholdSource?: 'preset' | 'personal'; borderline?: boolean },
): RuleFlag {
  return { kind: 'flag', thresholdSource: 'preset', borderline: false, ...f };
}

export function deg(value: number): string {
  return `${Math.round(value)}°`;
}

export function seconds(value: number): string {
  return `${value.toFixed(1)} s`;
}
