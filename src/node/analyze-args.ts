/** Command-line arguments of scripts/analyze.ts (node:util parseArgs, src/node/cli-args.ts), parsed without touching any file. */
import type { DetectorId } from '../pose/types';
import { DEFAULT_DETECTOR } from '../pose/detector-registry';
import { DETECTOR_IDS, isDetectorId } from '../../workers/detector';
import type { ClipErrorCode, ClipReport } from './clip-report';
import { CLI_ANALYSIS_FPS, CLI_MAX_SIDE_PX } from './analyze-clip';
import { UsageError, numberArg, parseCliArgs, type CliOptions } from './cli-args';

export { UsageError };

/**
 * Process exit codes. One video: its own code (a partial decode before the analysis's error).
 * Several videos: 0 when every one was analysed in full, else `some-failed`; each report says
 * which failed and why, and every video is reported.
 */
export const EXIT_CODE: Readonly<Record<'ok' | 'usage' | 'partial' | 'some-failed' | ClipErrorCode, number>> = {
  ok: 0,
  'analysis-failed': 1,
  usage: 2,
  'unreadable-file': 3,
  'no-person': 4,
  'unusable-view': 5,
  partial: 6,
  'some-failed': 7,
};

/** See EXIT_CODE: one video gives its own code, several give 0 or some-failed. */
export function exitCodeOf(reports: readonly ClipReport[]): number {
  const codeOf = (r: ClipReport): number =>
    r.partial ? EXIT_CODE.partial : r.error ? EXIT_CODE[r.error.code] : EXIT_CODE.ok;
  if (reports.length === 1) return codeOf(reports[0] as ClipReport);
  return reports.some((r) => codeOf(r) !== EXIT_CODE.ok) ? EXIT_CODE['some-failed'] : EXIT_CODE.ok;
}

export interface AnalyzeArgs {
  videos: string[];
  json: boolean;
  detector: DetectorId;
  /** No progress bar on stderr. */
  quiet: boolean;
  help: boolean;
  /** Frames analysed per second (Infinity: every frame, --all-frames). */
  analysisFps: number;
  /** Longer side of the frames the detector gets, px (Infinity: the clip's own size, --full-size). */
  maxSide: number;
}

export const DEFAULT_ANALYZE_ARGS: AnalyzeArgs = {
  videos: [],
  json: false,
  detector: DEFAULT_DETECTOR,
  quiet: false,
  help: false,
  analysisFps: CLI_ANALYSIS_FPS,
  maxSide: CLI_MAX_SIDE_PX,
};

export const ANALYZE_USAGE = `usage: analyze <video> [more videos] [--json] [--detector ${DETECTOR_IDS.join('|')}] [--quiet]
               [--fps N | --all-frames] [--max-side PX | --full-size]

Runs KickCheck's detector and analysis core over each video and prints a per-set summary (or,
with --json, one JSON object per video; an array for several videos). By default it analyses
about ${CLI_ANALYSIS_FPS} frames a second (every n-th frame, at least ${CLI_ANALYSIS_FPS * 0.95} a second; --fps N,
or --all-frames for every frame) scaled to ${CLI_MAX_SIDE_PX} px on the longer side (--max-side
PX, or --full-size): on the labelled clips the counts are those of every frame (npm run eval).
Exit codes (one video): 0 ok, 1 internal error, 2 bad arguments, 3 unreadable file (no video
stream, not a video, missing), 4 no person found, 5 unusable view, 6 partial: the video stopped
decoding early (truncated or corrupt; the report covers what was read and says how much).
Several videos: 0 if every one was analysed in full, 7 if any failed or was partial; every
video is still reported (a JSON array with --json), each with its own error or partial.`;

const ANALYZE_OPTIONS = {
  json: { type: 'boolean' },
  detector: { type: 'string' },
  quiet: { type: 'boolean', short: 'q' },
  help: { type: 'boolean', short: 'h' },
  fps: { type: 'string' },
  'all-frames': { type: 'boolean' },
  'max-side': { type: 'string' },
  'full-size': { type: 'boolean' },
} as const satisfies CliOptions;

/** Throws UsageError (exit code `usage`) for bad arguments. */
export function parseAnalyzeArgs(argv: readonly string[]): AnalyzeArgs {
  const { values, positionals } = parseCliArgs(argv, ANALYZE_OPTIONS);
  const args: AnalyzeArgs = { ...DEFAULT_ANALYZE_ARGS, videos: positionals, json: values.json ?? false, quiet: values.quiet ?? false, help: values.help ?? false };
  if (values.detector !== undefined) {
    if (!isDetectorId(values.detector)) throw new UsageError(`expected --detector to be one of ${DETECTOR_IDS.join(', ')}, got "${values.detector}"`);
    args.detector = values.detector;
  }
  if (values.fps !== undefined && values['all-frames']) throw new UsageError('expected --fps N or --all-frames, got both');
  if (values['max-side'] !== undefined && values['full-size']) throw new UsageError('expected --max-side PX or --full-size, got both');
  if (values['all-frames']) args.analysisFps = Number.POSITIVE_INFINITY;
  if (values.fps !== undefined) args.analysisFps = numberArg('--fps', values.fps, 1);
  if (values['full-size']) args.maxSide = Number.POSITIVE_INFINITY;
  if (values['max-side'] !== undefined) args.maxSide = Math.round(numberArg('--max-side', values['max-side'], 64));
  if (!args.help && args.videos.length === 0) throw new UsageError('expected at least one video path, got none');
  return args;
}
