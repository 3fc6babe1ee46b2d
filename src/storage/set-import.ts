/**
 * Reading an export file back (docs/design.md#after-the-set, import), pure: text in, validated sets out, or one
 * clear sentence saying why nothing will be imported. Two formats are read:
 *   - `kickcheck-set` v1 and v2: one set, the summary's or a history review's "Export JSON"
 *     (set-export.ts `setToJson`); v2 carries the set's angle series, v1 has none;
 *   - `kickcheck-history` v2: every set, the history's "Export all" (set-export.ts `historyToJson`).
 * Every object is a strict schema (valibot `strictObject`): a field the app never writes, a
 * wrong type, an array longer than the app could have written or a `__proto__` key refuses the
 * whole file, so a hostile file changes nothing.
 */
import * as v from 'valibot';
import { RULE_IDS } from '../feedback/rule-ids';
import { EXPORT_FORMAT_VERSION, HISTORY_FORMAT_VERSION } from './set-export';
import { hash53, setContentKey, type ImportedSet } from './import-merge';
import { CUES_MAX, SERIES_ANGLES, SERIES_MAX_SAMPLES, checkSetSeries, type SetSeries } from './set-series';

// ref: docs/storage.md "Sizes": a full export of 500 sets of 30 reps with their series is about
// 40 MB; a bigger file is refused before it is parsed.
export const IMPORT_MAX_BYTES = 64 * 1024 * 1024;
// ref: docs/storage.md "Sizes": a set of 20 minutes at one rep every 2 s.
export const REPS_MAX = 600;
// ref: docs/storage.md "Sizes": 30 fps over a 2-minute rep (a rep is seconds long).
export const REP_SAMPLES_MAX = 3_600;
// ref: docs/storage.md "Sizes": ten years of a set a day, with room.
export const SETS_MAX = 5_000;
// ref: docs/storage.md "Sizes": the longest message the app writes is under 200 characters.
export const TEXT_MAX = 500;
// ref: as CUES_MAX (set-series.ts): at most one framing change a second over 20 minutes.
export const RANGES_MAX = CUES_MAX;

const num = v.pipe(v.number(), v.finite());
const numOrNull = v.nullable(num);
const text = v.pipe(v.string(), v.maxLength(TEXT_MAX));
const iso = v.pipe(v.string(), v.maxLength(40), v.isoTimestamp());
const side = v.picklist(['left', 'right']);
const ruleId = v.picklist(RULE_IDS);
const list = <T extends v.GenericSchema>(item: T, max: number) => v.pipe(v.array(item), v.maxLength(max));

const repSample = v.strictObject({
  tMs: num,
  hipExtensionDeg: numOrNull,
  thighElevationDeg: numOrNull,
  lumbarArchDeg: numOrNull,
  kneeFlexionDeg: numOrNull,
  torsoLeanDeg: numOrNull,
});

const repMetrics = v.strictObject({
  index: v.pipe(v.number(), v.integer(), v.minValue(0)),
  leg: side,
  startMs: num,
  peakMs: num,
  endMs: num,
  peakHipExtensionDeg: numOrNull,
  romDeg: num,
  concentricS: num,
  eccentricS: num,
  holdS: num,
  peakAngularVelocityDegS: numOrNull,
  kneeFlexionAtPeakDeg: numOrNull,
  kneeFlexionRangeDeg: numOrNull,
  kneeFlexionRiseLiftingDeg: numOrNull,
  torsoLeanMeanDeg: numOrNull,
  torsoLeanRangeDeg: numOrNull,
  lumbarArchPeakDeg: numOrNull,
  pelvisTiltMaxDeg: numOrNull,
  pelvisTiltRiseDeg: v.optional(numOrNull),
  anglePath: v.picklist(['2d', '3d']),
  confidence: num,
  series: list(repSample, REP_SAMPLES_MAX),
});

const rejectedRep = v.strictObject({
  leg: side,
  startMs: num,
  peakMs: num,
  endMs: num,
  reason: v.picklist(['legs-not-visible', 'trunk-not-visible', 'not-seen-at-start', 'not-seen-at-peak', 'lifter-ambiguous']),
  message: text,
  evidence: num,
});

const framingRange = v.strictObject({
  reason: v.picklist(['no-person', 'feet-out-of-frame', 'head-out-of-frame', 'person-too-small', 'front-on', 'low-confidence', 'other-people', 'lifter-ambiguous']),
  message: text,
  startMs: num,
  endMs: num,
});

