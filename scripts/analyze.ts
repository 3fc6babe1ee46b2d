/**
 * KickCheck command-line analyser (docs/design.md#command-line-analyser): the app's detector adapter and analysis core over
 * each video (10 frames a second by default, or every frame), in Node (tfjs wasm, ffmpeg frames).
 *
 *   npx tsx scripts/analyze.ts <video> [more videos] [--json] [--detector blazepose-full|...] [--fps N | --all-frames]
 */
import { ANALYZE_USAGE, EXIT_CODE, UsageError, exitCodeOf, parseAnalyzeArgs, type AnalyzeArgs } from '../src/node/analyze-args';
import { analyzeClip } from '../src/node/analyze-clip';
import { unreadableReport, type ClipReport } from '../src/node/clip-report';
import { formatClipReport } from '../src/node/format-report';
import { createNodeFramePipeline, type NodeFramePipeline } from '../src/node/node-frame-pipeline';
import { probeVideo } from '../src/node/probe-video';
import { createProgressBar } from '../src/node/progress-bar';

async function run(args: AnalyzeArgs): Promise<number> {
  // The model loads on the first readable file, so a wrong path fails in a moment.
  let estimator: NodeFramePipeline | null = null;
  const progress = createProgressBar(process.stderr, !args.quiet && Boolean(process.stderr.isTTY));
  const reports: ClipReport[] = [];
  try {
    for (const video of args.videos) {
      // Probed here, before the model loads, and handed to analyzeClip: once per video.
      const probed = await probeVideo(video).then(
        (info) => ({ info, unreadableBecause: null }),
        (error: unknown) => ({ info: null, unreadableBecause: error instanceof Error ? error.message : String(error) }),
      );
      let report: ClipReport;
      if (probed.info === null) {
        report = unreadableReport(video, args.detector, 'wasm', probed.unreadableBecause);
      } else {
        // A model that fails to load fails every file alike: that one still ends the run.
        estimator ??= await createNodeFramePipeline(args.detector);
        try {
          report = await analyzeClip(video, estimator, {
            analysisFps: args.analysisFps,
            maxSide: args.maxSide,
            onProgress: (done, total) => progress.update(done, total, video),
          }, probed.info);
        } catch (error) {
          // Not the file's fault (a bug, a crashed model): this file's report says so, the
          // others are still analysed.
          const message = `expected the analysis to finish, got an internal error: ${error instanceof Error ? error.message : String(error)}`;
          report = unreadableReport(video, args.detector, 'wasm', message, 'analysis-failed');
        }
      }
      progress.finish();
      reports.push(report);
      if (report.error) console.error(`analyze: ${video}: ${report.error.message}`);
      if (report.partial) console.error(`analyze: ${video}: partial: ${report.partial.message}`);
      if (!args.json) console.log(formatClipReport(report));
    }
  } finally {
    estimator?.dispose();
  }
  if (args.json) console.log(JSON.stringify(reports.length === 1 ? reports[0] : reports, null, 2));
  return exitCodeOf(reports);
}

async function main(): Promise<void> {
  let args: AnalyzeArgs;
  try {
    args = parseAnalyzeArgs(process.argv.slice(2));
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    console.error(`analyze: ${error.message}\n\n${ANALYZE_USAGE}`);
    process.exit(EXIT_CODE.usage);
  }
  if (args.help) {
    console.log(ANALYZE_USAGE);
    return;
  }
  process.exitCode = await run(args);
}

main().catch((error: unknown) => {
  console.error(`analyze: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
