import { deg, silent, type RuleDefinition } from '../rule-definition';
import { SEVERITY } from '../rule-ids';
import { finite } from '../stats';
import { judgeChecks } from '../threshold-check';

export const lockedKnee: RuleDefinition = {
  id: 'locked-knee',
  title: 'Locked knee',
  guideQuote:
    'Maintaining a soft bend in the knee of the working leg is another technique to reduce hamstring involvement.',
  signal: 'Knee flexion of the working leg around the peak (robust median; 0 = straight).',
  reads: ['kneeFlexionAtPeakDeg'],
  severity: SEVERITY.refinement,
  cue: 'Keep a soft knee bend',
  explanation:
    'A small bend in the working knee shortens the hamstrings so they cannot take over the hip extension; a ' +
    'straight, locked leg lets them help and takes work from the glutes.',
  thresholdKeys: ['kneeLockMaxDeg'],
  evaluate({ rep, config, noise }) {
    if (!finite(rep.kneeFlexionAtPeakDeg)) return silent('knee not visible in this rep');
    return judgeChecks(
      [
        {
          measure: 'kneeFlexionAtPeakDeg',
          measured: rep.kneeFlexionAtPeakDeg,
          threshold: config.kneeLockMaxDeg,
          bound: 'min',
          unit: 'deg',
          message: (m, t) => `The working knee was bent only ${deg(m)} at the top (less than ${deg(t)}): keep a soft bend.`,
          cue: 'Keep a soft knee bend',
        },
      ],
      noise,
    );
  },
};
