/**
 * Time course of a set: lead-in at rest, then per rep a smooth rise ((1 − cos)/2, zero speed at
 * both ends like a real controlled rep), a hold at the top, a smooth return and rest.
 */
export interface TimelineOptions {
  reps: number;
  leadInS: number;
  concentricS: number;
  holdS: number;
  eccentricS: number;
  restS: number;
  leadOutS: number;
}

export interface TimelineRep {
  startS: number;
  /** Middle of the hold (the top, when there is no hold). */
  peakS: number;
  endS: number;
}

export interface Timeline {
  durationS: number;
  reps: TimelineRep[];
  /** 0 at rest, 1 at the top. */
  shapeAt(tS: number): number;
}

export function repTimeline(o: TimelineOptions): Timeline {
  for (const k of ['leadInS', 'holdS', 'restS', 'leadOutS'] as const) {
    if (!(o[k] >= 0)) throw new RangeError(`expected ${k} >= 0, got ${o[k]}`);
  }
  if (!(o.concentricS > 0) || !(o.eccentricS > 0)) {
    throw new RangeError(`expected concentricS and eccentricS > 0, got ${o.concentricS} and ${o.eccentricS}`);
  }
  if (!Number.isInteger(o.reps) || o.reps < 0) throw new RangeError(`expected a whole number of reps, got ${o.reps}`);
  const repS = o.concentricS + o.holdS + o.eccentricS;
  const reps: TimelineRep[] = [];
  for (let i = 0; i < o.reps; i += 1) {
    const startS = o.leadInS + i * (repS + o.restS);
    reps.push({ startS, peakS: startS + o.concentricS + o.holdS / 2, endS: startS + repS });
  }
  const last = reps[reps.length - 1];
  const durationS = (last === undefined ? o.leadInS : last.endS) + o.leadOutS;
  return {
    durationS,
    reps,
    shapeAt(tS: number): number {
      for (const r of reps) {
        if (tS < r.startS || tS > r.endS) continue;
        const x = tS - r.startS;
        if (x < o.concentricS) return (1 - Math.cos((Math.PI * x) / o.concentricS)) / 2;
        if (x <= o.concentricS + o.holdS) return 1;
        const y = x - o.concentricS - o.holdS;
        return (1 + Math.cos((Math.PI * y) / o.eccentricS)) / 2;
      }
      return 0;
    },
  };
}
