import { flag, PASS, silent, type RuleDefinition } from '../rule-definition';
import { SEVERITY } from '../rule-ids';
import { finite } from '../stats';

function pct(ratio: number): string {
  return `${Math.round(ratio * 100)} %`;
}

/**
 * Not a form fault: when too little of a rep was seen, every other rule stays silent (unknown is
 * never a guess, docs/design.md#visibility-gate) and this flag tells the lifter why.
 */
export const notVisible: RuleDefinition = {
  id: 'not-visible',
  title: 'Not visible / wrong view',
  guideQuote:
    'This isolation makes the cable kickback a highly effective method for concentrating effort on the muscles responsible for moving the leg directly backward.',
  signal: "Share of the rep's frames in which hips, knees, ankles and shoulders were visible and in frame (rep.confidence).",
  reads: ['confidence'],
  severity: SEVERITY.setup,
  cue: 'Keep your whole body in view',
  explanation:
    'The leg moves straight backward, so the camera has to see you side-on with shoulders, hips, knees and ankles ' +
    'in the picture. When it cannot, the angles would be guesses, so KickCheck does not judge the rep.',
  thresholdKeys: ['minRepConfidenceRatio'],
  evaluate({ rep, config }) {
    if (!finite(rep.confidence)) return silent('visibility of this rep unknown');
    if (rep.confidence >= config.minRepConfidenceRatio) return PASS;
    return flag({
      measure: 'confidence',
      measured: rep.confidence,
      threshold: config.minRepConfidenceRatio,
      unit: 'ratio',
      message: `Only ${pct(rep.confidence)} of this rep was clearly visible (needs ${pct(config.minRepConfidenceRatio)}), so it was not judged.`,
      cue: 'Keep your whole body in view',
    });
  },
};
