/**
 * Reading export files back (docs/design.md#after-the-set, import): both formats round-trip, and a malformed,
 * hostile or wrong-version file is refused with one sentence that names the problem.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createKickbackAnalyzer } from '../../src/analysis/kickback-analyzer';
import type { RepMetrics } from '../../src/analysis/types';
import { evaluateRep, summarizeSet } from '../../src/feedback';
import { historyToJson, setToJson, type HistoryExport, type SetExport } from '../../src/storage/set-export';
import { IMPORT_MAX_BYTES, REPS_MAX, parseExport } from '../../src/storage/set-import';
import { SERIES_MAX_SAMPLES, type SetSeries } from '../../src/storage/set-series';
import { generateKickbackSet } from '../../src/synthetic';
import { makeRep } from '../feedback/rep-factory';

const series: SetSeries = { version: 1, tMs: [0, 66, 133], angles: { hipExtensionDeg: [-20, 0, null], kneeFlexionDeg: [10, 12, 11] }, leg: ['right', 'right', null] };

/** The single-set export as the app writes it (version 2; `series` null unless given). */
function v1File(reps: RepMetrics[] = [makeRep({ index: 1 }), makeRep({ index: 2, peakHipExtensionDeg: 40 }, { startMs: 5000 })], withSeries: SetSeries | null = null): SetExport {
  const verdicts = reps.map((r) => evaluateRep(r));
  return JSON.parse(
    setToJson({ exportedAt: '2026-12-01T10:00:00.000Z', source: 'camera', detector: 'movenet-lightning', summary: summarizeSet(reps, verdicts), reps, verdicts, rejected: [], framing: [], series: withSeries }),
  ) as SetExport;
}

function v2File(): HistoryExport {
  const reps = [makeRep({ index: 1 }, {}, 'left'), makeRep({ index: 2 }, { startMs: 6000 }, 'left')];
  return JSON.parse(
    historyToJson(
      [
        { uid: 'a-1', startedAt: '2026-12-01T09:00:00.000Z', endedAt: '2026-12-01T09:02:00.000Z', source: 'camera', detector: 'blazepose-full', reps: reps.map((rep) => ({ rep, flags: ['momentum'] })), rejected: [], framing: [], series },
        { uid: 'a-2', startedAt: '2026-12-01T09:05:00.000Z', endedAt: null, source: 'file', detector: 'blazepose-full', reps: [], rejected: [], framing: [] },
      ],
      '2026-12-01T12:00:00.000Z',
    ),
  ) as HistoryExport;
}

