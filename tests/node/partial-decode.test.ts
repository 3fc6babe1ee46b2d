import { describe, expect, it } from 'vitest';
import { PARTIAL_DECODE_TOLERANCE_S, frameStepFor, partialDecode } from '../../src/node/analyze-clip';

// dosipov: 10.1 s at 30 fps in the container; 300 frames decode from the whole file.
const CLIP = { fps: 30, durationS: 10.1, isImage: false };

describe('partialDecode', () => {
  it('accepts a whole clip whose container runs a few frames past the last video frame', () => {
    expect(partialDecode(300, CLIP)).toBeNull();
    expect(partialDecode(303, CLIP)).toBeNull();
  });

  it('reports a decode that stops short with how much was read', () => {
    expect(partialDecode(15, CLIP)).toEqual({
      framesRead: 15,
      framesExpected: 303,
      secondsRead: 0.5,
      secondsExpected: 10.1,
      message: 'expected 303 frames (10.1 s), got 15 (0.5 s): the video ends early or its end could not be decoded; the report covers only what was read',
    });
  });

  it('draws the line at the tolerance', () => {
    const tolerated = 303 - Math.ceil(PARTIAL_DECODE_TOLERANCE_S * 30);
    expect(partialDecode(tolerated, CLIP)).toBeNull();
    expect(partialDecode(tolerated - 1, CLIP)?.framesRead).toBe(tolerated - 1);
  });

  it('is partial whenever the decoder failed, even with the frame count in range', () => {
    expect(partialDecode(302, CLIP, 'ffmpeg was stopped by SIGKILL')?.message).toBe(
      'expected 303 frames (10.1 s), got 302 (10.07 s): ffmpeg was stopped by SIGKILL; the report covers only what was read',
    );
  });

  it('never calls a still image partial', () => {
    expect(partialDecode(1, { fps: 0, durationS: 0, isImage: true })).toBeNull();
  });
});

describe('partialDecode at an analysis rate below the clip\'s', () => {
  it('counts expected frames at the analysis rate', () => {
    // Every third frame of the 30 fps clip: 10 a second.
    expect(partialDecode(100, CLIP, null, 3)).toBeNull();
    expect(partialDecode(5, CLIP, null, 3)).toMatchObject({ framesRead: 5, framesExpected: 101, secondsRead: 0.5, secondsExpected: 10.1 });
  });
});

describe('frameStepFor', () => {
  it('takes the largest whole step that keeps the rate within 5 % of the wanted one', () => {
    expect(frameStepFor(30, 10)).toBe(3);
    expect(frameStepFor(29.97, 10)).toBe(3);
    // 12.5 fps, not 8.3.
    expect(frameStepFor(25, 10)).toBe(2);
    expect(frameStepFor(23.98, 10)).toBe(2);
    expect(frameStepFor(60, 10)).toBe(6);
    expect(frameStepFor(5, 10)).toBe(1);
    expect(frameStepFor(30, Number.POSITIVE_INFINITY)).toBe(1);
    expect(() => frameStepFor(30, 0)).toThrow('expected analysisFps > 0, got 0');
  });
});
