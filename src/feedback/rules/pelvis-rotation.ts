import { deg, silent, type RuleDefinition } from '../rule-definition';
import { SEVERITY } from '../rule-ids';
import { finite } from '../stats';
import { judgeChecks } from '../threshold-check';

export const pelvisRotation: RuleDefinition = {
  id: 'pelvis-rotation',
  title: 'Pelvis rotation / drop',
  guideQuote:
    'Since the body weight rests on the standing leg, the minimus and medius must work intensely to keep the pelvis level and prevent dropping or rotation.',
  signal: 'Largest hip-line tilt against horizontal in the rep (front or oblique view only).',
  reads: ['pelvisTiltMaxDeg'],
  severity: SEVERITY.effectiveness,
  cue: 'Keep your hips level',
  explanation:
    'If the pelvis tips or turns open as the leg goes back, the lower back and the standing side are doing the ' +
    'work. Brace, keep both hip bones facing the floor, and kick only as far as the hips stay level.',
  thresholdKeys: ['pelvisTiltMaxDeg'],
  evaluate({ rep, config, noise }) {
    if (!finite(rep.pelvisTiltMaxDeg)) {
      return silent('pelvis tilt not measurable in this rep (it needs a front or oblique view; side-on it cannot be seen)');
    }
    return judgeChecks(
      [
        {
          measure: 'pelvisTiltMaxDeg',
          measured: Math.abs(rep.pelvisTiltMaxDeg),
          threshold: config.pelvisTiltMaxDeg,
          bound: 'max',
          unit: 'deg',
          message: (m, t) => `The hip line tilted ${deg(m)} (more than ${deg(t)}): the pelvis dropped or rotated.`,
          cue: 'Keep your hips level',
        },
      ],
      noise,
    );
  },
};