const flagResult = v.strictObject({
  ruleId,
  severity: v.picklist([1, 2, 3, 4]),
  measure: text,
  measured: num,
  threshold: num,
  unit: v.picklist(['deg', 'deg/s', 's', 'ms', 'ratio', 'reps']),
  thresholdSource: v.picklist(['preset', 'personal']),
  message: text,
  cue: text,
  borderline: v.boolean(),
});

const repVerdict = v.strictObject({
  repIndex: v.pipe(v.number(), v.integer(), v.minValue(0)),
  leg: side,
  flags: list(flagResult, RULE_IDS.length),
  silent: list(v.strictObject({ ruleId, why: text }), RULE_IDS.length),
  clean: v.boolean(),
});

const angleColumn = list(numOrNull, SERIES_MAX_SAMPLES);
const setSeries = v.strictObject({
  version: v.literal(1),
  tMs: list(num, SERIES_MAX_SAMPLES),
  angles: v.strictObject(Object.fromEntries(SERIES_ANGLES.map((a) => [a, v.optional(angleColumn)])) as Record<(typeof SERIES_ANGLES)[number], v.OptionalSchema<typeof angleColumn, undefined>>),
  leg: v.optional(list(v.nullable(side), SERIES_MAX_SAMPLES)),
});

/** `kickcheck-set` v1. Its `summary` is derived from the reps and verdicts, so it is checked to be an object and then not read. */
const setFileV1 = v.strictObject({
  format: v.literal('kickcheck-set'),
  version: v.literal(1),
  exportedAt: iso,
  source: v.picklist(['camera', 'file']),
  detector: v.nullable(v.pipe(v.string(), v.maxLength(64))),
  summary: v.nullable(v.looseObject({ version: v.literal(1) })),
  reps: list(repMetrics, REPS_MAX),
  verdicts: list(repVerdict, REPS_MAX),
  rejected: list(rejectedRep, REPS_MAX),
  framing: list(framingRange, RANGES_MAX),
});

/** `kickcheck-set` v2: v1 and the set's angle series (null when the set kept none). */
const setFileV2 = v.strictObject({
  ...setFileV1.entries,
  version: v.literal(EXPORT_FORMAT_VERSION),
  series: v.nullable(setSeries),
});

const historySet = v.strictObject({
  uid: v.pipe(v.string(), v.minLength(1), v.maxLength(100)),
  startedAt: iso,
  endedAt: v.nullable(iso),
  source: v.picklist(['camera', 'file']),
  detector: v.pipe(v.string(), v.maxLength(64)),
  reps: list(v.strictObject({ rep: repMetrics, flags: list(ruleId, RULE_IDS.length) }), REPS_MAX),
  rejected: list(rejectedRep, REPS_MAX),
  framing: list(framingRange, RANGES_MAX),
  series: v.nullable(setSeries),
});

const historyFileV2 = v.strictObject({
  format: v.literal('kickcheck-history'),
  version: v.literal(HISTORY_FORMAT_VERSION),
  exportedAt: iso,
  sets: list(historySet, SETS_MAX),
});

export type ImportResult = { ok: true; sets: ImportedSet[] } | { ok: false; message: string };

const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

class ForbiddenKey extends Error {}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return `a list of ${value.length}`;
  if (typeof value === 'string') return value.length > 40 ? `a text of ${value.length} characters` : JSON.stringify(value);
  if (typeof value === 'object') return 'an object';
  return String(value);
}

/** "sets[0].reps[2].rep.romDeg" from valibot's issue path. */
function where(issue: v.BaseIssue<unknown>): string {
  let out = '';
  for (const item of issue.path ?? []) {
    const key = (item as { key: unknown }).key;
    out += typeof key === 'number' ? `[${key}]` : `${out ? '.' : ''}${String(key)}`;
  }
  return out || 'the top level';
}

function explain(issue: v.BaseIssue<unknown>): string {
  const at = where(issue);
  if (issue.kind === 'validation' && issue.type === 'max_length') return `${at} is too long (${issue.received}; at most ${issue.requirement} allowed)`;
  if (issue.type === 'strict_object' && issue.expected === 'never') return `${at} is a field KickCheck never writes`;
  return `${at}: expected ${issue.expected ?? 'something else'}, got ${issue.kind === 'schema' ? describe(issue.input) : issue.received}`;
}

function refuse(detail: string): ImportResult {
  return { ok: false, message: `This file can't be imported: ${detail}. Nothing was changed.` };
}

