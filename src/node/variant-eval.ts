/**
 * Scores the analysis core on the hard variants (docs/design.md#hard-variants): per variant × clip the
 * expected and found count, invented reps (found above the most the label accepts, never
 * allowed), the naive baseline's count, and verdict agreement of nuisance variants with the
 * base clip. Runs on landmark sequences (variant fixtures or synthetic frames), no video.
 */
import { createKickbackAnalyzer } from '../analysis/kickback-analyzer';
import type { FramingRange, RejectedRep, RepMetrics } from '../analysis/types';
import type { PoseFrame } from '../pose/types';
import type { RepVerdict } from '../feedback';
import { clipVariant, type VariantExpectation } from './clip-variants';
import { judgeSet } from './judge-set';
import { naiveRepCount } from './naive-counter';
import { acceptedKickbackReps, type ClipLabel } from './rep-count-eval';

/** What the core made of one frame sequence. */
export interface CoreRun {
  reps: RepMetrics[];
  verdicts: RepVerdict[];
  workingLeg: string | null;
  /** Null when the analyser does not report them (an older core). */
  rejected: RejectedRep[] | null;
  framing: FramingRange[] | null;
}

export function runCore(frames: readonly PoseFrame[]): CoreRun {
  const analyzer = createKickbackAnalyzer();
  let workingLeg: string | null = null;
  for (const frame of frames) workingLeg = analyzer.push(frame).workingLeg ?? workingLeg;
  analyzer.finish();
  const { verdicts } = judgeSet(analyzer.reps);
  // rejected/framing arrive with the evidence gate (docs/trust.md#a-rep-counts-only-on-evidence); read them only where they exist.
  const extra = analyzer as unknown as { rejected?: readonly RejectedRep[]; framing?: readonly FramingRange[] };
  return {
    reps: [...analyzer.reps],
    verdicts,
    workingLeg,
    rejected: Array.isArray(extra.rejected) ? [...extra.rejected] : null,
    framing: Array.isArray(extra.framing) ? [...extra.framing] : null,
  };
}

export interface VariantCase {
  clip: string;
  variant: string;
  expect: VariantExpectation;
  /** Counts the label accepts (e.g. [3, 4]); the upper end is the truth for `invented`. */
  accepted: number[];
  got: number;
  /** max(0, got − most accepted): must be 0 everywhere. */
  invented: number;
  /** Exact variants: got is accepted; at-most variants: got ≤ most accepted. */
  pass: boolean;
  /** A listed gap (labels' variantGaps) waives the exact count and framing checks; invented still fails. */
  knownGap: string | null;
  naiveGot: number;
  naiveInvented: number;
  naivePass: boolean;
  workingLeg: string | null;
  /** "reason ×n" per rejected-rep reason; null when the core does not report rejections. */
  rejected: string[] | null;
  /** Framing reasons seen, each once; null when the core does not report framing. */
  framing: string[] | null;
  /**
   * The variant's expected framing reasons (e.g. feet-out-of-frame on cut-lower) that were NOT
   * reported although reps were counted: "0 counted or a framing warning" (docs/design.md#hard-variants).
   * Empty when satisfied; null when the core does not report framing.
   */
  framingMissing: string[] | null;
  /** Clear flags per counted rep, with peak times (for verdict agreement). */
  repFlags: { peakMs: number; clearFlags: string[] }[];
}

/** Clear flags of a verdict, sorted: a flag marked borderline is not clear (docs/trust.md#verdicts-near-a-threshold). */
export function clearFlags(verdict: RepVerdict): string[] {
  return verdict.flags.filter((f) => !f.borderline).map((f) => f.ruleId).sort();
}

function tally(values: readonly string[]): string[] {
  const counts = new Map<string, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  return [...counts].map(([k, n]) => (n > 1 ? `${k} ×${n}` : k));
}

export function evaluateVariantCase(clip: string, variantId: string, frames: readonly PoseFrame[], label: ClipLabel, expect?: VariantExpectation): VariantCase {
  const accepted = acceptedKickbackReps(label);
  if (accepted === null) throw new Error(`expected a labelled kickback count for ${clip}, got none`);
  const variant = clipVariant(variantId);
  const rule = expect ?? variant.expect;
  const most = Math.max(...accepted);
  const core = runCore(frames);
  const got = core.reps.length;
  const naive = naiveRepCount(frames).reps;
  const passes = (n: number) => (rule === 'exact' ? accepted.includes(n) : n <= most);
  return {
    clip,
    variant: variantId,
    expect: rule,
    accepted,
    got,
    invented: Math.max(0, got - most),
    pass: passes(got),
    knownGap: label.variantGaps?.[variantId]?.reason ?? null,
    naiveGot: naive,
    naiveInvented: Math.max(0, naive - most),
    naivePass: passes(naive),
    workingLeg: core.workingLeg,
    rejected: core.rejected && tally(core.rejected.map((r) => r.reason)),
    framing: core.framing && [...new Set(core.framing.map((f) => f.reason))],
    framingMissing: core.framing && (got === 0 ? [] : variant.expectFraming.filter((reason) => !core.framing?.some((f) => f.reason === reason))),
    repFlags: core.reps.map((rep, i) => ({ peakMs: rep.peakMs, clearFlags: core.verdicts[i] ? clearFlags(core.verdicts[i]) : [] })),
  };
}

