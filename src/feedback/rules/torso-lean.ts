import { deg, silent, type RuleDefinition } from '../rule-definition';
import { SEVERITY } from '../rule-ids';
import { finite } from '../stats';
import { judgeChecks } from '../threshold-check';

export const TORSO_LEAN_TOO_UPRIGHT_CUE = 'Lean forward more';
export const TORSO_LEAN_TOO_FLAT_CUE = 'Lift your chest a little';

export const torsoLean: RuleDefinition = {
  id: 'torso-lean',
  title: 'Torso lean',
  guideQuote:
    'A slight forward lean in the torso, approximately 45 degrees, can also help pre-stretch the glutes and improve their mechanical advantage.',
  signal: 'Mean torso lean over the rep (trunk against vertical; 0 upright, 90 horizontal).',
  reads: ['torsoLeanMeanDeg'],
  severity: SEVERITY.effectiveness,
  cue: TORSO_LEAN_TOO_UPRIGHT_CUE,
  explanation:
    'A forward lean of about 45° pre-stretches the glutes so they, not the lower back, drive the leg. Standing ' +
    'upright shortens the range the glutes work through; folding flat over the hips makes it easy to arch.',
  thresholdKeys: ['torsoLeanMinDeg', 'torsoLeanMaxDeg'],
  evaluate({ rep, config, noise }) {
    if (!finite(rep.torsoLeanMeanDeg)) return silent('torso lean not measurable in this rep (shoulders or hips not visible)');
    const lean = rep.torsoLeanMeanDeg;
    // The band is far wider than the noise, so at most one bound is ever near the reading.
    return judgeChecks(
      [
        {
          measure: 'torsoLeanMeanDeg',
          measured: lean,
          threshold: config.torsoLeanMinDeg,
          bound: 'min',
          unit: 'deg',
          message: (m, t) => `Torso leaned ${deg(m)} on average, more upright than ${deg(t)} (aim for about 45°).`,
          cue: TORSO_LEAN_TOO_UPRIGHT_CUE,
        },
        {
          measure: 'torsoLeanMeanDeg',
          measured: lean,
          threshold: config.torsoLeanMaxDeg,
          bound: 'max',
          unit: 'deg',
          message: (m, t) => `Torso leaned ${deg(m)} on average, flatter than ${deg(t)} (aim for about 45°).`,
          cue: TORSO_LEAN_TOO_FLAT_CUE,
        },
      ],
      noise,
    );
  },
};
