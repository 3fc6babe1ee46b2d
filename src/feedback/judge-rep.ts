/**
 * Judges one rep in the order every caller must use: against the arch onset learned BEFORE the
 * rep (so a rep cannot excuse itself), then learns from it. The live coach and the command-line
 * analyser both go through here, so they cannot drift apart.
 */
import type { RepMetrics } from '../analysis/types';
import { updateArchOnset, type ArchOnsetState } from './arch-onset';
import { evaluateRep } from './evaluate-rep';
import type { RuleConfig } from './rule-config';
import type { RepVerdict } from './types';

export function judgeRep(
  rep: RepMetrics,
  config: Readonly<RuleConfig>,
  archOnset: ArchOnsetState,
): { verdict: RepVerdict; archOnset: ArchOnsetState } {
  const verdict = evaluateRep(rep, config, { archOnset });
  return { verdict, archOnset: updateArchOnset(archOnset, rep, config) };
}
