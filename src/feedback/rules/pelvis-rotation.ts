import { deg, silent, type RuleDefinition } from '../rule-definition';
import { SEVERITY } from '../rule-ids';
import { finite } from '../stats';
import { judgeChecks } from '../threshold-check';

export const pelvisRotation: RuleDefinition = {
  id: 'pelvis-rotation',
  title: 'Pelvis rotation / drop',
  guideQuote:
    'Since the body weight rests on the standing leg, the minimus and medius must work intensely to keep the pelvis level and prevent dropping or rotation.',
  signal:
    'Largest change of the hip-line tilt during the rep from its tilt just before the lift (front or oblique ' +
    'view only, and only when the start was seen).',
  reads: ['pelvisTiltRiseDeg'],
  severity: SEVERITY.effectiveness,
  cue: 'Keep your hips level',
  explanation:
    'If the pelvis tips or turns open as the leg goes back, the lower back and the standing side are doing the ' +
    'work. Brace, keep both hip bones facing the floor, and kick only as far as the hips stay level.',
  thresholdKeys: ['pelvisTiltMaxDeg'],
  evaluate({ rep, config, noise }) {
    // The rise from the rep's own start cancels what the camera angle and the model add to every
    // reading of the hip line (docs/rules.md, "Pelvis rotation").
    const rise = rep.pelvisTiltRiseDeg;
    if (rise === undefined || !finite(rise)) {
      return silent(
        'pelvis tilt not measurable in this rep (it needs a front or oblique view from before the lift; side-on it cannot be seen)',
      );
    }
    return judgeChecks(
      [
        {
          measure: 'pelvisTiltRiseDeg',
          measured: rise,
          threshold: config.pelvisTiltMaxDeg,
          bound: 'max',
          unit: 'deg',
          message: (m, t) => `The hip line tilted ${deg(m)} during the rep (more than ${deg(t)}): the pelvis dropped or rotated.`,
          cue: 'Keep your hips level',
        },
      ],
      noise,
    );
  },
};
