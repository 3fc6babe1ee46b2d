import { kickLimit } from '../arch-onset';
import { deg, silent, type RuleDefinition } from '../rule-definition';
import { SEVERITY } from '../rule-ids';
import { archRiseWhileExtendingDeg } from '../rep-signals';
import { finite } from '../stats';
import { judgeChecks } from '../threshold-check';

/**
 * Two ways to see a kick past the arch point: the hip "extends" more than the hip joint can (the
 * trunk line runs shoulder → hip, so lumbar extension reads as extra hip extension), or the
 * lumbar-arch proxy rises while the leg is up. Either is enough; the arch reading wins the message
 * when both fire because it names the cause.
 */
export const kickTooHigh: RuleDefinition = {
  id: 'kick-too-high',
  title: 'Kick too high',
  guideQuote: 'Limit the height of the kick to the point just before the lower back begins to arch.',
  signal:
    'Peak hip extension past the trunk line against the personal arch-onset target (+ margin) when learned, ' +
    'else the anatomical limit (~20° + margin); and the rise of the lumbar-arch proxy while the hip is in the ' +
    'upper half of its kick (rep.series, falling back to lumbarArchPeakDeg).',
  reads: ['peakHipExtensionDeg', 'series', 'lumbarArchPeakDeg'],
  severity: SEVERITY.safety,
  cue: 'Lower the kick',
  explanation:
    'The hip joint itself only extends about 10–20° behind the body. Beyond that the lower back arches to lift ' +
    'the leg higher, which moves the load from the glutes onto the lumbar spine. Stop just before your back ' +
    'starts to arch, squeeze there, and lower.',
  thresholdKeys: ['kickHipExtensionMaxDeg', 'archRiseMaxDeg', 'personalTargetMarginDeg'],
  evaluate({ rep, config, personalTargetDeg, noise }) {
    const hip = finite(rep.peakHipExtensionDeg) ? rep.peakHipExtensionDeg : null;
    const arch = archRiseWhileExtendingDeg(rep);
    if (hip === null && arch === null) {
      return silent('hip extension and back arch not measurable in this rep (hip, knee or shoulders not visible)');
    }
    const { limitDeg, source } = kickLimit(config, personalTargetDeg);
    const what = source === 'personal' ? 'your learned arch point' : "the hip joint's own range";
    // Arch first: when both fail clearly its message names the cause.
    return judgeChecks(
      [
        {
          measure: 'archRiseDeg',
          measured: arch,
          threshold: config.archRiseMaxDeg,
          bound: 'max',
          unit: 'deg',
          message: (m, t) => `Your lower back arched ${deg(m)} while the leg was up (more than ${deg(t)}): the kick went past the arch point.`,
          cue: "Lower the kick — back's arching",
        },
        {
          measure: 'peakHipExtensionDeg',
          measured: hip,
          threshold: limitDeg,
          bound: 'max',
          unit: 'deg',
          thresholdSource: source,
          message: (m, t) => `Hip extension reached ${deg(m)}, past ${what} (${deg(t)}): the lower back lifted the rest.`,
          cue: 'Lower the kick',
        },
      ],
      noise,
    );
  },
};
