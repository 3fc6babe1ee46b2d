import { describe, expect, it } from 'vitest';
import { describeCameraError } from '../../src/capture/camera-errors';

const named = (name: string) => Object.assign(new Error('x'), { name });

describe('describeCameraError', () => {
  it.each([
    ['NotAllowedError', /permission denied/i],
    ['NotFoundError', /no camera found/i],
    ['NotReadableError', /busy/i],
  ])('maps %s to an actionable message', (name, title) => {
    const msg = describeCameraError(named(name));
    expect(msg.title).toMatch(title);
    expect(msg.detail.length).toBeGreaterThan(20);
  });

  it('keeps the browser text for anything unknown', () => {
    expect(describeCameraError(new Error('weird driver thing')).detail).toContain('weird driver thing');
  });
});
