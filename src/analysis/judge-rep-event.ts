/**
 * What becomes of a movement the rep machine completed: not a kickback at all (bilateral,
 * hinge, hip travel, impossible extension, no extension: dropped silently), a rep that was not clearly seen
 * (reported, never counted: rep-evidence-gate.ts), or a counted rep with its metrics.
 */
import { passesBilateralGate } from './bilateral-gate';
import { passesHingeGate } from './hinge-gate';
import { passesHipExtensionGate } from './hip-extension-gate';
import { passesHipTravelGate } from './hip-travel-gate';
import type { LegFrameSample } from './leg-frame-sample';
import { passesMaxExtensionGate } from './max-extension-gate';
import { repEvidenceGate } from './rep-evidence-gate';
import { computeRepMetrics } from './rep-metrics';
import type { RepEvent } from './rep-phase-machine';
import type { RejectedRep, RepMetrics, Side } from './types';

export type RepOutcome =
  | { kind: 'counted'; rep: RepMetrics }
  | { kind: 'rejected'; rejected: RejectedRep }
  | { kind: 'not-a-kickback' };

export interface RepEventInput {
  leg: Side;
  event: RepEvent;
  /** This leg's recent frames, in time order. */
  samples: readonly LegFrameSample[];
  /** The rep is by the current working leg (a rep by the other leg must show a clean switch). */
  onWorkingLeg: boolean;
  /** Index the rep gets if it counts. */
  index: number;
  holdBandDeg: number;
}

// ref: rep-metrics.ts KNEE_NEAR_MS and its knee-at-start median: a second of lead-in before the
// start is more than the metrics read.
const METRICS_LEAD_IN_MS = 1000;
// ref: rep-metrics.ts KNEE_NEAR_MS (the frames within 300 ms before the start read the rep's
// starting values): the thigh's range runs from its rest before the 10 % start crossing, so the
// trunk's turn is read from there too. A single-leg deadlift whose trunk starts to hinge with the
// leg read 56° of turn inside the crossings against 99° of thigh range (under the 60 % hinge
// limit), 69° from its rest (wahoo_one_legged_dead_lift speed2, 7.5–9.1 s).
const HINGE_LEAD_MS = 300;

export function judgeRepEvent(input: RepEventInput): RepOutcome {
  const { event, samples } = input;
  const inRep = samples.filter((s) => s.t >= event.startMs - 1e-6 && s.t <= event.endMs + 1e-6);
  if (!passesBilateralGate(inRep, event.romDeg, input.onWorkingLeg)) return { kind: 'not-a-kickback' };
  // The trunk's turn over the same movement as the thigh's range, which is measured from the rest
  // before the start crossing: the frames just before the start and after the end count too.
  const aroundRep = samples.filter((s) => s.t >= event.startMs - HINGE_LEAD_MS && s.t <= event.endMs + HINGE_LEAD_MS);
  if (!passesHingeGate(aroundRep, event.romDeg)) return { kind: 'not-a-kickback' };
  if (!passesHipTravelGate(inRep)) return { kind: 'not-a-kickback' };
  const rep = computeRepMetrics({
    index: input.index,
    leg: input.leg,
    event,
    samples: samples.filter((s) => s.t >= event.startMs - METRICS_LEAD_IN_MS),
    holdBandDeg: input.holdBandDeg,
  });
  if (!passesMaxExtensionGate(rep.peakHipExtensionDeg)) return { kind: 'not-a-kickback' };
  if (!passesHipExtensionGate(inRep, event.peakDeg, rep.peakHipExtensionDeg)) return { kind: 'not-a-kickback' };
  const rejected = repEvidenceGate(samples, { leg: input.leg, startMs: event.startMs, peakMs: event.peakMs, endMs: event.endMs });
  return rejected === null ? { kind: 'counted', rep } : { kind: 'rejected', rejected };
}
