import { deg, flag, PASS, silent, type RuleDefinition } from '../rule-definition';
import { SEVERITY } from '../rule-ids';
import { finite } from '../stats';

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
  evaluate({ rep, config }) {
    if (!finite(rep.kneeFlexionAtPeakDeg)) return silent('knee not visible in this rep');
    const knee = rep.kneeFlexionAtPeakDeg;
    if (knee >= config.kneeLockMaxDeg) return PASS;
    return flag({
      measure: 'kneeFlexionAtPeakDeg',
      measured: knee,
      threshold: config.kneeLockMaxDeg,
      unit: 'deg',
      message: `The working knee was bent only ${deg(knee)} at the top (less than ${deg(config.kneeLockMaxDeg)}): keep a soft bend.`,
      cue: 'Keep a soft knee bend',
    });
  },
};
