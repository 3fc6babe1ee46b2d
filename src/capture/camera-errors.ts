/** Turns getUserMedia / playback failures into a message a lifter can act on. Pure. */
export interface UserFacingError {
  title: string;
  detail: string;
}

export function describeCameraError(error: unknown): UserFacingError {
  const name = typeof error === 'object' && error !== null && 'name' in error ? String((error as { name: unknown }).name) : '';
  switch (name) {
    case 'NotAllowedError':
    case 'SecurityError':
      return {
        title: 'Camera permission denied',
        detail:
          'KickCheck needs the camera to see you. Allow camera access for this page in the browser (the camera icon in the address bar), then press Start camera again. Nothing leaves your device.',
      };
    case 'NotFoundError':
    case 'OverconstrainedError':
      return {
        title: 'No camera found',
        detail: 'No camera matches. Plug one in or pick another camera, or analyse a recorded video instead.',
      };
    case 'NotReadableError':
    case 'AbortError':
      return {
        title: 'Camera is busy',
        detail: 'Another app or tab is using the camera. Close it, then press Start camera again.',
      };
    default:
      return {
        title: 'Camera could not start',
        detail: `The browser said: ${error instanceof Error ? error.message : String(error)}`,
      };
  }
}

export const CAMERA_LOST: UserFacingError = {
  title: 'Camera disconnected',
  detail: 'The camera stopped sending video. Your reps so far are kept. Reconnect it and press Start camera.',
};

export const VIDEO_UNREADABLE: UserFacingError = {
  title: 'Video could not be read',
  detail: 'This browser cannot decode that file. Try an MP4 (H.264) or WebM recording.',
};
