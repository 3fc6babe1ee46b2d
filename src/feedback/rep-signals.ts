/**
 * Numbers the rules derive from a rep's compact angle series (RepMetrics.series), where the
 * analyser's per-rep summary does not already give them.
 */
import type { RepMetrics, RepSample } from '../analysis/types';
import { SIGNAL_LIMITS } from './rule-config';
import { finite, median, median3, median3Edges } from './stats';

interface ArchHipSample {
  tMs: number;
  hipDeg: number;
  archDeg: number;
}

/** Samples inside [startMs, untilMs] where both hip extension and the arch proxy are known, by time. */
export function archHipSamples(rep: RepMetrics, untilMs: number = rep.endMs): ArchHipSample[] {
  const out: ArchHipSample[] = [];
  for (const s of rep.series as readonly RepSample[]) {
    if (!finite(s.tMs) || s.tMs < rep.startMs || s.tMs > untilMs) continue;
    if (!finite(s.hipExtensionDeg) || !finite(s.lumbarArchDeg)) continue;
    out.push({ tMs: s.tMs, hipDeg: s.hipExtensionDeg, archDeg: s.lumbarArchDeg });
  }
  return out.sort((a, b) => a.tMs - b.tMs);
}


/**
 * How far the lumbar-arch proxy rose above its value at the start of the rep while the hip was
 * extended, i.e. in the upper half of this rep's hip travel (docs/design.md#form-rules: "the lumbar-arch proxy
 * rising while the hip extends"). A 3-sample running median removes one-frame spikes first.
 * An arch that appears only at rest (the lifter shifting their feet) is not counted.
 *
 * Falls back to rep.lumbarArchPeakDeg when the series has too few paired samples; null when
 * neither is known.
 */
export function archRiseWhileExtendingDeg(rep: RepMetrics): number | null {
  const samples = archHipSamples(rep);
  if (samples.length < SIGNAL_LIMITS.minArchSamples) return finite(rep.lumbarArchPeakDeg) ? rep.lumbarArchPeakDeg : null;
  const head = samples.slice(0, 3);
  const archBase = median(head.map((s) => s.archDeg)) ?? 0;
  const hipBase = median(head.map((s) => s.hipDeg)) ?? 0;
  const hipPeak = Math.max(...samples.map((s) => s.hipDeg));
  const halfway = hipBase + SIGNAL_LIMITS.archWindowHipFrac * (hipPeak - hipBase);
  const rise = median3(samples.map((s) => s.archDeg - archBase));
  let best: number | null = null;
  samples.forEach((s, i) => {
    const r = rise[i];
    if (r === undefined || s.hipDeg < halfway) return;
    if (best === null || r > best) best = r;
  });
  return best;
}


/**
 * Peak thigh angular speed of the rep, sustained over at least SIGNAL_LIMITS.speedSpanMs, from the series
 * after an edge-aware 3-sample median. The analyser's own peakAngularVelocityDegS is a
 * frame-to-frame maximum and picks up one-frame glitches at a rep's edges (465°/s and 2414°/s on
 * controlled reps in the kinkatsu / dosipov fixtures), which would read as a swing.
 * Falls back to rep.peakAngularVelocityDegS when the series is too short; null when neither is known.
 */
export function peakThighSpeedDegS(rep: RepMetrics): number | null {
  const pts: { t: number; v: number }[] = [];
  for (const s of rep.series as readonly RepSample[]) {
    if (finite(s.tMs) && finite(s.thighElevationDeg)) pts.push({ t: s.tMs, v: s.thighElevationDeg });
  }
  pts.sort((a, b) => a.t - b.t);
  if (pts.length < SIGNAL_LIMITS.minSpeedSamples) return finite(rep.peakAngularVelocityDegS) ? rep.peakAngularVelocityDegS : null;
  const v = median3Edges(pts.map((p) => p.v));
  let best = 0;
  let j = 0;
  for (let i = 0; i < pts.length; i += 1) {
    const ti = (pts[i] as { t: number }).t;
    if (j <= i) j = i + 1;
    while (j < pts.length && (pts[j] as { t: number }).t - ti < SIGNAL_LIMITS.speedSpanMs) j += 1;
    if (j >= pts.length) break;
    const speed = Math.abs((v[j] as number) - (v[i] as number)) / (((pts[j] as { t: number }).t - ti) / 1000);
    if (speed > best) best = speed;
  }
  return best;
}
