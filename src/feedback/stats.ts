/** Small robust statistics for the feedback layer; non-finite values are ignored, never NaN out. */

export function finite(value: number | null | undefined): value is number {
  return typeof value === 'number' && Number.isFinite(value);
}

export function median(values: readonly number[]): number | null {
  const s = values.filter((v) => Number.isFinite(v)).sort((a, b) => a - b);
  if (s.length === 0) return null;
  const mid = Math.floor(s.length / 2);
  const hi = s[mid] as number;
  return s.length % 2 === 1 ? hi : ((s[mid - 1] as number) + hi) / 2;
}

/**
 * Centred 3-sample running median: removes one-frame spikes (a knee or shoulder that jumps for a
 * frame) without shifting where a real rise starts.
 */
export function median3(values: readonly number[]): number[] {
  return values.map((v, i) => {
    if (i === 0 || i === values.length - 1) return v;
    return median([values[i - 1] as number, v, values[i + 1] as number]) ?? v;
  });
}

export function roundTo(value: number, decimals: number): number {
  const f = 10 ** decimals;
  return Math.round(value * f) / f;
}
