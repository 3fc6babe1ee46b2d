import { deg, flag, PASS, silent, type RuleDefinition } from '../rule-definition';
import { SEVERITY } from '../rule-ids';
import { finite } from '../stats';

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
  evaluate({ rep, config }) {
    if (!finite(rep.pelvisTiltMaxDeg)) {
      return silent('pelvis tilt not measurable in this rep (it needs a front or oblique view; side-on it cannot be seen)');
    }
    const tilt = Math.abs(rep.pelvisTiltMaxDeg);
    if (tilt <= config.pelvisTiltMaxDeg) return PASS;
    return flag({
      measure: 'pelvisTiltMaxDeg',
      measured: tilt,
      threshold: config.pelvisTiltMaxDeg,
      unit: 'deg',
      message: `The hip line tilted ${deg(tilt)} (more than ${deg(config.pelvisTiltMaxDeg)}): the pelvis dropped or rotated.`,
      cue: 'Keep your hips level',
    });
  },
};
