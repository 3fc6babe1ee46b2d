/**
 * A rep counts only on evidence (docs/trust.md#a-rep-counts-only-on-evidence; docs/design.md#trust-rules): the
 * working leg's hip, knee and ankle and the trunk seen inside the picture, above the visibility
 * gate, in a usable side or oblique view, for most of the rep's frames and at its start and its
 * peak. The rep machine alone counts any thigh movement it is shown, including a handful of
 * frames bridged across a dark or cut-off stretch; this gate is what keeps the count from ever
 * going above the truth.
 */
import type { RejectReason, RejectedRep, Side } from './types';

/** What one frame showed of one leg (LegFrameSample's evidence fields). */
export interface EvidenceSample {
  t: number;
  /** This leg's hip, knee and ankle seen, in a usable view, with the lifter told apart. */
  legSeen: boolean;
  /** A shoulder and a hip seen, in a usable view, with the lifter told apart. */
  trunkSeen: boolean;
  /** Several people in view and the lifter not told apart. */
  ambiguous: boolean;
}

export interface RepSpan {
  leg: Side;
  startMs: number;
  peakMs: number;
  endMs: number;
}

/**
 * ref: docs/design.md#trust-rules, "for most of the rep": more than half. The reps counted on the development
 * clips (tests/fixtures/landmarks, both detectors) had the leg and trunk in 0.84–1.0 of their
 * frames (cable_kickback_cgi_dosipov MoveNet 0.84 lowest; all others 0.97–1.0), while the
 * barely-seen reps counted on unseen footage (docs/design.md#trust-rules) read rep.confidence 0–0.24: 0.6
 * sits between the two with margin on both sides.
 */
export const MIN_SEEN_SHARE = 0.6;

export const REJECT_MESSAGES: Readonly<Record<RejectReason, string>> = Object.freeze({
  'legs-not-visible': 'legs not clearly visible',
  'trunk-not-visible': 'body not clearly visible',
  'not-seen-at-start': 'start of the rep not seen',
  'not-seen-at-peak': 'top of the rep not seen',
  'lifter-ambiguous': "couldn't tell you apart from the person next to you",
});

/**
 * The two frames around `tMs` (the last at or before it, the first after it): a moment
 * between frames was seen when either of them saw it. One frame must not decide alone: at 30
 * fps a single dropped ankle is detector flicker, not a rep nobody saw.
 */
function seenAround(samples: readonly EvidenceSample[], tMs: number, seen: (s: EvidenceSample) => boolean): boolean {
  let before: EvidenceSample | null = null;
  let after: EvidenceSample | null = null;
  for (const s of samples) {
    if (s.t <= tMs) before = s;
    else if (after === null) after = s;
  }
  return (before !== null && seen(before)) || (after !== null && seen(after));
}

/** Null when the rep may count; otherwise the rejected rep to report. */
export function repEvidenceGate(samples: readonly EvidenceSample[], rep: RepSpan): RejectedRep | null {
  const inRep = samples.filter((s) => s.t >= rep.startMs - 1e-6 && s.t <= rep.endMs + 1e-6);
  const n = inRep.length;
  const share = (pick: (s: EvidenceSample) => boolean): number => (n === 0 ? 0 : inRep.filter(pick).length / n);
  const both = (s: EvidenceSample): boolean => s.legSeen && s.trunkSeen;
  const evidence = share(both);
  const reject = (reason: RejectReason): RejectedRep => ({
    leg: rep.leg,
    startMs: rep.startMs,
    peakMs: rep.peakMs,
    endMs: rep.endMs,
    reason,
    message: REJECT_MESSAGES[reason],
    evidence,
  });
  if (inRep.some((s) => s.ambiguous)) return reject('lifter-ambiguous');
  if (share((s) => s.legSeen) < MIN_SEEN_SHARE) return reject('legs-not-visible');
  if (share((s) => s.trunkSeen) < MIN_SEEN_SHARE || evidence < MIN_SEEN_SHARE) return reject('trunk-not-visible');
  if (!seenAround(samples, rep.startMs, both)) return reject('not-seen-at-start');
  if (!seenAround(samples, rep.peakMs, both)) return reject('not-seen-at-peak');
  return null;
}
