/**
 * Judge one completed rep against every rule. Pure: same rep + config + context, same verdict.
 */
import type { RepMetrics } from '../analysis/types';
import { personalKickTarget, type ArchOnsetState } from './arch-onset';
import { DEFAULT_RULE_CONFIG, type RuleConfig } from './rule-config';
import type { RuleInput } from './rule-definition';
import { RULE_IDS } from './rule-ids';
import { RULES } from './rules';
import { repFrameIntervalMs } from './frame-interval';
import { SIGNAL_NOISE, noiseAtFrameInterval, type SignalNoiseTable } from './signal-noise';
import { notVisible } from './rules/not-visible';
import type { FlagResult, RepVerdict, SilentRule } from './types';

export interface RepContext {
  /**
   * The lifter's learned arch-onset state, BEFORE this rep was learned from. Its trusted target
   * for the rep's leg (if any) replaces the default kick-height limit.
   */
  archOnset?: ArchOnsetState | null;
  /**
   * Measurement noise per signal (default SIGNAL_NOISE), raised for time signals to the rep's
   * frame interval; all-zero sigmas and frameIntervals turn borderline off.
   */
  noise?: SignalNoiseTable;
}

/** Clear flags before borderline ones; then most severe first; equal severities in RULE_IDS order. */
export function compareFlags(a: FlagResult, b: FlagResult): number {
  return (
    Number(a.borderline) - Number(b.borderline) ||
    b.severity - a.severity ||
    RULE_IDS.indexOf(a.ruleId) - RULE_IDS.indexOf(b.ruleId)
  );
}

/** The flags that count as faults: cues, praise, score and "things to fix" read only these. */
export function clearFlags(verdict: Pick<RepVerdict, 'flags'>): FlagResult[] {
  return verdict.flags.filter((f) => !f.borderline);
}

/** Flags whose measurement is within its noise of the threshold ("close to the limit"). */
export function borderlineFlags(verdict: Pick<RepVerdict, 'flags'>): FlagResult[] {
  return verdict.flags.filter((f) => f.borderline);
}

function checkRep(rep: RepMetrics): void {
  if (rep === null || typeof rep !== 'object') throw new TypeError(`rep: expected RepMetrics, got ${String(rep)}`);
  if (rep.leg !== 'left' && rep.leg !== 'right') {
    throw new TypeError(`rep.leg: expected 'left' | 'right', got ${JSON.stringify(rep.leg)}`);
  }
  if (!Array.isArray(rep.series)) throw new TypeError(`rep.series: expected an array, got ${typeof rep.series}`);
}

export function evaluateRep(
  rep: RepMetrics,
  config: Readonly<RuleConfig> = DEFAULT_RULE_CONFIG,
  ctx: RepContext = {},
): RepVerdict {
  checkRep(rep);
  const input: RuleInput = {
    rep,
    config,
    personalTargetDeg: personalKickTarget(ctx.archOnset ?? null, rep.leg, config),
    noise: noiseAtFrameInterval(ctx.noise ?? SIGNAL_NOISE, repFrameIntervalMs(rep)),
  };
  const flags: FlagResult[] = [];
  const silent: SilentRule[] = [];

  const visibility = notVisible.evaluate(input);
  if (visibility.kind === 'flag') {
    const { kind: _kind, ...rest } = visibility;
    flags.push({ ruleId: notVisible.id, severity: notVisible.severity, ...rest });
    const why = `not judged: ${visibility.message.charAt(0).toLowerCase()}${visibility.message.slice(1)}`;
    for (const rule of RULES) if (rule.id !== notVisible.id) silent.push({ ruleId: rule.id, why });
    return { repIndex: rep.index, leg: rep.leg, flags, silent, clean: false };
  }
  if (visibility.kind === 'silent') silent.push({ ruleId: notVisible.id, why: visibility.why });

  for (const rule of RULES) {
    if (rule.id === notVisible.id) continue;
    const out = rule.evaluate(input);
    if (out.kind === 'silent') silent.push({ ruleId: rule.id, why: out.why });
    else if (out.kind === 'flag') {
      const { kind: _kind, ...rest } = out;
      flags.push({ ruleId: rule.id, severity: rule.severity, ...rest });
    }
  }
  flags.sort(compareFlags);
  return { repIndex: rep.index, leg: rep.leg, flags, silent, clean: flags.every((f) => f.borderline) };
}
