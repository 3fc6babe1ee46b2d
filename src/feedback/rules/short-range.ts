import { deg, silent, type RuleDefinition } from '../rule-definition';
import { SEVERITY } from '../rule-ids';
import { finite } from '../stats';
import { judgeChecks } from '../threshold-check';

export const shortRange: RuleDefinition = {
  id: 'short-range',
  title: 'Short range',
  guideQuote:
    'Its primary role is to generate the force required to complete the kickback motion, especially as the leg travels past the midline.',
  signal: 'Peak hip extension of the rep (thigh against the trunk line; 0 = in line with the trunk).',
  reads: ['peakHipExtensionDeg'],
  severity: SEVERITY.effectiveness,
  cue: 'Kick back past your hips',
  explanation:
    'The glutes do most of their work as the thigh travels behind the line of your body. Drive the leg back ' +
    'until the thigh is clearly behind your hips, then squeeze.',
  thresholdKeys: ['shortRangeMinDeg'],
  evaluate({ rep, config, noise }) {
    if (!finite(rep.peakHipExtensionDeg)) {
      return silent('hip extension not measurable in this rep (hip, knee or shoulders not visible)');
    }
    return judgeChecks(
      [
        {
          measure: 'peakHipExtensionDeg',
          measured: rep.peakHipExtensionDeg,
          threshold: config.shortRangeMinDeg,
          bound: 'min',
          unit: 'deg',
          message: (m, t) => `The thigh peaked at ${deg(m)} against the trunk line (needs more than ${deg(t)}): it did not travel past the midline.`,
          cue: 'Kick back past your hips',
        },
      ],
      noise,
    );
  },
};
