/**
 * Runs one clip through the app's own pipeline in Node: ffmpeg frames (src/node/estimate-frames.ts) → the shared per-frame
 * pipeline (detector, person check, lifter lock: src/node/node-frame-pipeline.ts) → the analysis
 * core's KickbackAnalyzer. Nothing here measures angles or reps itself.
 */
import type * as tf from '@tensorflow/tfjs-core';
import type { FramePipeline } from '../../workers/frame-pipeline';
import { createKickbackAnalyzer } from '../analysis/kickback-analyzer';
import type { AnalyzerOptions, FrameAnalysis } from '../analysis/types';
import { DecodeError } from './decode-frames';
import { estimateFrames } from './estimate-frames';
import { probeVideo, type VideoInfo } from './probe-video';
import { buildClipReport, unreadableReport, type ClipPartialReport, type ClipReport } from './clip-report';
import { judgeSet } from './judge-set';

export interface AnalyzeClipOptions {
  /** Name the report gives the clip (default: the path as given). */
  sourceName: string;
  backend: string;
  analyzer: Partial<AnalyzerOptions>;
  /** Frames analysed per second, about (Infinity, the default here: every frame); see frameStepFor. */
  analysisFps: number;
  /** Longer side of the frames the detector gets, pixels (Infinity, the default here: the clip's size). */
  maxSide: number;
  /** Analysed frames done and expected (both at the analysis rate). */
  onProgress: (framesDone: number, framesExpected: number) => void;
}

/**
 * Analysis rate of `npm run analyze` and `npm run eval` (analyzeClip itself defaults to every
 * frame, for the parity tests): every frame costs a pose-model run, and the count does not
 * need 30 a second.
 * ref: `npm run eval -- --rates` (docs/performance.md): the committed every-frame BlazePose
 * landmarks of the 9 labelled clips, thinned to every 2nd and every 3rd frame (10 fps on a
 * 30 fps clip), give the same counts and facing, peak times within 0.02 s; `npm run eval` on
 * the videos at 10 fps gives the same counts as every frame on all 9. The variants already run
 * at 10 fps (src/node/clip-variants.ts); the live app analyses 8-9.5 frames/s (README).
 */
export const CLI_ANALYSIS_FPS = 10;

/**
 * Longer side of the frames the detector gets in `npm run analyze` / `npm run eval`: the size
 * the app's worker is benchmarked at; BlazePose's own inputs are 224 (person detector) and
 * 256 (landmarks) px square.
 * ref: README "Measured speed" (npm run bench runs the app's worker on 640-px frames).
 */
export const CLI_MAX_SIDE_PX = 640;

export const DEFAULT_ANALYZE_CLIP_OPTIONS: Omit<AnalyzeClipOptions, 'sourceName'> = {
  backend: 'wasm',
  analyzer: {},
  analysisFps: Number.POSITIVE_INFINITY,
  maxSide: Number.POSITIVE_INFINITY,
  onProgress: () => undefined,
};

/**
 * How far below `analysisFps` a whole frame step may bring the rate (29.97 fps in steps of 3 is
 * 9.99 a second).
 * ref: `npm run eval -- --rates`: every 4th frame of a 30 fps clip (7.5 fps) changes
 * curvelog's count, every 3rd (10 fps) does not; so a 25 fps clip takes every 2nd (12.5 fps),
 * not every 3rd (8.3 fps).
 */
export const ANALYSIS_FPS_SLACK = 0.05;

/** Every how many frames of a `fps` clip to analyse: the largest step whose rate stays within the slack of `analysisFps` (1: every frame). */
export function frameStepFor(fps: number, analysisFps: number): number {
  if (!(analysisFps > 0)) throw new Error(`expected analysisFps > 0, got ${analysisFps}`);
  if (!(fps > 0) || !Number.isFinite(analysisFps)) return 1;
  return Math.max(1, Math.floor(fps / ((1 - ANALYSIS_FPS_SLACK) * analysisFps)));
}

/**
 * What analyzeClip runs each frame through: createNodeFramePipeline's pipeline (what the app
 * runs), or a bare PoseEstimator where a test wants the model alone.
 */
export type ClipFrameSource = Pick<FramePipeline<tf.Tensor3D>, 'detector' | 'estimate' | 'reset'>;

