import { deg, silent, type RuleDefinition } from '../rule-definition';
import { SEVERITY } from '../rule-ids';
import { finite } from '../stats';
import { judgeChecks } from '../threshold-check';

/**
 * Only a knee that bends MORE while the leg lifts is a curl (the hamstrings pulling the cable); a
 * knee that bends on the way down and straightens on the way up is fine, so the analyser's
 * lifting-phase rise is read, not the rep's whole knee range.
 */
export const kneeCurl: RuleDefinition = {
  id: 'knee-curl',
  title: 'Knee curl (hamstring cheat)',
  guideQuote:
    'Since the hamstrings also cross the knee joint, their involvement is minimized by maintaining a slight bend in the working knee.',
  signal: 'Rise of knee flexion during the lifting phase (robust knee flexion at the peak minus at the start).',
  reads: ['kneeFlexionRiseLiftingDeg'],
  severity: SEVERITY.effectiveness,
  cue: "Don't curl — push the heel back",
  explanation:
    'Bending the knee further as the leg rises turns the kickback into a hamstring curl. Keep the same slight ' +
    'bend all the way and push the heel straight back.',
  thresholdKeys: ['kneeCurlRiseMaxDeg'],
  evaluate({ rep, config, noise }) {
    if (!finite(rep.kneeFlexionRiseLiftingDeg)) return silent('knee not visible in this rep');
    return judgeChecks(
      [
        {
          measure: 'kneeFlexionRiseLiftingDeg',
          measured: rep.kneeFlexionRiseLiftingDeg,
          threshold: config.kneeCurlRiseMaxDeg,
          bound: 'max',
          unit: 'deg',
          message: (m, t) => `The knee bent ${deg(m)} more while the leg lifted (over ${deg(t)}): the hamstrings curled the cable.`,
          cue: "Don't curl — push the heel back",
        },
      ],
      noise,
    );
  },
};
