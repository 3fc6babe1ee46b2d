/** What the lifter reads while analysis is paused (the frame watchdog's reason). Pure. */
import type { PauseReason } from '../capture/frame-watchdog';

export function pauseMessage(reason: PauseReason, source: 'camera' | 'file'): string {
  if (source === 'file') {
    // Only hiding pauses a file: its frame gaps are playback speed, not a lost picture.
    return 'Video paused while this tab is hidden: a background tab gets too few frames to count reps. It carries on by itself when you come back.';
  }
  switch (reason) {
    case 'hidden':
      return 'Paused while this tab is hidden: the browser stops sending camera frames to a background tab. Counting resumes by itself when you come back.';
    case 'muted':
      return 'Paused: the camera stopped sending pictures (muted by the system or another app). Counting resumes by itself when the picture comes back.';
    case 'stalled':
      return 'Paused: no picture from the camera for 2 seconds. Counting resumes by itself when frames come back.';
  }
}
