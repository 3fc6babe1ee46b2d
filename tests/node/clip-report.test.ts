import { describe, expect, it } from 'vitest';
import type { FrameAnalysis, RepMetrics, ViewAssessment } from '../../src/analysis/types';
import type { RepVerdict, RuleId } from '../../src/feedback';
import { buildClipReport, mostCommon, type ClipRunInput } from '../../src/node/clip-report';
import { formatClipReport } from '../../src/node/format-report';

function view(overrides: Partial<ViewAssessment> = {}): ViewAssessment {
  return { kind: 'side', personFound: true, inFrame: true, usable: true, reason: null, missingJoints: [], ...overrides };
}

function analysis(timestampMs: number, overrides: Partial<FrameAnalysis> = {}): FrameAnalysis {
  return {
    timestampMs,
    angles: { torsoLeanDeg: 45, hipExtensionDeg: 10, thighElevationDeg: 20, kneeFlexionDeg: 15, lumbarArchDeg: 0, pelvisTiltDeg: null },
    anglePath: '2d', lumbarArchSource: 'trunk-lean', workingLeg: 'right', facing: 'left', view: view(),
    phase: 'setup', repCount: 0, completedRep: null, framing: [], rejectedRep: null, rejectedCount: 0, otherPeople: 0,
    ...overrides,
  };
}

function rep(index: number): RepMetrics {
  return {
    index, leg: 'right', startMs: 600, peakMs: 1523.4, endMs: 2611,
    peakHipExtensionDeg: 18.24, romDeg: 55.06, concentricS: 0.9234, eccentricS: 1.0876, holdS: 0.3,
    peakAngularVelocityDegS: 120, kneeFlexionAtPeakDeg: 21.04, kneeFlexionRangeDeg: 10,
    kneeFlexionRiseLiftingDeg: 2, torsoLeanMeanDeg: 44, torsoLeanRangeDeg: 4, lumbarArchPeakDeg: 3.06,
    pelvisTiltMaxDeg: null, anglePath: '2d', confidence: 0.987, series: [],
  };
}

/** A verdict raising these rules (the feedback layer's own output is tested in tests/feedback). */
function verdict(index: number, flags: RuleId[] = []): RepVerdict {
  return {
    repIndex: index, leg: 'right', silent: [], clean: flags.length === 0,
    flags: flags.map((ruleId) => ({
      ruleId, severity: 1, measure: 'm', measured: 1, threshold: 0, unit: 'deg', thresholdSource: 'preset', message: '', cue: '',
      borderline: false,
    })),
  };
}

/** Reps 1..n, rep i raising flagsPerRep[i-1]. */
function input(overrides: Partial<ClipRunInput> = {}, flagsPerRep: RuleId[][] = [[]]): ClipRunInput {
  return {
    source: 'clip.mp4', durationS: 14.3333, detector: 'blazepose-full', backend: 'wasm',
    analyses: [analysis(0), analysis(33), analysis(67)],
    reps: flagsPerRep.map((_, i) => rep(i + 1)),
    verdicts: flagsPerRep.map((flags, i) => verdict(i + 1, flags)),
    setScore: 80,
    inferenceMsTotal: 150,
    ...overrides,
  };
}

// The issue-4 JSON contract: every key, with its type.
const ISSUE_KEYS = ['source', 'durationS', 'framesAnalysed', 'detector', 'backend', 'workingLeg', 'facing', 'view', 'reps', 'framing', 'rejected', 'summary'];
const REP_KEYS = ['index', 'startS', 'peakS', 'endS', 'peakHipExtensionDeg', 'romDeg', 'kneeFlexionAtPeakDeg', 'torsoLeanMeanDeg', 'lumbarArchPeakDeg', 'concentricS', 'eccentricS', 'holdS', 'flags'];

