/**
 * The interval between the frames a rep was measured on, read from its series: a time signal
 * cannot be resolved finer than this, whatever the camera setup (signal-noise.ts).
 */
import type { RepMetrics } from '../analysis/types';
import { finite, median } from './stats';

/** Median gap between consecutive series samples (ms); null with fewer than two timed samples. */
export function repFrameIntervalMs(rep: Pick<RepMetrics, 'series'>): number | null {
  const times = rep.series.map((s) => s.tMs).filter(finite);
  const gaps: number[] = [];
  for (let i = 1; i < times.length; i += 1) {
    const gap = (times[i] as number) - (times[i - 1] as number);
    if (gap > 0) gaps.push(gap);
  }
  return gaps.length === 0 ? null : median(gaps);
}
