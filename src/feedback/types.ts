/**
 * Public result types of the feedback layer. All plain, serialisable data (no functions, no
 * classes) so verdicts and cues can be stored, exported as JSON and sent across a worker.
 */
import type { Side } from '../analysis/types';
import type { ConfigUnit } from './rule-config';
import type { RuleId, Severity } from './rule-ids';

/** One rule that fired on one rep. */
export interface FlagResult {
  ruleId: RuleId;
  severity: Severity;
  /** Which number was judged, e.g. `peakHipExtensionDeg`, `archRiseDeg`, `concentricS`. */
  measure: string;
  measured: number;
  threshold: number;
  unit: ConfigUnit;
  /** `personal` when the threshold came from the learned arch-onset target. */
  thresholdSource: 'preset' | 'personal';
  /** Sentence for the rep detail, with the numbers, e.g. "Hip extension 34° is past 28°…". */
  message: string;
  /** Short spoken cue (≤ 6 words) for this particular failure. */
  cue: string;
  /**
   * True when the measurement is within its noise of the threshold (signal-noise.ts), on either
   * side: "close to the limit". Kept in the verdict for display, but never cued, scored or
   * counted as a fault; `measured` may then be just on the passing side of `threshold`.
   */
  borderline: boolean;
}

/** A rule that could not judge this rep, and why (shown in the rep's detail). */
export interface SilentRule {
  ruleId: RuleId;
  why: string;
}

export interface RepVerdict {
  repIndex: number;
  leg: Side;
  /**
   * Clear flags first, then borderline ones; each most severe first (ties in RULE_IDS order).
   * At most one flag per rule.
   */
  flags: FlagResult[];
  silent: SilentRule[];
  /**
   * True when the rep was judged (enough of it was visible) and no rule fired clearly. Borderline
   * flags and rules that were silent for lack of input do not make a rep unclean.
   */
  clean: boolean;
}

/** A live, per-frame instruction (before or between reps). */
export interface LiveHint {
  ruleId: Extract<RuleId, 'torso-lean' | 'not-visible'>;
  severity: Severity;
  /** What to show and say, e.g. "Lean forward more", "Step back: feet out of frame". */
  text: string;
  /** When the condition began (frame time), for the UI's own timing. */
  sinceMs: number;
}

/** Output of the cue arbiter: the one thing to show now, and whether to say it aloud. */
export interface Cue {
  text: string;
  ruleId: RuleId | 'positive';
  /** 0 for a positive cue. */
  severity: Severity | 0;
  speak: boolean;
  /** The rep the cue is about, or null for a live hint. */
  repIndex: number | null;
  timestampMs: number;
}