describe('buildClipReport', () => {
  it('has the issue-4 shape with seconds and rounded degrees', () => {
    const report = buildClipReport(input());
    for (const key of ISSUE_KEYS) expect(report).toHaveProperty(key);
    expect(report).toMatchObject({
      source: 'clip.mp4', durationS: 14.33, framesAnalysed: 3, detector: 'blazepose-full', backend: 'wasm',
      workingLeg: 'right', facing: 'left', view: 'side', summary: { repCount: 1, score: 80, flagCounts: {} },
    });
    const [first] = report.reps;
    for (const key of REP_KEYS) expect(first).toHaveProperty(key);
    expect(first).toMatchObject({
      index: 1, startS: 0.6, peakS: 1.52, endS: 2.61, peakHipExtensionDeg: 18.2, romDeg: 55.1,
      kneeFlexionAtPeakDeg: 21, torsoLeanMeanDeg: 44, lumbarArchPeakDeg: 3.1, concentricS: 0.92, eccentricS: 1.09, holdS: 0.3, flags: [],
    });
    expect(report.error).toBeUndefined();
    expect(JSON.parse(JSON.stringify(report))).toEqual(report);
  });

  it('lists each rep\'s flags from its verdict, counts them, and passes the set score through', () => {
    const report = buildClipReport(input({ setScore: 65 }, [['no-squeeze'], [], ['torso-lean', 'no-squeeze'], []]));
    expect(report.reps.map((r) => r.flags)).toEqual([['no-squeeze'], [], ['torso-lean', 'no-squeeze'], []]);
    expect(report.summary).toEqual({ repCount: 4, score: 65, flagCounts: { 'no-squeeze': 2, 'torso-lean': 1 } });
  });

  it('refuses verdicts that do not match the reps', () => {
    expect(() => buildClipReport(input({ verdicts: [] }))).toThrow('expected one verdict per rep (1), got 0');
  });

  it('takes facing, view and working leg as the most common values', () => {
    const analyses = [
      analysis(0, { facing: 'right', workingLeg: null }),
      analysis(1, { facing: 'left', workingLeg: 'left' }),
      analysis(2, { facing: 'left', workingLeg: 'left', view: view({ kind: 'oblique' }) }),
      analysis(3, { facing: 'left', workingLeg: 'right', view: view({ kind: 'oblique' }) }),
      analysis(4, { facing: null, workingLeg: 'left', view: view({ kind: 'oblique' }) }),
    ];
    expect(buildClipReport(input({ analyses }))).toMatchObject({ facing: 'left', workingLeg: 'left', view: 'oblique' });
  });

  it('reports no-person with repCount 0 when no frame had a person', () => {
    const nobody = view({ personFound: false, usable: false, kind: 'unusable', reason: 'No person in view' });
    const report = buildClipReport(input({ analyses: [analysis(0, { view: nobody }), analysis(1, { view: nobody })] }, []));
    expect(report.error).toEqual({ code: 'no-person', message: 'expected a person in the video, got none in 2 frames' });
    expect(report.summary.repCount).toBe(0);
    expect(report.reps).toEqual([]);
  });

  it('reports unusable-view with the core\'s most common reason', () => {
    const front = view({ kind: 'front', usable: false, reason: 'Turn sideways to the camera' });
    const report = buildClipReport(input({ analyses: [analysis(0, { view: front }), analysis(1, { view: front })] }, []));
    expect(report.error?.code).toBe('unusable-view');
    expect(report.error?.message).toBe('expected a side or oblique view with the whole body in frame, got front (Turn sideways to the camera)');
    expect(report.summary).toEqual({ repCount: 0, score: null, flagCounts: {} });
  });

  it('carries framing ranges and rejected reps in seconds, and prints them', () => {
    const report = buildClipReport(input({
      framing: [{ reason: 'feet-out-of-frame', message: 'Step back: feet out of frame', startMs: 2000, endMs: 5533.3 }],
      rejected: [{ leg: 'left', startMs: 6100, peakMs: 6823.4, endMs: 7512, reason: 'legs-not-visible', message: 'legs not clearly visible', evidence: 0.2912 }],
    }));
    expect(report.framing).toEqual([{ startS: 2, endS: 5.53, reason: 'feet-out-of-frame', message: 'Step back: feet out of frame' }]);
    expect(report.rejected).toEqual([
      { startS: 6.1, peakS: 6.82, endS: 7.51, leg: 'left', reason: 'legs-not-visible', message: 'legs not clearly visible', evidence: 0.29 },
    ]);
    // A rejected movement is never part of the count.
    expect(report.summary.repCount).toBe(1);
    const text = formatClipReport(report);
    expect(text).toContain('not counted 6.10–7.51 s (peak 6.82 s, left leg): legs not clearly visible');
    expect(text).toContain('2.0–5.5 s  Step back: feet out of frame');
  });

  it('has empty framing and rejected lists when the analyser reported none', () => {
    const report = buildClipReport(input());
    expect(report.framing).toEqual([]);
    expect(report.rejected).toEqual([]);
    expect(formatClipReport(report)).not.toMatch(/framing:|not counted/);
  });

  it('prints a readable summary line per rep', () => {
    const text = formatClipReport(buildClipReport(input({ setScore: 90 }, [['no-squeeze']])));
    expect(text).toContain('clip.mp4 — 14.3 s, 3 frames, blazepose-full on wasm');
    expect(text).toContain('reps: 1, score 90');
    expect(text).toMatch(/#1 0\.60–2\.61 s \(peak 1\.52 s\).*flags: no-squeeze/);
  });
});

describe('mostCommon', () => {
  it('ignores nulls and keeps the first of a tie', () => {
    expect(mostCommon([null, 'b', 'a', 'a', 'b'])).toBe('b');
    expect(mostCommon([null, null])).toBeNull();
  });
});
