/**
 * Judges a finished set's reps with the feedback layer, in the order the app does it
 * (src/state/coach.svelte.ts): each rep against the arch onset learned BEFORE it, then learn
 * from it; the set summary gives the score. No rule logic here.
 */
import type { RepMetrics } from '../analysis/types';
import {
  DEFAULT_RULE_CONFIG,
  createArchOnsetState,
  judgeRep,
  summarizeSet,
  type RepVerdict,
  type RuleConfig,
  type SetSummary,
} from '../feedback';

export interface JudgedSet {
  verdicts: RepVerdict[];
  summary: SetSummary;
}

export function judgeSet(reps: readonly RepMetrics[], config: Readonly<RuleConfig> = DEFAULT_RULE_CONFIG): JudgedSet {
  let archOnset = createArchOnsetState();
  const verdicts = reps.map((rep) => {
    const judged = judgeRep(rep, config, archOnset);
    archOnset = judged.archOnset;
    return judged.verdict;
  });
  return { verdicts, summary: summarizeSet(reps, verdicts) };
}
