import { describe, expect, it } from 'vitest';
import { ANALYZE_USAGE, DEFAULT_ANALYZE_ARGS, EXIT_CODE, UsageError, exitCodeOf, parseAnalyzeArgs } from '../../src/node/analyze-args';
import { unreadableReport, type ClipReport } from '../../src/node/clip-report';
import { CLI_ANALYSIS_FPS, CLI_MAX_SIDE_PX } from '../../src/node/analyze-clip';

describe('parseAnalyzeArgs', () => {
  it('takes videos in order and defaults to BlazePose full, text output', () => {
    expect(parseAnalyzeArgs(['a.mp4', 'b.mov'])).toEqual({ ...DEFAULT_ANALYZE_ARGS, videos: ['a.mp4', 'b.mov'] });
  });

  it('reads --json, --quiet and --detector in any position, spaced or with =', () => {
    expect(parseAnalyzeArgs(['--json', 'a.mp4', '--detector', 'movenet-thunder', '-q'])).toMatchObject({
      videos: ['a.mp4'], json: true, quiet: true, detector: 'movenet-thunder',
    });
    expect(parseAnalyzeArgs(['--detector=blazepose-lite', 'a.mp4']).detector).toBe('blazepose-lite');
  });

  it('rejects an unknown detector, naming the allowed ones', () => {
    expect(() => parseAnalyzeArgs(['a.mp4', '--detector', 'posenet'])).toThrow(UsageError);
    expect(() => parseAnalyzeArgs(['a.mp4', '--detector', 'posenet'])).toThrow(/expected --detector to be one of blazepose-lite, .*movenet-thunder, got "posenet"/);
    expect(() => parseAnalyzeArgs(['a.mp4', '--detector'])).toThrow(/got nothing/);
  });

  it('rejects unknown options and a missing video', () => {
    expect(() => parseAnalyzeArgs(['a.mp4', '--fast'])).toThrow(/^expected one of --json, --detector, --quiet, -q, --help, -h, --fps, --all-frames, --max-side, --full-size, got --fast$/);
    expect(() => parseAnalyzeArgs(['a.mp4', '--json=yes'])).toThrow('expected --json without a value, got "yes"');
    expect(() => parseAnalyzeArgs(['--json'])).toThrow('expected at least one video path, got none');
  });

  it('allows --help alone', () => {
    expect(parseAnalyzeArgs(['--help']).help).toBe(true);
  });
});

describe('exitCodeOf', () => {
  const report = (extra: Partial<ClipReport> = {}): ClipReport => ({ ...unreadableReport('a.mp4', 'blazepose-full', 'wasm', 'x'), error: undefined, ...extra });
  const partial = { framesRead: 15, framesExpected: 303, secondsRead: 0.5, secondsExpected: 10.1, message: 'short' };

  it('gives one video its own code, partial before the analysis error', () => {
    expect(exitCodeOf([report()])).toBe(EXIT_CODE.ok);
    expect(exitCodeOf([report({ error: { code: 'no-person', message: 'x' } })])).toBe(EXIT_CODE['no-person']);
    expect(exitCodeOf([report({ partial })])).toBe(EXIT_CODE.partial);
    expect(exitCodeOf([report({ partial, error: { code: 'no-person', message: 'x' } })])).toBe(EXIT_CODE.partial);
  });

  it('gives several videos 0 only when all were read in full, else some-failed', () => {
    expect(exitCodeOf([report(), report()])).toBe(EXIT_CODE.ok);
    expect(exitCodeOf([report(), report({ partial })])).toBe(EXIT_CODE['some-failed']);
    expect(exitCodeOf([report({ error: { code: 'unreadable-file', message: 'x' } }), report()])).toBe(EXIT_CODE['some-failed']);
  });

  it('documents every exit code in the usage text', () => {
    expect(new Set(Object.values(EXIT_CODE)).size).toBe(Object.keys(EXIT_CODE).length);
    for (const code of Object.values(EXIT_CODE)) expect(ANALYZE_USAGE).toMatch(new RegExp(`\\b${code} [a-z]`));
  });
});

describe('parseAnalyzeArgs: rate and size', () => {
  it('defaults to the CLI rate and size, and takes --fps, --all-frames, --max-side, --full-size', () => {
    expect(parseAnalyzeArgs(['a.mp4'])).toMatchObject({ analysisFps: CLI_ANALYSIS_FPS, maxSide: CLI_MAX_SIDE_PX });
    expect(parseAnalyzeArgs(['a.mp4', '--fps', '15', '--max-side=480'])).toMatchObject({ analysisFps: 15, maxSide: 480 });
    expect(parseAnalyzeArgs(['--all-frames', 'a.mp4', '--full-size'])).toMatchObject({ analysisFps: Infinity, maxSide: Infinity });
  });

  it('rejects a rate or size that is not a number in range', () => {
    expect(() => parseAnalyzeArgs(['a.mp4', '--fps', 'fast'])).toThrow('expected --fps to be a number >= 1, got "fast"');
    expect(() => parseAnalyzeArgs(['a.mp4', '--fps', '0'])).toThrow(UsageError);
    expect(() => parseAnalyzeArgs(['a.mp4', '--max-side', '10'])).toThrow('expected --max-side to be a number >= 64, got "10"');
    expect(() => parseAnalyzeArgs(['a.mp4', '--max-side'])).toThrow('got nothing');
  });

  it('rejects a rate and all frames together, and a size and full size together', () => {
    expect(() => parseAnalyzeArgs(['a.mp4', '--fps', '15', '--all-frames'])).toThrow('expected --fps N or --all-frames, got both');
    expect(() => parseAnalyzeArgs(['a.mp4', '--full-size', '--max-side=480'])).toThrow('expected --max-side PX or --full-size, got both');
  });

  it('takes a video named like an option after --', () => {
    expect(parseAnalyzeArgs(['--json', '--', '-clip.mp4']).videos).toEqual(['-clip.mp4']);
  });
});
