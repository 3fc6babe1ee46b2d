import { describe, expect, it } from 'vitest';
import { DEFAULT_ANALYZE_ARGS, UsageError, parseAnalyzeArgs } from '../../src/node/analyze-args';

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
    expect(() => parseAnalyzeArgs(['a.mp4', '--fast'])).toThrow('got unknown option "--fast"');
    expect(() => parseAnalyzeArgs(['--json'])).toThrow('expected at least one video path, got none');
  });

  it('allows --help alone', () => {
    expect(parseAnalyzeArgs(['--help']).help).toBe(true);
  });
});
