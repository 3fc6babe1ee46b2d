/**
 * How fast to play a recorded video while it is analysed. Pure: the session passes what the
 * frame loop measured.
 *
 * The video plays, at the speed that lets the pose worker analyse `targetFps` frames per second
 * of video. It is not stepped by seeking: Chromium decodes each seek from the keyframe before
 * it, and phone and editor exports keep keyframes seconds apart (the side-view fixtures: one
 * every 5.3 s, and one for a whole 10 s clip), so stepping a 10 s clip at 10 frames a second
 * took 90 s in Chromium here with no pose model at all, against 10 s to play it.
 */

export interface FilePaceInput {
  /** The rate the video plays at now. */
  currentRate: number;
  /** Median detector time over the last results, ms (0: none yet). */
  inferenceMs: number;
  /** Results per wall second over the frame loop's window (0: none yet). */
  processedFps: number;
}

export interface FilePaceOptions {
  /** Frames per second of video to analyse. */
  targetFps: number;
  minRate: number;
  maxRate: number;
  /** Rates closer than this to the current one are left alone (a rate change costs a stutter). */
  hysteresis: number;
}

/**
 * What the worker can do per wall second: the measured result rate (it includes the transfer
 * and the main thread's share of each frame, which the detector time leaves out), but never
 * more than the detector time allows. A video played so slowly that it presents fewer frames
 * than the worker could take shows a result rate below the worker's; the rate then rises (each
 * step multiplies it by up to the clip's fps / targetFps) until the worker is the limit.
 */
export function affordableFps(inferenceMs: number, processedFps: number): number {
  const byInference = inferenceMs > 0 ? 1000 / inferenceMs : 0;
  if (!(processedFps > 0)) return byInference;
  return byInference > 0 ? Math.min(processedFps, byInference) : processedFps;
}

/** The playback rate to set, or null to leave it as it is. */
export function nextFilePlaybackRate(input: FilePaceInput, options: FilePaceOptions): number | null {
  const affordable = affordableFps(input.inferenceMs, input.processedFps);
  if (!(affordable > 0)) return null;
  const rate = Math.min(options.maxRate, Math.max(options.minRate, affordable / options.targetFps));
  return Math.abs(input.currentRate - rate) > options.hysteresis ? rate : null;
}
