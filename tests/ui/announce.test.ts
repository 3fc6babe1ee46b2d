/** A cue is either spoken or announced to screen readers, never both (docs/design.md#reliability, accessibility). */
import { describe, expect, it } from 'vitest';
import { cueAnnouncement } from '../../src/ui/announce';

describe('cueAnnouncement', () => {
  const cue = { text: 'Keep your back flat', spoken: true };
  it('leaves a cue the voice speaks out of the live region', () => {
    expect(cueAnnouncement(cue, true)).toBe('');
  });
  it('announces the cue when the voice is off or unavailable', () => {
    expect(cueAnnouncement(cue, false)).toBe('Keep your back flat');
  });
  it('announces a cue the voice leaves out even with the voice on', () => {
    expect(cueAnnouncement({ text: 'Finding the working leg', spoken: false }, true)).toBe('Finding the working leg');
  });
  it('says nothing without a cue', () => {
    expect(cueAnnouncement(null, false)).toBe('');
  });
});
