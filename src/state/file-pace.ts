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

export interface FilePaceOptions {
  /** Frames per second of video to analyse. */
  targetFps: number;
  minRate: number;
  maxRate: number;
  /** Rates closer than this to the current one are left alone (a rate change costs a stutter). */
  hysteresis: number;
  /** Wall time a measurement must span before the rate is changed on it. */
  windowMs: number;
  /** Results a measurement must hold before the rate is changed on it. */
  minFrames: number;
  /** The most one change may multiply or divide the rate by. */
  maxStep: number;
}

export interface FilePaceSample {
  /** Results so far (the frame loop's processed count). */
  processedFrames: number;
  /** Where the video is, media seconds. */
  mediaS: number;
  /** Wall time of the sample, ms. */
  nowMs: number;
  /** The rate the video plays at now. */
  currentRate: number;
  /** Median detector time over the last results, ms (0: none yet). */
  inferenceMs: number;
}

/**
 * Feedback on what matters: frames analysed per second of video. Measured over a window since
 * the last change, the rate is scaled by analysed / target (a worker that keeps up with more
 * frames than the target lets the video go faster; one that falls behind slows it). A video
 * played so slowly that the worker sees every frame shows the clip's own fps, so the rate
 * rises until the worker is the limit. The detector time bounds the rate from above: a frame
 * never comes back faster than the model runs, so no step overshoots into sampling too few.
 */
export class FilePacer {
  readonly #opts: FilePaceOptions;
  #since: { processedFrames: number; mediaS: number; nowMs: number } | null = null;

  constructor(options: FilePaceOptions) {
    const { targetFps, minRate, maxRate, maxStep } = options;
    if (!(targetFps > 0)) throw new RangeError(`expected targetFps > 0, got ${targetFps}`);
    if (!(minRate > 0 && maxRate >= minRate)) throw new RangeError(`expected 0 < minRate <= maxRate, got ${minRate}, ${maxRate}`);
    if (!(maxStep > 1)) throw new RangeError(`expected maxStep > 1, got ${maxStep}`);
    this.#opts = options;
  }

  /** Analysis paused (tab hidden): the next sample starts a new measurement. */
  gap(): void {
    this.#since = null;
  }

  /** The playback rate to set, or null to leave it as it is. */
  next(sample: FilePaceSample): number | null {
    const o = this.#opts;
    const since = this.#since;
    if (!since || sample.mediaS < since.mediaS || sample.processedFrames < since.processedFrames) {
      this.#since = { processedFrames: sample.processedFrames, mediaS: sample.mediaS, nowMs: sample.nowMs };
      return null;
    }
    const frames = sample.processedFrames - since.processedFrames;
    const mediaS = sample.mediaS - since.mediaS;
    if (sample.nowMs - since.nowMs < o.windowMs || frames < o.minFrames || !(mediaS > 0)) return null;
    const analysedFps = frames / mediaS;
    const step = Math.min(o.maxStep, Math.max(1 / o.maxStep, analysedFps / o.targetFps));
    let rate = sample.currentRate * step;
    if (sample.inferenceMs > 0) rate = Math.min(rate, 1000 / sample.inferenceMs / o.targetFps);
    rate = Math.min(o.maxRate, Math.max(o.minRate, rate));
    // Measured afresh from here (at the new rate, or as the load on the device changes).
    this.#since = { processedFrames: sample.processedFrames, mediaS: sample.mediaS, nowMs: sample.nowMs };
    return Math.abs(rate - sample.currentRate) <= o.hysteresis * sample.currentRate ? null : rate;
  }
}
