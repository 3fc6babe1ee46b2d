/**
 * What the screen-reader live region says for a cue: nothing when the voice already speaks it
 * (heard twice otherwise, docs/design.md#reliability, accessibility), the cue's text when the voice is off or the cue is one
 * the voice leaves out. Pure.
 */
export function cueAnnouncement(cue: { text: string; spoken: boolean } | null, voiceSpeaks: boolean): string {
  if (!cue) return '';
  return voiceSpeaks && cue.spoken ? '' : cue.text;
}
