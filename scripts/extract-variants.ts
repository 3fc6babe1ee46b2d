/**
 * Makes the hard variants of every development clip (src/node/clip-variants.ts) with ffmpeg in a
 * temporary folder (never in git), runs each through the app's per-frame pipeline and writes the
 * landmark sequence to tests/fixtures/variants/<clip>.<variant>.blazepose-full.json.
 *
 *   npx tsx scripts/extract-variants.ts [--variants base,cut-lower,...] [--clips kickback/a.mp4,...]
 *                                       [--force] [--max-frames N] [--keep-videos DIR] [--estimator-only]
 *
 * Frames are analysed at a fixed 10 frames/s: the live app analyses 8-10 frames/s on a laptop
 * CPU (README, "npm run bench"), so 10 fps is what the analyser really sees, and it keeps the
 * committed JSON small. Every frame goes through the app's per-frame pipeline
 * (src/node/node-frame-pipeline.ts: detector, person check, lifter lock), so the fixtures carry
 * personCount / lifterLock / lifterBox as the app would see them. Existing fixtures are kept
 * unless --force.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import type { DetectorId, PoseFrame } from '../src/pose/types';
import { BLAZEPOSE33_INDEX } from '../src/pose/keypoint-tables';
import { CLIP_VARIANTS, clipVariant, headCutFraction, variantFfmpegArgs, type ClipVariant, type VariantClipInfo } from '../src/node/clip-variants';
import { decodeFrames, frameToTensor } from '../src/node/decode-frames';
import { checkedArgs, listArg, numberArg, parseScriptArgs, type CliOptions } from '../src/node/cli-args';
import { ffmpegPath } from '../src/node/ffmpeg-path';
import { landmarkFixtureText, roundPoseFrame } from '../src/node/landmark-fixture';
import { loadLandmarkFixture } from '../src/node/load-landmark-fixture';
import { createNodeEstimator } from '../src/node/node-estimator';
import { createNodeFramePipeline } from '../src/node/node-frame-pipeline';
import { probeVideo } from '../src/node/probe-video';
import { SHARED_FIXTURES_DIR } from '../src/node/repo-paths';
import { ANALYSIS_FPS, VARIANT_CLIPS, VARIANT_FIXTURES_DIR, loadVariantFixture, otherClipFor, variantFixtureFileName, type VariantFixture } from '../src/node/variant-fixture';

const DETECTOR: DetectorId = 'blazepose-full';
/** When the base clip has no landmark fixture to place the head cut from. */
const DEFAULT_HEAD_BOTTOM_FRAC = 0.25;

interface Args {
  variants: ClipVariant[];
  clips: string[];
  force: boolean;
  maxFrames: number;
  keepVideos: string | null;
  /** Single-person variants through the bare estimator instead of the app's frame pipeline. */
  estimatorOnly: boolean;
}

const EXTRACT_VARIANTS_USAGE = `usage: npx tsx scripts/extract-variants.ts [--variants base,cut-lower,...] [--clips kickback/a.mp4,...]
                                           [--force] [--max-frames N] [--keep-videos DIR] [--estimator-only]

Makes the hard variants of every development clip with ffmpeg in a temporary folder, runs each
through the app's per-frame pipeline at ${ANALYSIS_FPS} frames/s and writes the landmarks to
tests/fixtures/variants/<clip>.<variant>.${DETECTOR}.json. Existing fixtures are kept unless --force.
  --variants        comma-separated, from ${CLIP_VARIANTS.map((v) => v.id).join(', ')} (default: all)
  --clips           comma-separated, relative to ../shared/fixtures (default: ${VARIANT_CLIPS.join(', ')})
  --max-frames N    stop each variant after N analysed frames
  --keep-videos DIR keep the whole variant videos in DIR
  --estimator-only  single-person variants through the bare estimator, not the frame pipeline
Exit codes: 0 done, 1 error, 2 bad arguments.`;

const EXTRACT_VARIANTS_OPTIONS = {
  variants: { type: 'string' },
  clips: { type: 'string' },
  force: { type: 'boolean' },
  'max-frames': { type: 'string' },
  'keep-videos': { type: 'string' },
  'estimator-only': { type: 'boolean' },
} as const satisfies CliOptions;

function extractArgs(argv: string[]): Args {
  const { values } = parseScriptArgs('extract-variants', EXTRACT_VARIANTS_USAGE, argv, EXTRACT_VARIANTS_OPTIONS, false);
  return checkedArgs('extract-variants', EXTRACT_VARIANTS_USAGE, () => ({
    variants: values.variants === undefined ? [...CLIP_VARIANTS] : listArg(values.variants).map(clipVariant),
    clips: values.clips === undefined ? [...VARIANT_CLIPS] : listArg(values.clips),
    force: values.force ?? false,
    maxFrames: values['max-frames'] === undefined ? Number.POSITIVE_INFINITY : numberArg('--max-frames', values['max-frames'], 1),
    keepVideos: values['keep-videos'] ?? null,
    estimatorOnly: values['estimator-only'] ?? false,
  }));
}

function runFfmpeg(args: string[]): Promise<void> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(ffmpegPath(), args, { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolvePromise() : reject(new Error(`expected ffmpeg to exit 0, got ${code}: ${stderr.trim().slice(-300)}`))));
  });
}

