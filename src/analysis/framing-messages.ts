/** What the lifter is told for each framing reason (short, and saying what to do). */
import type { FramingReason } from './types';

export const LIFTER_AMBIGUOUS_MESSAGE = "Can't tell you apart from the person next to you — counting paused";

export const FRAMING_MESSAGES: Readonly<Record<Exclude<FramingReason, 'other-people'>, string>> = Object.freeze({
  'no-person': 'No person in view',
  'feet-out-of-frame': 'Step back: feet out of frame',
  'head-out-of-frame': 'Step back: head out of frame',
  'person-too-small': 'Move closer: you are too small in the picture',
  'front-on': 'Turn side-on to the camera',
  'low-confidence': "Can't see you clearly: add light or move closer",
  'lifter-ambiguous': LIFTER_AMBIGUOUS_MESSAGE,
});

/** Head and shoulders both out of the picture: the trunk cannot be measured. */
export const SHOULDERS_OUT_MESSAGE = 'Step back: head and shoulders out of frame';
/** The trunk clearly seen but the legs not: cut off, hidden, or in a dark band at the edge. */
export const LEGS_UNSEEN_MESSAGE = 'Step back: legs not in view';
/** Hips out of the picture (camera too low or too close). */
export const HIPS_OUT_MESSAGE = 'Step back: hips out of frame';

export function otherPeopleMessage(otherPeople: number): string {
  return `Tracking you — ${otherPeople} other ${otherPeople === 1 ? 'person' : 'people'} in view`;
}
