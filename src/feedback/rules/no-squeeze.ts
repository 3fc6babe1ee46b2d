import { flag, PASS, seconds, silent, type RuleDefinition } from '../rule-definition';
import { SEVERITY } from '../rule-ids';
import { finite } from '../stats';

export const noSqueeze: RuleDefinition = {
  id: 'no-squeeze',
  title: 'No squeeze at the top',
  guideQuote: 'Focus on achieving a strong, momentary squeeze of the gluteal muscle at the peak of the movement.',
  signal: "Time the thigh stays within 5° of the rep's peak (the analyser's hold band).",
  reads: ['holdS'],
  severity: SEVERITY.refinement,
  cue: 'Squeeze and hold at the top',
  explanation:
    'The glutes are shortest and working hardest at the top. Pause there for a moment and squeeze before you ' +
    'lower, instead of bouncing straight back down.',
  thresholdKeys: ['holdMinS'],
  evaluate({ rep, config }) {
    if (!finite(rep.holdS)) return silent('hold time not measurable in this rep');
    if (rep.holdS >= config.holdMinS) return PASS;
    return flag({
      measure: 'holdS',
      measured: rep.holdS,
      threshold: config.holdMinS,
      unit: 's',
      message: `The leg stayed at the top for ${seconds(rep.holdS)} (less than ${seconds(config.holdMinS)}): pause and squeeze.`,
      cue: 'Squeeze and hold at the top',
    });
  },
};
