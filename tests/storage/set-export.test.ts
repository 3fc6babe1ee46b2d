import { describe, expect, it } from 'vitest';
import type { FramingRange, RejectedRep } from '../../src/analysis/types';
import { evaluateRep, summarizeSet } from '../../src/feedback';
import { setToCsv, setToJson, type SetExport } from '../../src/storage/set-export';
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
