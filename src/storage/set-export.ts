/**
 * Export of a finished set: JSON (everything, for re-import and tools) and CSV (one row per
 * counted rep, for a spreadsheet). Pure; the UI turns the strings into downloads.
 */
import type { FramingRange, RejectedRep, RepMetrics } from '../analysis/types';
import type { RepVerdict, SetSummary } from '../feedback';
import type { SetSeries } from './set-series';

/**
 * The single-set export (`kickcheck-set`). Version 2 adds the set's downsampled angle series (so
 * an imported set's plots come back); version 1 files (no series) are still read.
 */
export const EXPORT_FORMAT_VERSION = 2;
/** The full export of every stored set (the history's "Export all"); set-import.ts reads both. */
export const HISTORY_FORMAT_VERSION = 2;

export interface SetExport {
  format: 'kickcheck-set';
  version: typeof EXPORT_FORMAT_VERSION;
  exportedAt: string;
  source: string;
  detector: string | null;
  summary: SetSummary | null;
  reps: RepMetrics[];
  verdicts: RepVerdict[];
  /** Reps seen but not counted, with time and reason (same shape as the CLI's `rejected[]`). */
  rejected: RejectedRep[];
  /** Framing problems over the set (same shape as the CLI's `framing`). */
  framing: FramingRange[];
  /** The set's downsampled angle series (plots); null when none was kept. Never landmarks. */
  series: SetSeries | null;
}

/** `series` may be left out (null): a set recovered after a reload has none. */
export function setToJson(data: Omit<SetExport, 'format' | 'version' | 'series'> & { series?: SetSeries | null | undefined }): string {
  const out: SetExport = { format: 'kickcheck-set', version: EXPORT_FORMAT_VERSION, ...data, series: data.series ?? null };
  return JSON.stringify(out, null, 2);
}

/** One set in the full export: what storage holds of it, less its landmarks (they stay on the device). */
export interface HistoryExportSet {
  uid: string;
  startedAt: string;
  endedAt: string | null;
  source: 'camera' | 'file';
  detector: string;
  reps: { rep: RepMetrics; flags: string[] }[];
  rejected: RejectedRep[];
  framing: FramingRange[];
  series: SetSeries | null;
}

export interface HistoryExport {
  format: 'kickcheck-history';
  version: typeof HISTORY_FORMAT_VERSION;
  exportedAt: string;
  sets: HistoryExportSet[];
}

/** Stored sets as the full export (compact JSON: it can hold thousands of series samples). */
export function historyToJson(
  sets: readonly {
    uid: string;
    startedAt: string;
    endedAt: string | null;
    source: 'camera' | 'file';
    detector: string;
    reps: readonly { rep: RepMetrics; flags: readonly string[] }[];
    rejected?: readonly RejectedRep[];
    framing?: readonly FramingRange[];
    series?: SetSeries | undefined;
  }[],
  exportedAt: string,
): string {
  const out: HistoryExport = {
    format: 'kickcheck-history',
    version: HISTORY_FORMAT_VERSION,
    exportedAt,
    sets: sets.map((s) => ({
      uid: s.uid,
      startedAt: s.startedAt,
      endedAt: s.endedAt,
      source: s.source,
      detector: s.detector,
      reps: s.reps.map((r) => ({ rep: r.rep, flags: [...r.flags] })),
      rejected: [...(s.rejected ?? [])],
      framing: [...(s.framing ?? [])],
      series: s.series ?? null,
    })),
  };
  return JSON.stringify(out);
}

const COLUMNS: { header: string; value: (rep: RepMetrics, verdict: RepVerdict | undefined) => unknown }[] = [
  { header: 'rep', value: (r) => r.index },
  { header: 'leg', value: (r) => r.leg },
  { header: 'start_s', value: (r) => r.startMs / 1000 },
  { header: 'peak_s', value: (r) => r.peakMs / 1000 },
  { header: 'end_s', value: (r) => r.endMs / 1000 },
  { header: 'peak_hip_extension_deg', value: (r) => r.peakHipExtensionDeg },
  { header: 'rom_deg', value: (r) => r.romDeg },
  { header: 'knee_flexion_at_peak_deg', value: (r) => r.kneeFlexionAtPeakDeg },
  { header: 'knee_flexion_rise_lifting_deg', value: (r) => r.kneeFlexionRiseLiftingDeg },
  { header: 'torso_lean_mean_deg', value: (r) => r.torsoLeanMeanDeg },
  { header: 'torso_lean_range_deg', value: (r) => r.torsoLeanRangeDeg },
  { header: 'lumbar_arch_peak_deg', value: (r) => r.lumbarArchPeakDeg },
  { header: 'concentric_s', value: (r) => r.concentricS },
  { header: 'eccentric_s', value: (r) => r.eccentricS },
  { header: 'hold_s', value: (r) => r.holdS },
  { header: 'peak_angular_velocity_deg_s', value: (r) => r.peakAngularVelocityDegS },
  { header: 'angle_path', value: (r) => r.anglePath },
  { header: 'confidence', value: (r) => r.confidence },
  { header: 'flags', value: (_r, v) => v?.flags.filter((f) => !f.borderline).map((f) => f.ruleId).join(' ') ?? '' },
  { header: 'borderline', value: (_r, v) => v?.flags.filter((f) => f.borderline).map((f) => f.ruleId).join(' ') ?? '' },
];

// ref: OWASP "CSV Injection" (owasp.org/www-community/attacks/CSV_Injection): a cell a
// spreadsheet would read as a formula starts with = + - @, tab or carriage return; prefix it
// with a single quote and wrap it in double quotes so it is read as text. The full-width
// forms (＝ ＋ － ＠) are included because some spreadsheets normalise them to the ASCII ones.
const FORMULA_START = /^[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/u;
// ref: RFC 4180 §2.6: a field holding a quote, the separator or a line break is quoted.
const NEEDS_QUOTES = /[",\r\n]/u;

/**
 * One CSV cell. Numbers are written as numbers (a negative angle stays a number, not text);
 * every other value is text and is neutralised when a spreadsheet would run it as a formula.
 */
export function csvCell(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(Math.round(value * 1000) / 1000) : '';
  const raw = String(value);
  const neutralised = FORMULA_START.test(raw);
  const text = neutralised ? `'${raw}` : raw;
  return neutralised || NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export function setToCsv(reps: readonly RepMetrics[], verdicts: readonly RepVerdict[]): string {
  const lines = [COLUMNS.map((c) => c.header).join(',')];
  for (const rep of reps) {
    const verdict = verdicts.find((v) => v.repIndex === rep.index);
    lines.push(COLUMNS.map((c) => csvCell(c.value(rep, verdict))).join(','));
  }
  return `${lines.join('\n')}\n`;
}
