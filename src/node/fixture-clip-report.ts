/** Runs the analysis core over an extracted landmark fixture instead of a video (fast eval). */
import { createKickbackAnalyzer } from '../analysis/kickback-analyzer';
import type { AnalyzerOptions } from '../analysis/types';
import { buildClipReport, type ClipReport } from './clip-report';
import { judgeSet } from './judge-set';
import type { LandmarkFixture } from './landmark-fixture';
import { frameStepFor } from './analyze-clip';

/**
 * The fixture as the CLI would analyse it at `analysisFps`: every frameStepFor-th frame, as
 * decodeFrames keeps them (the landmarks themselves come from the every-frame run).
 */
export function thinFixture(fixture: LandmarkFixture, analysisFps: number): LandmarkFixture {
  return thinFixtureByStep(fixture, fixture.fps > 0 ? frameStepFor(fixture.fps, analysisFps) : 1);
}

/** Every `step`-th frame of the fixture (a still image stays as it is). */
export function thinFixtureByStep(fixture: LandmarkFixture, step: number): LandmarkFixture {
  if (step === 1 || !(fixture.fps > 0)) return fixture;
  return { ...fixture, fps: fixture.fps / step, frames: fixture.frames.filter((_, i) => i % step === 0) };
}

export function analyzeFixture(fixture: LandmarkFixture, analyzerOptions: Partial<AnalyzerOptions> = {}): ClipReport {
  const analyzer = createKickbackAnalyzer(analyzerOptions);
  const analyses = fixture.frames.map((frame) => analyzer.push(frame));
  analyzer.finish();
  const { verdicts, summary } = judgeSet(analyzer.reps);
  const lastMs = fixture.frames.at(-1)?.timestampMs ?? 0;
  return buildClipReport({
    source: fixture.source,
    durationS: fixture.fps > 0 ? lastMs / 1000 + 1 / fixture.fps : 0,
    detector: fixture.detector,
    backend: 'landmark-fixture',
    analyses,
    reps: analyzer.reps,
    verdicts,
    setScore: summary.score,
    framing: analyzer.framing,
    rejected: analyzer.rejected,
    inferenceMsTotal: fixture.frames.reduce((sum, f) => sum + f.inferenceMs, 0),
  });
}
