/**
 * Runs the shared per-frame pipeline (src/node/node-frame-pipeline.ts) over the shared fixture clips and writes each landmark sequence to
 * tests/fixtures/landmarks/<clip>.<detector>.json, so the analysis core is tested on real
 * detector output without any video or model in the test run.
 *
 *   npx tsx scripts/extract-landmarks.ts [--detector blazepose-full,movenet-lightning] [clip ...]
 *
 * Clips are paths relative to ../shared/fixtures (default: every kickback/other clip and still,
 * plus the library's squat clip).
 */
import { mkdir, readdir, stat, writeFile } from 'node:fs/promises';
import { basename, extname, join, resolve } from 'node:path';
import { DETECTOR_IDS, isDetectorId } from '../workers/detector';
import { exitWithUsage, listArg, parseScriptArgs } from '../src/node/cli-args';
import type { DetectorId, PoseFrame } from '../src/pose/types';
import { estimateFrames } from '../src/node/estimate-frames';
import { createNodeFramePipeline } from '../src/node/node-frame-pipeline';
import { probeVideo } from '../src/node/probe-video';
import { REPO_ROOT, SHARED_FIXTURES_DIR } from '../src/node/repo-paths';
import { landmarkFixtureText, roundPoseFrame, type LandmarkFixture } from '../src/node/landmark-fixture';
import { LANDMARK_FIXTURES_DIR, landmarkFixtureFileName } from '../src/node/load-landmark-fixture';

const DEFAULT_DETECTORS: DetectorId[] = ['blazepose-full', 'movenet-lightning'];
const MEDIA_EXTENSIONS = new Set(['.mp4', '.mov', '.webm', '.jpg', '.jpeg', '.png']);

async function defaultClips(): Promise<string[]> {
  const clips: string[] = [];
  for (const folder of ['kickback', 'other']) {
    const names = (await readdir(join(SHARED_FIXTURES_DIR, folder))).sort();
    clips.push(...names.filter((n) => MEDIA_EXTENSIONS.has(extname(n).toLowerCase())).map((n) => `${folder}/${n}`));
  }
  clips.push('keypoints/tfjs-models/pose_squats.mp4');
  return clips;
}

const EXTRACT_LANDMARKS_USAGE = `usage: npx tsx scripts/extract-landmarks.ts [--detector id[,id]] [clip ...]

Runs the app's per-frame pipeline over fixture clips and writes each landmark sequence to
tests/fixtures/landmarks/<clip>.<detector>.json. Clips are paths relative to ../shared/fixtures
(default: every kickback/other clip and still, plus the library's squat clip).
  --detector  one or more of ${DETECTOR_IDS.join(', ')} (default: ${DEFAULT_DETECTORS.join(',')})
Exit codes: 0 done, 1 error, 2 bad arguments.`;

function extractArgs(argv: string[]): { detectors: DetectorId[]; clips: string[] } {
  const { values, positionals } = parseScriptArgs('extract-landmarks', EXTRACT_LANDMARKS_USAGE, argv, { detector: { type: 'string' } });
  if (values.detector === undefined) return { detectors: DEFAULT_DETECTORS, clips: positionals };
  const ids = listArg(values.detector);
  const bad = ids.filter((id) => !isDetectorId(id));
  if (ids.length === 0 || bad.length > 0) {
    exitWithUsage('extract-landmarks', EXTRACT_LANDMARKS_USAGE, `expected --detector id[,id] from ${DETECTOR_IDS.join(', ')}, got "${values.detector}"`);
  }
  return { detectors: ids as DetectorId[], clips: positionals };
}

interface ExtractResult {
  file: string;
  bytes: number;
  /** Per-frame detector times, the first frame (model warm-up) left out. */
  inferenceMs: number[];
  frames: number;
  personFrames: number;
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length === 0 ? Number.NaN : sorted.length % 2 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

async function extract(clip: string, detector: DetectorId): Promise<ExtractResult> {
  const path = resolve(SHARED_FIXTURES_DIR, clip);
  const info = await probeVideo(path);
  // The app's per-frame pipeline (person check and lifter lock included), so a fixture holds
  // what the app would have analysed.
  const estimator = await createNodeFramePipeline(detector);
  const frames: PoseFrame[] = [];
  const inferenceMs: number[] = [];
  try {
    for await (const { decoded, frame } of estimateFrames(path, estimator, {}, info)) {
      if (decoded.frameIndex > 0) inferenceMs.push(frame.inferenceMs);
      frames.push(roundPoseFrame(frame));
      if (decoded.frameIndex % 30 === 0) process.stderr.write(`\r  ${clip} ${detector}: frame ${decoded.frameIndex}   `);
    }
  } finally {
    estimator.dispose();
  }
  process.stderr.write('\n');
  const fixture: LandmarkFixture = {
    source: clip,
    detector,
    fps: info.fps,
    imageWidth: info.width,
    imageHeight: info.height,
    frames,
  };
  const file = join(LANDMARK_FIXTURES_DIR, landmarkFixtureFileName(basename(clip), detector));
  await writeFile(file, landmarkFixtureText(fixture));
  return {
    file,
    bytes: (await stat(file)).size,
    inferenceMs,
    frames: frames.length,
    personFrames: frames.filter((f) => f.landmarks.length > 0).length,
  };
}

async function main(): Promise<void> {
  const { detectors, clips: argClips } = extractArgs(process.argv.slice(2));
  const clips = argClips.length > 0 ? argClips : await defaultClips();
  await mkdir(LANDMARK_FIXTURES_DIR, { recursive: true });
  for (const detector of detectors) {
    const allMs: number[] = [];
    for (const clip of clips) {
      const result = await extract(clip, detector);
      allMs.push(...result.inferenceMs);
      const ms = result.inferenceMs.length > 0 ? `median ${median(result.inferenceMs).toFixed(1)} ms/frame` : 'single frame';
      console.log(
        `${detector}\t${clip}\t${result.frames} frames (${result.personFrames} with a person)\t` +
          `${ms}\t${(result.bytes / 1024).toFixed(0)} KiB\t${result.file.replace(`${REPO_ROOT}/`, '')}`,
      );
    }
    const mean = allMs.reduce((a, b) => a + b, 0) / Math.max(1, allMs.length);
    console.log(`${detector}\tinference over ${allMs.length} frames (first frame of each clip left out): median ${median(allMs).toFixed(1)} ms, mean ${mean.toFixed(1)} ms`);
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
