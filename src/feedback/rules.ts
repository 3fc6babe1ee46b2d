/**
 * The rule table, in RULE_IDS order (which is also the tie-break between equal severities).
 * docs/rules.md mirrors it; tests/feedback/rules-doc.test.ts keeps the two in step and checks
 * every guide quote against the guide itself.
 */
import type { RuleDefinition } from './rule-definition';
import { RULE_IDS, type RuleId } from './rule-ids';
import { kickTooHigh } from './rules/kick-too-high';
import { kneeCurl } from './rules/knee-curl';
import { lockedKnee } from './rules/locked-knee';
import { momentum } from './rules/momentum';
import { noSqueeze } from './rules/no-squeeze';
import { notVisible } from './rules/not-visible';
import { pelvisRotation } from './rules/pelvis-rotation';
import { shortRange } from './rules/short-range';
import { torsoLean } from './rules/torso-lean';

const BY_ID: Readonly<Record<RuleId, RuleDefinition>> = {
  'not-visible': notVisible,
  'kick-too-high': kickTooHigh,
  momentum,
  'torso-lean': torsoLean,
  'knee-curl': kneeCurl,
  'short-range': shortRange,
  'pelvis-rotation': pelvisRotation,
  'locked-knee': lockedKnee,
  'no-squeeze': noSqueeze,
};

export const RULES: readonly RuleDefinition[] = Object.freeze(RULE_IDS.map((id) => BY_ID[id]));

export function ruleById(id: RuleId): RuleDefinition {
  return BY_ID[id];
}

/** Plain, serialisable description of a rule (no evaluate function), e.g. for a help screen. */
export interface RuleInfo {
  id: RuleId;
  title: string;
  guideQuote: string;
  signal: string;
  severity: RuleDefinition['severity'];
  cue: string;
  explanation: string;
  thresholdKeys: RuleDefinition['thresholdKeys'];
}

export function ruleInfo(id: RuleId): RuleInfo {
  const r = BY_ID[id];
  return {
    id: r.id,
    title: r.title,
    guideQuote: r.guideQuote,
    signal: r.signal,
    severity: r.severity,
    cue: r.cue,
    explanation: r.explanation,
    thresholdKeys: r.thresholdKeys,
  };
}
