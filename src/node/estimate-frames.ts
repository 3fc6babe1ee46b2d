/**
 * The one decode → estimate loop of the Node tools: ffmpeg frames of a clip, each as a tensor
 * through a pose estimator (the app's frame pipeline or a bare estimator), the tensor freed
 * before the next frame. analyzeClip (npm run analyze, npm run eval) and extract-landmarks read
 * clips through it, so a fixture holds what the CLI would have analysed.
 */
import type { PoseFrame } from '../pose/types';
import { decodeFrames, frameToTensor, type DecodeOptions, type DecodedFrame } from './decode-frames';
import type { VideoInfo } from './probe-video';

/** What the loop runs each frame through: a frame pipeline or a PoseEstimator, both take an RGB tensor and a timestamp. */
export interface FrameEstimator {
  estimate(tensor: ReturnType<typeof frameToTensor>, timestampMs: number): Promise<PoseFrame>;
}

export interface EstimatedFrame {
  /** The decoded frame's index in the clip and its timestamp (frameIndex × 1000 / fps). */
  decoded: Pick<DecodedFrame, 'frameIndex' | 'timestampMs' | 'width' | 'height'>;
  frame: PoseFrame;
}

/**
 * Estimates every decoded frame of `source` in order. Decoder errors (DecodeError) reach the
 * caller from the loop, after the frames read before them.
 */
export async function* estimateFrames(
  source: string,
  estimator: FrameEstimator,
  options: Partial<DecodeOptions> = {},
  info?: VideoInfo,
): AsyncGenerator<EstimatedFrame> {
  for await (const decoded of decodeFrames(source, options, info)) {
    const tensor = frameToTensor(decoded);
    let frame: PoseFrame;
    try {
      frame = await estimator.estimate(tensor, decoded.timestampMs);
    } finally {
      tensor.dispose();
    }
    yield { decoded: { frameIndex: decoded.frameIndex, timestampMs: decoded.timestampMs, width: decoded.width, height: decoded.height }, frame };
  }
}
