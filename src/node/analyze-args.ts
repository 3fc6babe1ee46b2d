/** Command-line arguments of scripts/analyze.ts, parsed without touching any file. */
import type { DetectorId } from '../pose/types';
import { DETECTOR_IDS, isDetectorId } from '../../workers/detector';
import type { ClipErrorCode, ClipReport } from './clip-report';
import { CLI_ANALYSIS_FPS, CLI_MAX_SIDE_PX } from './analyze-clip';

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
  detector: 'blazepose-full',
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

export class UsageError extends Error {
  override name = 'UsageError';
}

export function parseAnalyzeArgs(argv: readonly string[]): AnalyzeArgs {
  const args: AnalyzeArgs = { ...DEFAULT_ANALYZE_ARGS, videos: [] };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (arg === '--json') args.json = true;
    else if (arg === '--quiet' || arg === '-q') args.quiet = true;
    else if (arg === '--help' || arg === '-h') args.help = true;
    else if (arg === '--detector' || arg.startsWith('--detector=')) {
      const value = arg.includes('=') ? arg.slice(arg.indexOf('=') + 1) : argv[++i];
      if (value === undefined || !isDetectorId(value)) {
        throw new UsageError(`expected --detector to be one of ${DETECTOR_IDS.join(', ')}, got ${value === undefined ? 'nothing' : `"${value}"`}`);
      }
      args.detector = value;
    } else if (arg === '--all-frames') args.analysisFps = Number.POSITIVE_INFINITY;
    else if (arg === '--full-size') args.maxSide = Number.POSITIVE_INFINITY;
    else if (arg === '--fps' || arg.startsWith('--fps=') || arg === '--max-side' || arg.startsWith('--max-side=')) {
      const name = arg.split('=')[0] as '--fps' | '--max-side';
      const value = arg.includes('=') ? arg.slice(arg.indexOf('=') + 1) : argv[++i];
      const number = Number(value);
      const min = name === '--fps' ? 1 : 64;
      if (value === undefined || value.trim() === '' || !Number.isFinite(number) || number < min) {
        throw new UsageError(`expected ${name} to be a number >= ${min}, got ${value === undefined ? 'nothing' : `"${value}"`}`);
      }
      if (name === '--fps') args.analysisFps = number;
      else args.maxSide = Math.round(number);
    } else if (arg.startsWith('-') && arg !== '-') {
      throw new UsageError(`expected a video path or --json/--detector/--quiet/--help/--fps/--all-frames/--max-side/--full-size, got unknown option "${arg}"`);
    } else args.videos.push(arg);
  }
  if (!args.help && args.videos.length === 0) throw new UsageError('expected at least one video path, got none');
  return args;
}
