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

/**
 * Like median3, but the first and last values are also replaced, by the median of the two or
 * three values at that end: a glitch on a series' first or last sample (a leg-label swap, a filter
 * restart at a rep boundary) is removed too.
 */
export function median3Edges(values: readonly number[]): number[] {
  const n = values.length;
  if (n < 3) return [...values];
  const out = median3(values);
  out[0] = median(values.slice(0, 3)) ?? (values[0] as number);
  out[n - 1] = median(values.slice(n - 3)) ?? (values[n - 1] as number);
  return out;
}