/**
 * ref: the development clips' reps are 1.5-3 s apart (labels' repPeaksS); half a second keeps a
 * variant's rep from matching the neighbouring base rep while allowing the peak to move by a
 * few 10 fps frames on a re-encoded or rescaled picture.
 */
export const PEAK_MATCH_MS = 500;

export interface VerdictAgreement {
  variant: string;
  /** Base-clip reps compared (every counted rep of the base variant of each clip). */
  baseReps: number;
  /** Base reps with a variant rep at the same peak (± PEAK_MATCH_MS). */
  matched: number;
  /** Matched reps whose clear flags are the same set as on the base rep. */
  agreed: number;
  /**
   * agreed / baseReps (an unmatched rep is a disagreement); null when no base reps. The
   * verdict agreement of docs/design.md#hard-variants ("the share of reps whose clear flags are the same on the base clip and on each
   * nuisance variant"): the figure to quote.
   */
  rate: number | null;
  /**
   * agreed / matched: the rules' part alone, a rep the variant did not count left out (that is the
   * counter's miss); null when nothing matched. Quote beside `rate`, never instead of it.
   */
  rateCountedBoth: number | null;
}

/** Nuisance variants keep time (mirror, scale, quality), so a base rep and its variant rep peak together. */
export function verdictAgreement(variant: string, pairs: readonly { base: VariantCase; other: VariantCase }[]): VerdictAgreement {
  let baseReps = 0;
  let matched = 0;
  let agreed = 0;
  for (const { base, other } of pairs) {
    const used = new Set<number>();
    for (const rep of base.repFlags) {
      baseReps += 1;
      let best = -1;
      for (const [i, candidate] of other.repFlags.entries()) {
        const distance = Math.abs(candidate.peakMs - rep.peakMs);
        if (used.has(i) || distance > PEAK_MATCH_MS) continue;
        if (best < 0 || distance < Math.abs((other.repFlags[best] as { peakMs: number }).peakMs - rep.peakMs)) best = i;
      }
      if (best < 0) continue;
      used.add(best);
      matched += 1;
      // Rule ids, sorted (clearFlags): a rule with several readings agrees whichever reading made it clear.
      if ((other.repFlags[best] as { clearFlags: string[] }).clearFlags.join(',') === rep.clearFlags.join(',')) agreed += 1;
    }
  }
  return {
    variant,
    baseReps,
    matched,
    agreed,
    rate: baseReps === 0 ? null : Number((agreed / baseReps).toFixed(3)),
    rateCountedBoth: matched === 0 ? null : Number((agreed / matched).toFixed(3)),
  };
}

export interface VariantTotals {
  cases: number;
  exactCases: number;
  /** Share of `exact` cases with an accepted count. */
  exactRate: number | null;
  atMostCases: number;
  atMostRate: number | null;
  /** Sum of invented reps over all cases: must be 0. */
  inventedReps: number;
  casesWithInventedReps: number;
  naiveExactRate: number | null;
  naiveAtMostRate: number | null;
  naiveInventedReps: number;
  naiveCasesWithInventedReps: number;
}

const share = (hits: number, total: number): number | null => (total === 0 ? null : Number((hits / total).toFixed(3)));

export function variantTotals(cases: readonly VariantCase[]): VariantTotals {
  const exact = cases.filter((c) => c.expect === 'exact');
  const atMost = cases.filter((c) => c.expect === 'at-most');
  return {
    cases: cases.length,
    exactCases: exact.length,
    exactRate: share(exact.filter((c) => c.pass).length, exact.length),
    atMostCases: atMost.length,
    atMostRate: share(atMost.filter((c) => c.pass).length, atMost.length),
    inventedReps: cases.reduce((sum, c) => sum + c.invented, 0),
    casesWithInventedReps: cases.filter((c) => c.invented > 0).length,
    naiveExactRate: share(exact.filter((c) => c.naivePass).length, exact.length),
    naiveAtMostRate: share(atMost.filter((c) => c.naivePass).length, atMost.length),
    naiveInventedReps: cases.reduce((sum, c) => sum + c.naiveInvented, 0),
    naiveCasesWithInventedReps: cases.filter((c) => c.naiveInvented > 0).length,
  };
}
