/** Small robust statistics over finite numbers; empty input yields null, never NaN. */

function finiteSorted(values: readonly (number | null)[]): number[] {
  const out: number[] = [];
  for (const v of values) if (v !== null && Number.isFinite(v)) out.push(v);
  return out.sort((a, b) => a - b);
}

/** Linear-interpolated quantile, q in [0, 1]. */
export function quantile(values: readonly (number | null)[], q: number): number | null {
  if (!(q >= 0 && q <= 1)) throw new RangeError(`expected q in [0, 1], got ${q}`);
  const s = finiteSorted(values);
  if (s.length === 0) return null;
  const pos = (s.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  const a = s[lo] ?? 0;
  const b = s[hi] ?? a;
  return a + (b - a) * (pos - lo);
}

export function median(values: readonly (number | null)[]): number | null {
  return quantile(values, 0.5);
}

export function mean(values: readonly (number | null)[]): number | null {
  let sum = 0;
  let n = 0;
  for (const v of values) {
    if (v !== null && Number.isFinite(v)) {
      sum += v;
      n += 1;
    }
  }
  return n === 0 ? null : sum / n;
}

/**
 * Centred running median (window of 2·halfWidth+1 samples, shrinking at the ends): removes
 * isolated spikes such as BlazePose's knee readings (docs/design.md#landmark-noise) without shifting edges.
 */
export function runningMedian(values: readonly (number | null)[], halfWidth: number): (number | null)[] {
  const out: (number | null)[] = [];
  for (let i = 0; i < values.length; i += 1) {
    const lo = Math.max(0, i - halfWidth);
    const hi = Math.min(values.length, i + halfWidth + 1);
    out.push(values[i] === null ? null : median(values.slice(lo, hi)));
  }
  return out;
}
