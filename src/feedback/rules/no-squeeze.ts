import { seconds, silent, type RuleDefinition } from '../rule-definition';
import { SEVERITY } from '../rule-ids';
import { finite } from '../stats';
import { judgeChecks } from '../threshold-check';

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
  evaluate({ rep, config, noise }) {
    if (!finite(rep.holdS)) return silent('hold time not measurable in this rep');
    return judgeChecks(
      [
        {
          measure: 'holdS',
          measured: rep.holdS,
          threshold: config.holdMinS,
          bound: 'min',
          unit: 's',
          message: (m, t) => `The leg stayed at the top for ${seconds(m)} (less than ${seconds(t)}): pause and squeeze.`,
          cue: 'Squeeze and hold at the top',
        },
      ],
      noise,
    );
  },
};