const refused = (data: unknown) => {
  const result = parseExport(typeof data === 'string' ? data : JSON.stringify(data));
  if (result.ok) throw new Error('expected the file to be refused, got it accepted');
  expect(result.message).toMatch(/^This file can't be imported: .+\. Nothing was changed\.$/);
  return result.message;
};

describe('import: files the app wrote', () => {
  it('reads a single-set export (v1): the reps, and as flags only the clear ones of each verdict', () => {
    const file = v1File();
    const result = parseExport(JSON.stringify(file));
    if (!result.ok) throw new Error(result.message);
    expect(result.sets).toHaveLength(1);
    const set = result.sets[0]!;
    expect(set.reps.map((r) => r.rep)).toEqual(file.reps);
    expect(set.reps[1]!.flags).toEqual(file.verdicts[1]!.flags.filter((f) => !f.borderline).map((f) => f.ruleId));
    expect(set.reps[1]!.flags).toContain('kick-too-high');
    expect(set.endedAt).toBe(file.exportedAt);
    expect(set.uid).toMatch(/^v1-/);
    // The same file gives the same uid (a second import finds it).
    const again = parseExport(JSON.stringify(file));
    expect(again.ok && again.sets[0]!.uid).toBe(set.uid);
  });

  it('reads what the analyser really produces (a synthetic set through the real analyser): the strict schema knows every field', () => {
    const analyzer = createKickbackAnalyzer();
    for (const frame of generateKickbackSet({}).frames) analyzer.push(frame);
    const reps = [...analyzer.reps];
    expect(reps.length).toBeGreaterThan(0);
    const verdicts = reps.map((r) => evaluateRep(r));
    const text = setToJson({ exportedAt: '2026-12-01T10:00:00.000Z', source: 'file', detector: null, summary: summarizeSet(reps, verdicts), reps, verdicts, rejected: [...analyzer.rejected], framing: [...analyzer.framing] });
    const result = parseExport(text);
    if (!result.ok) throw new Error(result.message);
    expect(result.sets[0]!.reps.map((r) => r.rep)).toEqual(JSON.parse(JSON.stringify(reps)));
  });

  it('reads the full export (v2) with uids, flags and series; an open set comes back closed', () => {
    const result = parseExport(JSON.stringify(v2File()));
    if (!result.ok) throw new Error(result.message);
    expect(result.sets.map((s) => s.uid)).toEqual(['a-1', 'a-2']);
    expect(result.sets[0]!.reps).toHaveLength(2);
    expect(result.sets[0]!.reps[0]!.flags).toEqual(['momentum']);
    expect(result.sets[0]!.series).toEqual(series);
    expect(result.sets[1]!.endedAt).toBe('2026-12-01T09:05:00.000Z');
  });

  it('a single-set export (v2) carries the angle series and gives it back as written; a v1 file of the same set has none and the same uid', () => {
    const file = v1File(undefined, series);
    expect(file.version).toBe(2);
    expect(file.series).toEqual(series);
    const result = parseExport(JSON.stringify(file));
    if (!result.ok) throw new Error(result.message);
    expect(result.sets[0]!.series).toEqual(series);
    const { series: _s, ...old } = file;
    const v1 = parseExport(JSON.stringify({ ...old, version: 1 }));
    if (!v1.ok) throw new Error(v1.message);
    expect(v1.sets[0]!.series).toBeNull();
    expect(v1.sets[0]!.uid).toBe(result.sets[0]!.uid);
    // A v1 file never had the field: one that holds it is not a v1 file.
    expect(refused({ ...file, version: 1 })).toContain('series is a field KickCheck never writes');
  });
});

describe('import: a hostile series in a single-set export is refused whole', () => {
  const withSeries = (over: unknown) => ({ ...v1File(undefined, series), series: over });
  it('huge columns', () => {
    const huge = Array.from({ length: SERIES_MAX_SAMPLES + 1 }, (_, i) => i);
    expect(refused(withSeries({ ...series, tMs: huge }))).toMatch(new RegExp(`series\\.tMs is too long \\(${SERIES_MAX_SAMPLES + 1}; at most ${SERIES_MAX_SAMPLES} allowed\\)`));
    expect(refused(withSeries({ ...series, angles: { hipExtensionDeg: huge } }))).toContain('series.angles.hipExtensionDeg is too long');
  });
  it('NaN and Infinity (JSON has neither: 1e999 reads as Infinity, NaN is not JSON)', () => {
    const text = JSON.stringify(withSeries(series)).replace('"hipExtensionDeg":[-20', '"hipExtensionDeg":[1e999');
    expect(text).toContain('1e999');
    expect(refused(text)).toContain('series.angles.hipExtensionDeg[0]');
    const tIn = JSON.stringify(withSeries(series)).replace('"tMs":[0,', '"tMs":[-1e999,');
    expect(refused(tIn)).toContain('series.tMs[0]');
    expect(refused(JSON.stringify(withSeries(series)).replace('"kneeFlexionDeg":[10', '"kneeFlexionDeg":[NaN'))).toContain('not JSON');
  });
  it('wrong types, unknown channels and fields, columns out of step, time running backwards', () => {
    expect(refused(withSeries({ ...series, tMs: ['0', 66, 133] }))).toContain('series.tMs[0]: expected number, got "0"');
    expect(refused(withSeries({ ...series, angles: { hipExtensionDeg: [1, true, 2] } }))).toContain('series.angles.hipExtensionDeg[1]');
    expect(refused(withSeries({ ...series, leg: ['left', 'middle', null] }))).toContain('series.leg[1]');
    expect(refused(withSeries({ ...series, version: 2 }))).toContain('series.version');
    expect(refused(withSeries({ ...series, angles: { pelvisDeg: [1, 2, 3] } }))).toContain('series.angles.pelvisDeg is a field KickCheck never writes');
    expect(refused(withSeries({ ...series, landmarks: [] }))).toContain('series.landmarks is a field KickCheck never writes');
    expect(refused(withSeries('all of it'))).toContain('series: expected');
    expect(refused(withSeries({ ...series, angles: { hipExtensionDeg: [1, 2] } }))).toContain('series.angles.hipExtensionDeg: expected 3 values');
    expect(refused(withSeries({ ...series, tMs: [0, 66, 10] }))).toContain('series.tMs: expected ascending times');
  });
});

describe('import: malformed, hostile and wrong-version files are refused with a clear message', () => {
  it('not JSON (the CSV export), or JSON that is not an export', () => {
    expect(refused('rep,leg\n1,left\n')).toContain('not JSON');
    expect(refused([1, 2])).toContain('not a KickCheck export');
    expect(refused({ format: 'other', version: 1 })).toContain('not a KickCheck export');
  });

  it('a newer or unknown version', () => {
    expect(refused({ ...v2File(), version: 3 })).toMatch(/newer KickCheck \(kickcheck-history version 3; this one reads version 2\)/);
    expect(refused({ ...v1File(), version: 0 })).toContain('not one this app wrote');
    expect(refused({ ...v1File(), version: '1' })).toContain('"1"');
  });

  it('wrong types, named by their place in the file', () => {
    const file = v1File();
    (file.reps[1] as unknown as Record<string, unknown>).romDeg = 'wide';
    expect(refused(file)).toContain('reps[1].romDeg: expected number, got "wide"');
    const v2 = v2File();
    (v2.sets[0]!.reps[0]!.flags as unknown[]).push('rm -rf');
    expect(refused(v2)).toContain('sets[0].reps[0].flags[1]');
    const leg = v1File();
    (leg.reps[0] as unknown as Record<string, unknown>).leg = 'middle';
    expect(refused(leg)).toContain('reps[0].leg');
  });

  it('extra fields, at the top and deep inside', () => {
    expect(refused({ ...v1File(), extra: true })).toContain('extra is a field KickCheck never writes');
    const deep = v2File();
    (deep.sets[0]!.reps[0]!.rep.series[0] as unknown as Record<string, unknown>).evil = 1;
    expect(refused(deep)).toContain('sets[0].reps[0].rep.series[0].evil is a field KickCheck never writes');
  });

  it('__proto__, constructor and prototype keys anywhere; Object.prototype is untouched', () => {
    const json = JSON.stringify(v1File()).replace('"reps":', '"__proto__":{"polluted":true},"reps":');
    expect(refused(json)).toContain('"__proto__" key');
    const deep = JSON.stringify(v2File()).replace('"tMs":[0', '"constructor":{"prototype":{"x":1}},"tMs":[0');
    expect(refused(deep)).toMatch(/"(constructor|prototype)" key/);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('huge arrays and a huge file', () => {
    const rep = makeRep({ index: 1 });
    const many = v1File([rep]);
    many.reps = Array.from({ length: REPS_MAX + 1 }, (_, i) => ({ ...rep, index: i + 1 }));
    expect(refused(many)).toMatch(new RegExp(`reps is too long \\(${REPS_MAX + 1}; at most ${REPS_MAX} allowed\\)`));
    const longSeries = v2File();
    longSeries.sets[0]!.series = { ...series, tMs: Array.from({ length: 20_000 }, (_, i) => i) };
    expect(refused(longSeries)).toContain('sets[0].series.tMs is too long');
    const result = parseExport('{}', IMPORT_MAX_BYTES + 1);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.message).toContain('MB');
  });

  it('a series whose columns disagree in length', () => {
    const file = v2File();
    file.sets[0]!.series = { ...series, angles: { hipExtensionDeg: [1] } };
    expect(refused(file)).toContain('sets[0].series.angles.hipExtensionDeg: expected 3 values');
  });

  it('never throws on any JSON value, nor on a valid file with one value replaced anywhere', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const result = parseExport(JSON.stringify(value));
        expect(typeof result.ok).toBe('boolean');
      }),
      { numRuns: 300 },
    );
    const text = JSON.stringify(v2File());
    fc.assert(
      fc.property(fc.nat(text.length - 1), fc.jsonValue({ maxDepth: 1 }), (at, value) => {
        // Replace the value after the nearest colon: a field of some object gets a random value.
        const colon = text.indexOf(':', at);
        if (colon < 0) return;
        const mutated = `${text.slice(0, colon + 1)}${JSON.stringify(value)}${text.slice(colon + 1).replace(/^("([^"\\]|\\.)*"|[^,}\]]*)/, '')}`;
        const result = parseExport(mutated);
        if (result.ok) expect(result.sets.length).toBeGreaterThan(0);
        else expect(result.message).toContain('Nothing was changed');
      }),
      { numRuns: 300 },
    );
  });
});
