import { deg, seconds, silent, type RuleDefinition } from '../rule-definition';
import { SEVERITY } from '../rule-ids';
import { peakThighSpeedDegS } from '../rep-signals';
import { finite } from '../stats';
import { judgeChecks, type ThresholdCheck } from '../threshold-check';

/**
 * Four symptoms of swinging; the one clearly furthest past its threshold (relative to the
 * threshold) is reported, so one rep yields one momentum flag and one cue. With no clear symptom,
 * the one closest to failing within its noise is reported as borderline.
 */
export const momentum: RuleDefinition = {
  id: 'momentum',
  title: 'Momentum / swinging',
  guideQuote: 'The movement should be executed with controlled, deliberate motion, avoiding momentum or swinging.',
  signal:
    'Concentric (up) and eccentric (down) transit time, peak thigh angular speed sustained over 100 ms (from ' +
    'rep.series, falling back to peakAngularVelocityDegS), and the range of torso lean within the rep.',
  reads: ['concentricS', 'eccentricS', 'series', 'peakAngularVelocityDegS', 'torsoLeanRangeDeg'],
  severity: SEVERITY.effectiveness,
  cue: 'No swinging — slow and steady',
  explanation:
    'A swung leg is moved by momentum, not by the glutes, and the cable yanks it back on the way down. Lift ' +
    'under control, pause, and lower slower than you lifted, keeping the torso still.',
  thresholdKeys: ['concentricMinS', 'eccentricMinS', 'angularVelocityMaxDegS', 'torsoSwayMaxDeg'],
  evaluate({ rep, config, noise }) {
    const checks: ThresholdCheck[] = [
      {
        measure: 'concentricS',
        measured: finite(rep.concentricS) ? rep.concentricS : null,
        threshold: config.concentricMinS,
        bound: 'min',
        unit: 's',
        message: (m, t) => `The leg went up in ${seconds(m)} (faster than ${seconds(t)}): lift under control.`,
        cue: 'Slower on the way up',
      },
      {
        measure: 'eccentricS',
        measured: finite(rep.eccentricS) ? rep.eccentricS : null,
        threshold: config.eccentricMinS,
        bound: 'min',
        unit: 's',
        message: (m, t) => `The leg came down in ${seconds(m)} (faster than ${seconds(t)}): don't let the cable pull it back.`,
        cue: 'Control the way down',
      },
      {
        measure: 'peakThighSpeedDegS',
        measured: peakThighSpeedDegS(rep),
        threshold: config.angularVelocityMaxDegS,
        bound: 'max',
        unit: 'deg/s',
        message: (m, t) => `The thigh peaked at ${Math.round(m)}°/s (over ${Math.round(t)}°/s): that is a swing.`,
        cue: 'No swinging — slow and steady',
      },
      {
        measure: 'torsoLeanRangeDeg',
        measured: finite(rep.torsoLeanRangeDeg) ? rep.torsoLeanRangeDeg : null,
        threshold: config.torsoSwayMaxDeg,
        bound: 'max',
        unit: 'deg',
        message: (m, t) => `The torso moved through ${deg(m)} during the rep (over ${deg(t)}): brace and keep it still.`,
        cue: 'Keep your torso still',
      },
    ];
    if (checks.every((c) => c.measured === null)) return silent('rep timing and torso not measurable in this rep');
    return judgeChecks(checks, noise, 'worst');
  },
};
