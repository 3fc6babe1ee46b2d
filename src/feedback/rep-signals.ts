/**
 * Numbers the rules derive from a rep's compact angle series (RepMetrics.series), where the
 * analyser's per-rep summary does not already give them.
 */
import type { RepMetrics, RepSample } from '../analysis/types';
import { finite, median, median3 } from './stats';

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

/** Fewest paired samples from which a rise can be told from one noisy frame. */
export const MIN_ARCH_SAMPLES = 4;

/**
 * How far the lumbar-arch proxy rose above its value at the start of the rep while the hip was
 * extended, i.e. in the upper half of this rep's hip travel (DESIGN.md §4: "the lumbar-arch proxy
 * rising while the hip extends"). A 3-sample running median removes one-frame spikes first.
 * An arch that appears only at rest (the lifter shifting their feet) is not counted.
 *
 * Falls back to rep.lumbarArchPeakDeg when the series has too few paired samples; null when
 * neither is known.
 */
export function archRiseWhileExtendingDeg(rep: RepMetrics): number | null {
  const samples = archHipSamples(rep);
  if (samples.length < MIN_ARCH_SAMPLES) return finite(rep.lumbarArchPeakDeg) ? rep.lumbarArchPeakDeg : null;
  const head = samples.slice(0, 3);
  const archBase = median(head.map((s) => s.archDeg)) ?? 0;
  const hipBase = median(head.map((s) => s.hipDeg)) ?? 0;
  const hipPeak = Math.max(...samples.map((s) => s.hipDeg));
  const halfway = hipBase + 0.5 * (hipPeak - hipBase);
  const rise = median3(samples.map((s) => s.archDeg - archBase));
  let best: number | null = null;
  samples.forEach((s, i) => {
    const r = rise[i];
    if (r === undefined || s.hipDeg < halfway) return;
    if (best === null || r > best) best = r;
  });
  return best;
}
