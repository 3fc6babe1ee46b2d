/**
 * What the summary plots show, as plain data (no DOM, no chart library): one panel per angle,
 * its x data in seconds of set time, the rep bands, the flag markers, the zoom for a chosen
 * rep, and the sentence a screen reader hears instead of the picture.
 */
import type { RepMetrics } from '../../analysis/types';
import { ruleInfo } from '../../feedback';
import { ANGLE_CHANNELS, type AngleChannel, type AngleSample, type FlagMoment } from '../../state/set-series';

export const CHANNEL_TITLE: Record<AngleChannel, string> = {
  hipExtensionDeg: 'Hip extension',
  kneeFlexionDeg: 'Knee flexion',
  torsoLeanDeg: 'Torso lean',
  lumbarArchDeg: 'Lumbar arch',
};

export interface PlotPanel {
  channel: AngleChannel;
  title: string;
  /** Seconds of set time (from `originMs`). */
  xs: number[];
  ys: (number | null)[];
  flags: { xS: number; label: string; borderline: boolean }[];
  /** Screen-reader text for the panel. */
  description: string;
}

/** Rep spans in seconds of set time. */
export function repBands(reps: readonly RepMetrics[], originMs: number): { index: number; x0S: number; x1S: number }[] {
  return reps.map((r) => ({ index: r.index, x0S: (r.startMs - originMs) / 1000, x1S: (r.endMs - originMs) / 1000 }));
}

/** A short rule name for a marker (the full title is in the rep table). */
export function flagLabel(ruleId: FlagMoment['ruleId']): string {
  return ruleInfo(ruleId).title.replace(/\s*\(.*\)$/, '').split(' / ')[0]!;
}

const round = (v: number) => Math.round(v);

export function plotPanels(
  samples: readonly AngleSample[],
  reps: readonly RepMetrics[],
  flags: readonly FlagMoment[],
  originMs: number,
  band: { minDeg: number; maxDeg: number } | null,
): PlotPanel[] {
  const xs = samples.map((s) => (s.tMs - originMs) / 1000);
  return ANGLE_CHANNELS.map((channel) => {
    const ys = samples.map((s) => s[channel]);
    const known = ys.filter((v): v is number => v !== null && Number.isFinite(v));
    const mine = flags.filter((f) => f.channel === channel);
    const range = known.length ? `from ${round(Math.min(...known))}° to ${round(Math.max(...known))}°` : 'not measured';
    const parts = [`${CHANNEL_TITLE[channel]} over the set, ${range}; ${reps.length} ${reps.length === 1 ? 'rep' : 'reps'} shaded.`];
    if (channel === 'hipExtensionDeg' && band) parts.push(`Target band ${round(band.minDeg)}° to ${round(band.maxDeg)}°.`);
    if (mine.length) parts.push(`Flagged: ${mine.map((f) => `rep ${f.repIndex} ${flagLabel(f.ruleId).toLowerCase()}${f.borderline ? ' (close to the limit)' : ''}`).join(', ')}.`);
    return {
      channel,
      title: CHANNEL_TITLE[channel],
      xs,
      ys,
      flags: mine.map((f) => ({ xS: (f.tMs - originMs) / 1000, label: flagLabel(f.ruleId), borderline: f.borderline })),
      description: parts.join(' '),
    };
  });
}

/**
 * The x range (seconds) to show: the chosen rep with a margin either side, or the whole set.
 * ref: half a second either side shows the rest before the lift and after the lowering.
 */
export function zoomRange(reps: readonly RepMetrics[], selected: number | null, originMs: number, fullS: [number, number]): [number, number] {
  const rep = selected === null ? undefined : reps.find((r) => r.index === selected);
  if (!rep) return fullS;
  const marginS = 0.5;
  return [Math.max(fullS[0], (rep.startMs - originMs) / 1000 - marginS), Math.min(fullS[1], (rep.endMs - originMs) / 1000 + marginS)];
}