/**
 * A set of a single-set file (v1 or v2), normalised. It has no start time: the export time
 * stands in for it. The uid is the same for both versions, so the same set exported by either
 * is imported once.
 */
function fromSetFile(file: v.InferOutput<typeof setFileV1> | v.InferOutput<typeof setFileV2>): ImportedSet {
  const flagsOf = new Map(file.verdicts.map((vd) => [vd.repIndex, vd.flags.filter((f) => !f.borderline).map((f) => f.ruleId as string)]));
  const key = setContentKey(file.source, file.reps, file.rejected);
  return {
    uid: `v1-${hash53(key === '' ? `${file.source}|${file.exportedAt}` : key)}`,
    startedAt: file.exportedAt,
    endedAt: file.exportedAt,
    source: file.source,
    detector: file.detector ?? 'unknown',
    reps: file.reps.map((rep) => ({ rep, flags: flagsOf.get(rep.index) ?? [] })),
    rejected: file.rejected,
    framing: file.framing,
    series: 'series' in file ? (file.series as SetSeries | null) : null,
  };
}

function fromHistorySet(set: v.InferOutput<typeof historySet>): ImportedSet {
  return {
    uid: set.uid,
    startedAt: set.startedAt,
    // An open set from the file is closed at its start: it must not be "recovered" as this tab's.
    endedAt: set.endedAt ?? set.startedAt,
    source: set.source,
    detector: set.detector,
    reps: set.reps.map((r) => ({ rep: r.rep, flags: [...r.flags] })),
    rejected: set.rejected,
    framing: set.framing,
    series: set.series as SetSeries | null,
  };
}

/** Validates an export file's text; `byteLength` is checked first (the File's size). */
export function parseExport(textIn: string, byteLength: number = textIn.length): ImportResult {
  if (byteLength > IMPORT_MAX_BYTES) return refuse(`it is ${Math.round(byteLength / 1048576)} MB, more than the ${IMPORT_MAX_BYTES / 1048576} MB an export of KickCheck can be`);
  let data: unknown;
  try {
    data = JSON.parse(textIn, (key, value: unknown) => {
      if (FORBIDDEN_KEYS.has(key)) throw new ForbiddenKey(key);
      return value;
    });
  } catch (error) {
    if (error instanceof ForbiddenKey) return refuse(`it holds a "${error.message}" key, which no KickCheck export has`);
    return refuse('it is not JSON (is it the CSV export, or another file?)');
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return refuse('it is not a KickCheck export (no "format" field)');
  const { format, version } = data as { format?: unknown; version?: unknown };
  const supported: Record<string, number> = { 'kickcheck-set': EXPORT_FORMAT_VERSION, 'kickcheck-history': HISTORY_FORMAT_VERSION };
  if (typeof format !== 'string' || !(format in supported)) return refuse('it is not a KickCheck export (its "format" is not "kickcheck-set" or "kickcheck-history")');
  // The single-set format's version 1 (before it carried the series) is still read.
  const older = format === 'kickcheck-set' && version === 1;
  if (version !== supported[format] && !older) {
    const newer = typeof version === 'number' && version > supported[format]!;
    return refuse(
      newer
        ? `it was made by a newer KickCheck (${format} version ${version}; this one reads version ${supported[format]}). Update the app and import it again`
        : `its version (${describe(version)}) is not one this app wrote (${format} version ${supported[format]})`,
    );
  }
  if (format === 'kickcheck-set') {
    const parsed = older ? v.safeParse(setFileV1, data) : v.safeParse(setFileV2, data);
    if (!parsed.success) return refuse(explain(parsed.issues[0]));
    const set = fromSetFile(parsed.output);
    const bad = seriesProblem(set, '');
    return bad ? refuse(bad) : { ok: true, sets: [set] };
  }
  const parsed = v.safeParse(historyFileV2, data);
  if (!parsed.success) return refuse(explain(parsed.issues[0]));
  const sets = parsed.output.sets.map(fromHistorySet);
  for (const [i, set] of sets.entries()) {
    const bad = seriesProblem(set, `sets[${i}].`);
    if (bad) return refuse(bad);
  }
  return { ok: true, sets };
}

/** What the schema cannot say of a series: columns as long as `tMs`, times ascending. */
function seriesProblem(set: ImportedSet, at: string): string | null {
  try {
    if (set.series) checkSetSeries(set.series);
    return null;
  } catch (error) {
    return `${at}${(error as Error).message}`;
  }
}
