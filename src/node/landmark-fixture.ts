/**
 * The on-disk shape of an extracted landmark sequence (tests/fixtures/landmarks/*.json):
 * what the Node estimator saw on one shared fixture clip, rounded to keep files small.
 */
import type { DetectorId, PoseFrame } from '../pose/types';

export interface LandmarkFixture {
  /** Clip path relative to the shared fixtures folder, e.g. "kickback/donkey_kick_cgi_kinkatsu.mp4". */
  source: string;
  detector: DetectorId;
  /** Frames per second of the clip; 0 for a still image. */
  fps: number;
  imageWidth: number;
  imageHeight: number;
  frames: PoseFrame[];
}

/**
 * Image-landmark z (BlazePose's relative depth in pixels) is left out of fixtures: the core
 * takes depth from the world landmarks, and z alone made a 300-frame clip 10% bigger.
 *
 * Rounding steps: well under detector noise (BlazePose jitters by pixels and centimetres), so
 * nothing a test can measure is lost, while the JSON shrinks to a third.
 */
export const FIXTURE_ROUNDING = {
  pixel: 0.1,
  worldMetre: 0.001,
  visibility: 0.01,
  score: 0.01,
  timeMs: 0.01,
} as const;

export function roundTo(value: number, step: number): number {
  const decimals = Math.max(0, Math.round(-Math.log10(step)));
  // toFixed then Number: exact decimal output, no 0.30000000000000004 in the JSON.
  return Number((Math.round(value / step) * step).toFixed(decimals));
}

export function roundPoseFrame(frame: PoseFrame): PoseFrame {
  const r = FIXTURE_ROUNDING;
  const out: PoseFrame = {
    timestampMs: roundTo(frame.timestampMs, r.timeMs),
    imageWidth: frame.imageWidth,
    imageHeight: frame.imageHeight,
    keypointSet: frame.keypointSet,
    landmarks: frame.landmarks.map((l) => {
      const rounded: PoseFrame['landmarks'][number] = {
        x: roundTo(l.x, r.pixel),
        y: roundTo(l.y, r.pixel),
        visibility: roundTo(l.visibility, r.visibility),
      };
      return rounded;
    }),
    score: roundTo(frame.score, r.score),
    inferenceMs: roundTo(frame.inferenceMs, r.pixel),
  };
  if (frame.worldLandmarks) {
    out.worldLandmarks = frame.worldLandmarks.map((w) => ({
      x: roundTo(w.x, r.worldMetre),
      y: roundTo(w.y, r.worldMetre),
      z: roundTo(w.z, r.worldMetre),
      visibility: roundTo(w.visibility, r.visibility),
    }));
  }
  // The person check's outcome travels with the landmarks: the analyser reads it.
  if (frame.personCount !== undefined) out.personCount = frame.personCount;
  if (frame.lifterLock !== undefined) out.lifterLock = frame.lifterLock;
  if (frame.lifterBox !== undefined) {
    const b = frame.lifterBox;
    out.lifterBox = { x: Math.round(b.x), y: Math.round(b.y), width: Math.round(b.width), height: Math.round(b.height) };
  }
  return out;
}

/** The fixture as written to disk: one frame per line, still compact, but a diff shows which frames changed. */
export function landmarkFixtureText(fixture: LandmarkFixture): string {
  const { frames, ...header } = fixture;
  return `${JSON.stringify(header).slice(0, -1)},"frames":[\n${frames.map((f) => JSON.stringify(f)).join(',\n')}\n]}\n`;
}
