/**
 * A set's recording to and from its stored form (src/storage/set-series.ts, docs/storage.md):
 * the downsampled angle series (plots, exported) and the smoothed landmarks with the shown cues
 * (replay, never exported). Landmarks stay on the device.
 */
import type { RepMetrics } from '../../analysis/types';
import { ruleInfo, isRuleId } from '../../feedback';
import type { KeypointSet } from '../../pose/types';
import { CUE_SHOW_MS } from '../../state/coach.svelte';
import { ANGLE_CHANNELS, downsampleAngles, flagMoments, type AngleSample, type CueSpan, type ReplayFrame, type SetRecording } from '../../state/set-series';
import { CUES_MAX, LANDMARKS_MAX_FRAMES, SET_LANDMARKS_VERSION, SET_SERIES_VERSION, SERIES_MAX_SAMPLES, type SetLandmarks, type SetSeries } from '../../storage/set-series';
import type { RepVerdict } from '../../feedback';

/**
 * ref: docs/storage.md "Sizes" — the stored series keeps at most SERIES_MAX_SAMPLES; the plots
 * need far fewer (src/ui/SetSummaryPanel.svelte PLOT_MAX_POINTS), so this many keep every rep's
 * shape at the frame rate of a few-minute set and still thin an hour-long one.
 */
export const STORED_SERIES_POINTS = Math.min(SERIES_MAX_SAMPLES, 6000);

/** The angle series as stored: downsampled, rep peaks and flagged moments kept. */
export function toStoredSeries(recording: SetRecording, reps: readonly RepMetrics[], verdicts: readonly RepVerdict[]): SetSeries {
  const keep = [...reps.map((r) => r.peakMs), ...flagMoments(reps, verdicts).map((m) => m.tMs)];
  const kept = downsampleAngles(recording.frames.map((f) => f.angles), STORED_SERIES_POINTS, keep);
  const legAt = new Map(recording.frames.map((f) => [f.tMs, f.workingLeg]));
  const angles: SetSeries['angles'] = {};
  for (const ch of ANGLE_CHANNELS) angles[ch] = kept.map((s) => s[ch]);
  return { version: SET_SERIES_VERSION, tMs: kept.map((s) => s.tMs), angles, leg: kept.map((s) => legAt.get(s.tMs) ?? null) };
}

/** The stored angle series back as samples for the plots. */
export function fromStoredSeries(series: SetSeries): AngleSample[] {
  return series.tMs.map((tMs, i) => ({
    tMs,
    hipExtensionDeg: series.angles.hipExtensionDeg?.[i] ?? null,
    kneeFlexionDeg: series.angles.kneeFlexionDeg?.[i] ?? null,
    torsoLeanDeg: series.angles.torsoLeanDeg?.[i] ?? null,
    lumbarArchDeg: series.angles.lumbarArchDeg?.[i] ?? null,
  }));
}

/** The replay frames and cues as stored (null when nothing was recorded). */
export function toStoredLandmarks(recording: SetRecording, mirrored: boolean): SetLandmarks | null {
  const first = recording.frames[0];
  if (!first) return null;
  // One image size per set; a longer recording keeps every n-th frame to fit the store's limit.
  const every = Math.ceil(recording.frames.length / LANDMARKS_MAX_FRAMES);
  const frames = recording.frames.filter((_, i) => i % every === 0).map((f) => ({ tMs: f.tMs, points: Array.from(f.xyv) }));
  return {
    version: SET_LANDMARKS_VERSION,
    keypointSet: first.keypointSet,
    imageWidth: first.imageWidth,
    imageHeight: first.imageHeight,
    mirrored,
    frames,
    cues: recording.cues.slice(0, CUES_MAX).map((c) => ({ tMs: c.startMs, text: c.text, ruleId: c.ruleId })),
  };
}

/** The cue's colour as the live screen gave it (coach: positive good, severity ≥ 3 bad). */
function toneOf(ruleId: string): CueSpan['tone'] {
  if (!isRuleId(ruleId)) return 'good';
  return ruleInfo(ruleId).severity >= 3 ? 'bad' : 'warn';
}

/**
 * A stored recording back for the replay. The store keeps when each cue appeared, not when it
 * went: it is shown for the coach's CUE_SHOW_MS or until the next one. Phases are not stored.
 */
export function fromStored(series: SetSeries | undefined, landmarks: SetLandmarks | undefined): SetRecording {
  if (!landmarks) return { frames: [], cues: [] };
  const samples = series ? fromStoredSeries(series) : [];
  const legs = series?.leg ?? [];
  let j = 0;
  const frames: ReplayFrame[] = landmarks.frames.map((f) => {
    // The angle sample at or just before this frame (the series is thinner than the frames).
    while (j + 1 < samples.length && samples[j + 1]!.tMs <= f.tMs) j++;
    const s = samples[j];
    const angles: AngleSample = s && s.tMs <= f.tMs ? { ...s, tMs: f.tMs } : { tMs: f.tMs, hipExtensionDeg: null, kneeFlexionDeg: null, torsoLeanDeg: null, lumbarArchDeg: null };
    return {
      tMs: f.tMs,
      imageWidth: landmarks.imageWidth,
      imageHeight: landmarks.imageHeight,
      keypointSet: landmarks.keypointSet as KeypointSet,
      xyv: Float32Array.from(f.points),
      workingLeg: legs[j] ?? null,
      phase: null,
      angles,
    };
  });
  const cues: CueSpan[] = landmarks.cues.map((c, i) => {
    const next = landmarks.cues[i + 1]?.tMs ?? Number.POSITIVE_INFINITY;
    return { startMs: c.tMs, endMs: Math.min(c.tMs + CUE_SHOW_MS, next), text: c.text, tone: toneOf(c.ruleId), ruleId: c.ruleId };
  });
  return { frames, cues };
}