/**
 * How far short of duration × fps a complete decode may fall: the container's duration runs
 * past the last video frame when another track (audio) is longer or the last frame's length
 * is rounded.
 * ref: measured on every clip in /work/shared/fixtures (ffmpeg -f null frame count against
 * the `ffmpeg -i` Duration × fps): at most 4 frames, 0.13 s, short (curvelog 615 of 619).
 */
export const PARTIAL_DECODE_TOLERANCE_S = 0.25;

const round2 = (value: number): number => Number(value.toFixed(2));

/**
 * The partial section of the report when `framesRead` falls short of the probed length, or
 * when the decoder stopped with an error (`decoderError`); null for a complete decode.
 */
export function partialDecode(
  framesRead: number,
  info: Pick<VideoInfo, 'fps' | 'durationS' | 'isImage'>,
  decoderError: string | null = null,
  frameStep = 1,
): ClipPartialReport | null {
  if (info.isImage) return null;
  // Frames at the analysis rate: the clip's frames 0, step, 2·step, ...
  const rate = info.fps / frameStep;
  const framesExpected = Math.max(1, Math.round(info.durationS * rate));
  const toleranceFrames = Math.ceil(PARTIAL_DECODE_TOLERANCE_S * rate);
  const short = framesRead < framesExpected - toleranceFrames;
  if (!short && decoderError === null) return null;
  const secondsRead = round2(framesRead / rate);
  const secondsExpected = round2(info.durationS);
  const why = decoderError ?? 'the video ends early or its end could not be decoded';
  return {
    framesRead,
    framesExpected,
    secondsRead,
    secondsExpected,
    message: `expected ${framesExpected} frames (${secondsExpected} s), got ${framesRead} (${secondsRead} s): ${why}; the report covers only what was read`,
  };
}

/**
 * Resolves to a report; an unreadable file gives a report with error unreadable-file, not a
 * throw. `probed` is the clip's probeVideo result when the caller already has it (each video
 * is probed once).
 */
export async function analyzeClip(
  path: string,
  estimator: ClipFrameSource,
  options: Partial<AnalyzeClipOptions> = {},
  probed?: VideoInfo,
): Promise<ClipReport> {
  const opts: AnalyzeClipOptions = { ...DEFAULT_ANALYZE_CLIP_OPTIONS, sourceName: path, ...options };
  let info: VideoInfo;
  try {
    info = probed ?? (await probeVideo(path));
  } catch (error) {
    return unreadableReport(opts.sourceName, estimator.detector, opts.backend, (error as Error).message);
  }
  const frameStep = info.isImage ? 1 : frameStepFor(info.fps, opts.analysisFps);
  const expectedFrames = info.isImage ? 1 : Math.max(1, Math.round((info.durationS * info.fps) / frameStep));
  estimator.reset();
  const analyzer = createKickbackAnalyzer(opts.analyzer);
  const analyses: FrameAnalysis[] = [];
  let inferenceMsTotal = 0;
  let decoderError: string | null = null;
  try {
    for await (const { frame } of estimateFrames(path, estimator, { frameStep, maxSide: opts.maxSide }, info)) {
      inferenceMsTotal += frame.inferenceMs;
      analyses.push(analyzer.push(frame));
      opts.onProgress(analyses.length, Math.max(expectedFrames, analyses.length));
    }
  } catch (error) {
    if (analyses.length === 0 && (error instanceof DecodeError || error instanceof Error)) {
      return unreadableReport(opts.sourceName, estimator.detector, opts.backend, error.message);
    }
    if (!(error instanceof DecodeError)) throw error;
    // The decoder failed after some frames: keep what was read, and say it is partial.
    decoderError = error.reason;
  }
  const partial = partialDecode(analyses.length, info, decoderError, frameStep);
  // The video is over: a rep whose leg is already most of the way down still counts, as when
  // the user stops a live set.
  analyzer.finish();
  const { verdicts, summary } = judgeSet(analyzer.reps);
  return buildClipReport({
    source: opts.sourceName,
    durationS: info.durationS,
    detector: estimator.detector,
    backend: opts.backend,
    analyses,
    reps: analyzer.reps,
    verdicts,
    setScore: summary.score,
    framing: analyzer.framing,
    rejected: analyzer.rejected,
    inferenceMsTotal,
    analysisFps: info.isImage ? 0 : round2(info.fps / frameStep),
    ...(partial ? { partial } : {}),
  });
}
