import { describe, expect, it } from 'vitest';
import type { PoseFrame } from '../../src/pose/types';
import { validatePoseFrame } from '../../src/pose/validate-pose-frame';

function frame(overrides: Record<string, unknown> = {}): PoseFrame {
  const landmarks = Array.from({ length: 17 }, (_, i) => ({ x: 100 + i, y: 100 + i, visibility: 0.9 }));
  return { timestampMs: 1000, imageWidth: 640, imageHeight: 480, keypointSet: 'movenet17', landmarks, score: 0.9, inferenceMs: 0, ...overrides } as PoseFrame;
}

describe('validatePoseFrame: hostile and malformed frames', () => {
  it('accepts a well-formed frame, with and without a person', () => {
    expect(() => validatePoseFrame(frame())).not.toThrow();
    expect(() => validatePoseFrame(frame({ landmarks: [] }))).not.toThrow();
    expect(() => validatePoseFrame(frame({ keypointSet: 'blazepose33', landmarks: [], worldLandmarks: [] }))).not.toThrow();
  });

  it.each([
    ['width Infinity', { imageWidth: Number.POSITIVE_INFINITY }, 'expected positive imageWidth and imageHeight, got Infinityx480'],
    ['height NaN', { imageHeight: Number.NaN }, 'expected positive imageWidth and imageHeight, got 640xNaN'],
    ['width negative', { imageWidth: -640 }, 'expected positive imageWidth and imageHeight, got -640x480'],
    ['width as a string', { imageWidth: '640' }, 'expected positive imageWidth and imageHeight, got "640"x480'],
  ])('rejects image size: %s', (_name, overrides, message) => {
    expect(() => validatePoseFrame(frame(overrides))).toThrow(new RangeError(message));
  });

  it.each([
    ['Infinity', Number.POSITIVE_INFINITY, 'Infinity'],
    ['-Infinity', Number.NEGATIVE_INFINITY, '-Infinity'],
    ['a numeric string', '1000', '"1000"'],
  ])('rejects timestampMs %s', (_name, timestampMs, got) => {
    expect(() => validatePoseFrame(frame({ timestampMs }))).toThrow(new TypeError(`expected a finite timestampMs, got ${got}`));
  });

  it.each(['toString', '__proto__', 'constructor', 'hasOwnProperty', 'valueOf'])('rejects keypointSet %j (a prototype key, not a layout)', (keypointSet) => {
    expect(() => validatePoseFrame(frame({ keypointSet }))).toThrow(
      new TypeError(`expected keypointSet blazepose33 or movenet17, got "${keypointSet}"`),
    );
  });

  it('rejects a keypointSet that is not a string, and landmark lists that are not arrays', () => {
    expect(() => validatePoseFrame(frame({ keypointSet: 17 }))).toThrow('expected keypointSet blazepose33 or movenet17, got 17');
    expect(() => validatePoseFrame(frame({ landmarks: { length: 17 } }))).toThrow('expected landmarks to be an array, got [object Object]');
    expect(() => validatePoseFrame(frame({ worldLandmarks: 'x'.repeat(17) }))).toThrow(
      `expected worldLandmarks to be an array or absent, got "${'x'.repeat(17)}"`,
    );
  });

  it('rejects something that is not an object at all', () => {
    expect(() => validatePoseFrame(null as unknown as PoseFrame)).toThrow(new TypeError('expected a PoseFrame object, got null'));
  });
});
