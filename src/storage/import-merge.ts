/**
 * Import merge planning (pure): which sets of a file to add so that importing the same file
 * twice, or a set back into the browser it came from, adds nothing the second time.
 *
 * A set is a duplicate when its uid is already stored, or when a set with the same reps (leg and
 * frame times of every counted rep, or of every rep not counted when none counted) and the same
 * source is. The second rule catches a single-set export (format v1, which carries no uid)
 * coming back to the browser that recorded it.
 */
import type { FramingRange, RejectedRep, RepMetrics } from '../analysis/types';
import type { SetSeries } from './set-series';

/** A set read from a file, already validated and normalised (set-import.ts). */
export interface ImportedSet {
  uid: string;
  startedAt: string;
  /** Never null: an imported set is finished (an open one would be "recovered" as interrupted). */
  endedAt: string;
  source: 'camera' | 'file';
  detector: string;
  reps: { rep: RepMetrics; flags: string[] }[];
  rejected: RejectedRep[];
  framing: FramingRange[];
  series: SetSeries | null;
}

export interface MergeKey {
  uid: string;
  contentKey: string;
}

export interface MergePlan<T> {
  add: T[];
  duplicates: number;
}

/** Frame times to the millisecond: what a JSON round trip keeps of them. */
const ms = (t: number): string => String(Math.round(t));

/** Identity of a set's content; '' for a set with no rep at all (then only the uid identifies it). */
export function setContentKey(source: string, reps: readonly Pick<RepMetrics, 'leg' | 'startMs' | 'peakMs' | 'endMs' | 'index'>[], rejected: readonly Pick<RejectedRep, 'leg' | 'startMs' | 'peakMs' | 'endMs'>[]): string {
  if (reps.length > 0) {
    const ordered = [...reps].sort((a, b) => a.startMs - b.startMs || a.index - b.index);
    return `${source}|r|${ordered.map((r) => `${r.leg[0]}${ms(r.startMs)}:${ms(r.peakMs)}:${ms(r.endMs)}`).join(',')}`;
  }
  if (rejected.length > 0) {
    const ordered = [...rejected].sort((a, b) => a.startMs - b.startMs);
    return `${source}|x|${ordered.map((r) => `${r.leg[0]}${ms(r.startMs)}:${ms(r.peakMs)}:${ms(r.endMs)}`).join(',')}`;
  }
  return '';
}

/** Plans the merge; duplicates inside the file itself are dropped too (first one wins). */
export function planMerge<T extends ImportedSet>(existing: readonly MergeKey[], incoming: readonly T[]): MergePlan<T> {
  const uids = new Set(existing.map((e) => e.uid));
  const keys = new Set(existing.map((e) => e.contentKey).filter((k) => k !== ''));
  const add: T[] = [];
  let duplicates = 0;
  for (const set of incoming) {
    const key = setContentKey(set.source, set.reps.map((r) => r.rep), set.rejected);
    if (uids.has(set.uid) || (key !== '' && keys.has(key))) {
      duplicates += 1;
      continue;
    }
    uids.add(set.uid);
    if (key !== '') keys.add(key);
    add.push(set);
  }
  return { add, duplicates };
}

/**
 * cyrb53 (a public-domain 53-bit string hash, bryc/code jshash): a stable uid for a set from a
 * file that carries none, so a second import of the same file finds it by uid.
 */
export function hash53(text: string, seed = 0): string {
  let h1 = 0xdeadbeef ^ seed;
  let h2 = 0x41c6ce57 ^ seed;
  for (let i = 0; i < text.length; i += 1) {
    const ch = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(36);
}