async function clipInfo(clip: string): Promise<VariantClipInfo> {
  const info = await probeVideo(join(SHARED_FIXTURES_DIR, clip));
  // The head's lowest position from the clip's plain landmark fixture, else from its `base`
  // variant (extracted first, so a new clip has one by the time cut-head is made).
  const head = [BLAZEPOSE33_INDEX.nose, BLAZEPOSE33_INDEX.leftEye, BLAZEPOSE33_INDEX.rightEye, BLAZEPOSE33_INDEX.leftEar, BLAZEPOSE33_INDEX.rightEar];
  let frames: PoseFrame[] | null = null;
  try {
    frames = loadLandmarkFixture(basename(clip), DETECTOR).frames;
  } catch {
    frames = loadVariantFixture(clip, 'base', DETECTOR)?.frames ?? null;
  }
  const headBottomFrac = (frames && headCutFraction(frames, head)) ?? DEFAULT_HEAD_BOTTOM_FRAC;
  if (!frames) process.stderr.write(`  no landmark fixture for ${clip}: head cut at ${DEFAULT_HEAD_BOTTOM_FRAC}\n`);
  return { width: info.width, height: info.height, headBottomFrac, otherClipPath: join(SHARED_FIXTURES_DIR, otherClipFor(clip)) };
}

/** One frame source for every variant: the frame pipeline (person check, lifter lock) or the bare estimator. */
interface FrameSource {
  estimate(tensor: ReturnType<typeof frameToTensor>, timestampMs: number): Promise<PoseFrame>;
  dispose(): void;
}

async function extractOne(clip: string, variant: ClipVariant, info: VariantClipInfo, args: Args, work: string, source: FrameSource): Promise<string> {
  const stem = `${basename(clip).replace(/\.[^.]+$/, '')}.${variant.id}`;
  const variantVideo = join(args.keepVideos ?? work, `${stem}.mp4`);
  const analysisVideo = join(work, `${stem}.10fps.mp4`);
  // Kept variant videos (--keep-videos) are whole; temporary ones are encoded at the analysis rate.
  await runFfmpeg(variantFfmpegArgs(variant, info, join(SHARED_FIXTURES_DIR, clip), variantVideo, { outputFps: args.keepVideos ? null : ANALYSIS_FPS }));
  // The fixed analysis rate, lossless so it adds nothing of its own to the variant.
  await runFfmpeg(['-hide_banner', '-loglevel', 'error', '-nostdin', '-y', '-i', variantVideo, '-vf', `fps=${ANALYSIS_FPS}`, '-an', '-c:v', 'libx264', '-preset', 'ultrafast', '-qp', '0', analysisVideo]);
  const probed = await probeVideo(analysisVideo);
  const frames: PoseFrame[] = [];
  const started = Date.now();
  for await (const decoded of decodeFrames(analysisVideo, { maxFrames: args.maxFrames }, probed)) {
    const tensor = frameToTensor(decoded);
    try {
      frames.push(roundPoseFrame(await source.estimate(tensor, decoded.timestampMs)));
    } finally {
      tensor.dispose();
    }
  }
  const fixture: VariantFixture = {
    source: clip,
    variant: variant.id,
    detector: DETECTOR,
    fps: ANALYSIS_FPS,
    imageWidth: probed.width,
    imageHeight: probed.height,
    frames,
  };
  const file = join(VARIANT_FIXTURES_DIR, variantFixtureFileName(clip, variant.id, DETECTOR));
  await writeFile(file, landmarkFixtureText(fixture));
  if (!args.keepVideos) await rm(variantVideo, { force: true });
  await rm(analysisVideo, { force: true });
  const msPerFrame = (Date.now() - started) / Math.max(1, frames.length);
  return `${variant.id}\t${clip}\t${frames.length} frames\t${msPerFrame.toFixed(0)} ms/frame\t${((await stat(file)).size / 1024).toFixed(0)} KiB`;
}

async function main(): Promise<void> {
  const args = extractArgs(process.argv.slice(2));
  await mkdir(VARIANT_FIXTURES_DIR, { recursive: true });
  if (args.keepVideos) await mkdir(args.keepVideos, { recursive: true });
  const work = await mkdtemp(join(tmpdir(), 'kickcheck-variants-'));
  const infos = new Map<string, VariantClipInfo>();
  try {
    for (const variant of args.variants) {
      for (const clip of args.clips) {
        const file = join(VARIANT_FIXTURES_DIR, variantFixtureFileName(clip, variant.id, DETECTOR));
        if (existsSync(file) && !args.force) continue;
        if (!infos.has(clip)) infos.set(clip, await clipInfo(clip));
        // A fresh detector per clip: its temporal filter (and the lifter lock) must not carry
        // from one clip into the next.
        // Two people need the pipeline's lifter lock; --estimator-only is for timing comparisons.
        const usePipeline = variant.twoPeople || !args.estimatorOnly;
        const source: FrameSource = usePipeline ? await createNodeFramePipeline(DETECTOR) : await createNodeEstimator(DETECTOR);
        process.stderr.write(`  ${variant.id} ${clip} through ${usePipeline ? 'the frame pipeline' : 'the bare estimator'}\n`);
        try {
          console.log(await extractOne(clip, variant, infos.get(clip) as VariantClipInfo, args, work, source));
        } finally {
          source.dispose();
        }
      }
    }
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.stack ?? error.message : String(error));
  process.exit(1);
});
