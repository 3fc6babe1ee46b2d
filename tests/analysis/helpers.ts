import { createKickbackAnalyzer } from '../../src/analysis/kickback-analyzer';
import type { AnalyzerOptions, FrameAnalysis } from '../../src/analysis/types';
import type { PoseFrame } from '../../src/pose/types';

export function analyse(frames: readonly PoseFrame[], options: Partial<AnalyzerOptions> = {}) {
  const analyzer = createKickbackAnalyzer(options);
  const results: FrameAnalysis[] = frames.map((f) => analyzer.push(f));
  return { analyzer, results, reps: analyzer.reps, last: results[results.length - 1] };
}
