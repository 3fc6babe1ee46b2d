/**
 * A stored set opened from History (docs/design.md#after-the-set: history, plots, replay), pure:
 * its reps in order, where each stored flag goes on the plots, and what the review says when
 * the set kept no series or no landmarks. No storage and no runes: the view loads the series and
 * landmarks by set id and hands them in.
 */
import type { RepMetrics } from '../analysis/types';
import { evaluateRep, isRuleId, ruleInfo, type FlagResult, type RepVerdict } from '../feedback';
import { flagMoments, type AngleSample, type FlagMoment } from './set-series';
import type { HistoryRep } from './history-sets';

/** The reps of a stored set in rep order (the plots, replay and table read them so). */
export function storedReps(reps: readonly HistoryRep[]): RepMetrics[] {
  return reps.map((r) => r.rep).sort((a, b) => a.startMs - b.startMs || a.index - b.index);
}

/** Titles of a stored rep's clear flags, for the rep table. */
export function storedFlagTitles(rep: HistoryRep): string[] {
  return rep.flags.filter(isRuleId).map((id) => ruleInfo(id).title);
}

/**
 * The flagged moments of a stored set. Storage keeps each rep's clear flags as rule ids, not the
 * measure a rule judged; the measure (which places the marker: peak, lift, lowering) is read
 * from the rule run again on the rep. When the preset does not flag it again (the flag came from
 * a personal threshold), the rule's marker goes mid-rep on the hip plot, where flagMoments puts
 * a measure it does not know.
 */
export function storedFlagMoments(reps: readonly HistoryRep[]): FlagMoment[] {
  const verdicts: RepVerdict[] = [];
  for (const { rep, flags } of reps) {
    const ids = flags.filter(isRuleId);
    if (ids.length === 0) continue;
    let again: FlagResult[] = [];
    try {
      again = evaluateRep(rep).flags;
    } catch {
      // A rep the rules refuse to read (an imported file's odd numbers): markers go mid-rep.
    }
    verdicts.push({
      repIndex: rep.index,
      leg: rep.leg,
      flags: ids.map((ruleId) => ({ ...(again.find((f) => f.ruleId === ruleId) ?? unplaced(ruleId)), borderline: false })),
      silent: [],
      clean: false,
    });
  }
  return flagMoments(storedReps(reps), verdicts);
}

function unplaced(ruleId: FlagResult['ruleId']): FlagResult {
  return { ruleId, severity: ruleInfo(ruleId).severity, measure: '', measured: 0, threshold: 0, unit: 'deg', thresholdSource: 'preset', message: '', cue: '', borderline: false };
}

/** What a stored set has for its review. */
export interface ReviewSources {
  hasSeries: boolean;
  hasLandmarks: boolean;
  imported: boolean;
}

/** Why there is no replay (null when there is one): said where the replay would be. */
export function replayMissingReason(s: ReviewSources): string | null {
  if (s.hasLandmarks) return null;
  if (s.imported) return 'No replay for an imported set: the skeleton is kept only on the device that recorded the set, and is never exported.';
  if (!s.hasSeries) {
    return 'No replay for this set: it did not end normally (the page was reloaded or closed mid-set, and the set was recovered from its reps), or it was recorded before KickCheck kept replays.';
  }
  return 'No replay for this set: its skeleton was not saved with it.';
}

/** A note under the plots when they are rebuilt from the reps alone (null when the series was kept). */
export function plotsFromRepsNote(s: ReviewSources): string | null {
  if (s.hasSeries) return null;
  return 'Plots rebuilt from the counted reps alone: the angles between reps were not kept with this set.';
}

/**
 * The stored series with the reps' own samples before its first and after its last sample. The
 * recording starts when the set does, which the first rep's detection starts: the rep's own
 * samples reach back to where its lift began, so without them the first rep is drawn from its
 * peak on.
 */
export function withRepEdges(series: readonly AngleSample[], fromReps: readonly AngleSample[]): AngleSample[] {
  const first = series[0]?.tMs;
  const last = series.at(-1)?.tMs;
  if (first === undefined || last === undefined) return [...fromReps];
  return [...fromReps.filter((s) => s.tMs < first), ...series, ...fromReps.filter((s) => s.tMs > last)];
}
