/** The readable (non-JSON) per-set summary the analyser prints. */
import type { ClipReport } from './clip-report';

const deg = (value: number | null): string => (value === null ? '  n/a' : `${value.toFixed(1).padStart(5)}°`);

export function formatClipReport(report: ClipReport): string {
  const lines = [`${report.source} — ${report.durationS.toFixed(1)} s, ${report.framesAnalysed} frames, ${report.detector} on ${report.backend}`];
  if (report.partial) lines.push(`  PARTIAL: ${report.partial.message}`);
  if (report.error) {
    lines.push(`  could not analyse: ${report.error.message}`);
    return lines.join('\n');
  }
  lines.push(`  view ${report.view ?? 'unknown'}, facing ${report.facing ?? 'unknown'}, working leg ${report.workingLeg ?? 'unknown'}`);
  lines.push(`  reps: ${report.summary.repCount}${report.summary.score === null ? '' : `, score ${report.summary.score}`}`);
  for (const rep of report.reps) {
    lines.push(
      `  #${rep.index} ${rep.startS.toFixed(2)}–${rep.endS.toFixed(2)} s (peak ${rep.peakS.toFixed(2)} s)` +
        `  hip ext ${deg(rep.peakHipExtensionDeg)}  ROM ${deg(rep.romDeg)}  knee ${deg(rep.kneeFlexionAtPeakDeg)}` +
        `  torso ${deg(rep.torsoLeanMeanDeg)}  arch ${deg(rep.lumbarArchPeakDeg)}` +
        `  up ${rep.concentricS.toFixed(2)} s  down ${rep.eccentricS.toFixed(2)} s  hold ${rep.holdS.toFixed(2)} s` +
        (rep.flags.length > 0 ? `  flags: ${rep.flags.join(', ')}` : ''),
    );
  }
  for (const r of report.rejected) {
    lines.push(`  not counted ${r.startS.toFixed(2)}–${r.endS.toFixed(2)} s (peak ${r.peakS.toFixed(2)} s, ${r.leg} leg): ${r.message}`);
  }
  if (report.framing.length > 0) lines.push('  framing:');
  for (const f of report.framing) lines.push(`    ${f.startS.toFixed(1)}–${f.endS.toFixed(1)} s  ${f.message}`);
  const flags = Object.entries(report.summary.flagCounts);
  if (flags.length > 0) lines.push(`  flags: ${flags.map(([id, n]) => `${id} ×${n}`).join(', ')}`);
  return lines.join('\n');
}
