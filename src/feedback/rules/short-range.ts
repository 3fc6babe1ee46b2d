import { deg, flag, PASS, silent, type RuleDefinition } from '../rule-definition';
import { SEVERITY } from '../rule-ids';
import { finite } from '../stats';

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
  evaluate({ rep, config }) {
    if (!finite(rep.peakHipExtensionDeg)) {
      return silent('hip extension not measurable in this rep (hip, knee or shoulders not visible)');
    }
    const hip = rep.peakHipExtensionDeg;
    if (hip >= config.shortRangeMinDeg) return PASS;
    return flag({
      measure: 'peakHipExtensionDeg',
      measured: hip,
      threshold: config.shortRangeMinDeg,
      unit: 'deg',
      message: `The thigh peaked at ${deg(hip)} against the trunk line (needs more than ${deg(config.shortRangeMinDeg)}): it did not travel past the midline.`,
      cue: 'Kick back past your hips',
    });
  },
};
