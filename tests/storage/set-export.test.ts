import { describe, expect, it } from 'vitest';
import type { FramingRange, RejectedRep, RepMetrics } from '../../src/analysis/types';
import { evaluateRep, summarizeSet } from '../../src/feedback';
import { csvCell, setToCsv, setToJson, type SetExport } from '../../src/storage/set-export';
import { makeRep } from '../feedback/rep-factory';

describe('set export', () => {
  const reps = [makeRep({ index: 1 }), makeRep({ index: 2, peakHipExtensionDeg: 40 })];
  const verdicts = reps.map((r) => evaluateRep(r));

  it('writes one CSV row per rep with its flags, and blanks for unknown values', () => {
    const csv = setToCsv(reps, verdicts).trim().split('\n');
    expect(csv).toHaveLength(3);
    const header = csv[0]!.split(',');
    const row2 = csv[2]!.split(',');
    expect(row2[header.indexOf('peak_hip_extension_deg')]).toBe('40');
    expect(row2[header.indexOf('flags')]).toContain('kick-too-high');
    const withNull = setToCsv([makeRep({ index: 1, lumbarArchPeakDeg: null })], []).trim().split('\n');
    expect(withNull[1]!.split(',')[header.indexOf('lumbar_arch_peak_deg')]).toBe('');
  });

  const rejected: RejectedRep[] = [
    { leg: 'right', startMs: 4000, peakMs: 5000, endMs: 6500, reason: 'legs-not-visible', message: 'legs not clearly visible', evidence: 0.25 },
  ];
  const framing: FramingRange[] = [{ reason: 'feet-out-of-frame', message: 'Step back: feet out of frame', startMs: 3000, endMs: 7000 }];

  it('round-trips the whole set through JSON, with the reps not counted and the framing problems', () => {
    const json = setToJson({ exportedAt: '2026-11-29T00:00:00.000Z', source: 'camera', detector: 'blazepose-full', summary: summarizeSet(reps, verdicts), reps, verdicts, rejected, framing });
    const back = JSON.parse(json) as SetExport;
    expect(back.format).toBe('kickcheck-set');
    expect(back.reps).toEqual(reps);
    expect(back.summary?.repCount).toBe(2);
    expect(back.rejected).toEqual(rejected);
    expect(back.framing).toEqual(framing);
  });
});

/** Minimal RFC 4180 reader: enough to check that a hostile cell stays one cell of one row. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i += 1;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      if (ch === '\r' && text[i + 1] === '\n') i += 1;
    } else field += ch;
  }
  if (field !== '' || row.length > 0) rows.push([...row, field]);
  return rows;
}

describe('CSV cells are safe to open in a spreadsheet (OWASP CSV injection)', () => {
  it.each([
    ['=1+2', `"'=1+2"`],
    ['+SUM(A1)', `"'+SUM(A1)"`],
    ['-2+3', `"'-2+3"`],
    ['@cmd', `"'@cmd"`],
    ['\t=1', `"'\t=1"`],
    ['\r=1', `"'\r=1"`],
    ['＝1+2', `"'＝1+2"`],
    ['=HYPERLINK("http://x")', `"'=HYPERLINK(""http://x"")"`],
  ])('neutralises a text cell starting %j', (input, expected) => {
    expect(csvCell(input)).toBe(expected);
  });

  it('quotes quotes, commas, \\n and \\r; leaves plain text and numbers (negative ones too) alone', () => {
    expect(csvCell('a"b')).toBe('"a""b"');
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('a\nb')).toBe('"a\nb"');
    expect(csvCell('a\rb')).toBe('"a\rb"');
    expect(csvCell('knee-curl torso-lean')).toBe('knee-curl torso-lean');
    expect(csvCell(-12.3456)).toBe('-12.346');
    expect(csvCell(Number.NaN)).toBe('');
    expect(csvCell(null)).toBe('');
  });

  it('a hostile value in a rep stays one neutralised cell of its own row', () => {
    const hostile = '=cmd|\' /C calc\'!A0\r\n@SUM(1)';
    const rep = makeRep({ index: 1, leg: hostile as unknown as RepMetrics['leg'], torsoLeanMeanDeg: -5 });
    const rows = parseCsv(setToCsv([rep], []));
    expect(rows).toHaveLength(2);
    const header = rows[0]!;
    expect(rows[1]).toHaveLength(header.length);
    expect(rows[1]![header.indexOf('leg')]).toBe(`'${hostile}`);
    expect(rows[1]![header.indexOf('torso_lean_mean_deg')]).toBe('-5');
  });
});
