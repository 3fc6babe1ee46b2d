/**
 * docs/design.md#command-line-analyser: the analyser's path (core + rules + report) on the extracted BlazePose landmarks of
 * every labelled fixture clip reproduces the labelled kickback counts and peak times.
 */
import { describe, expect, it } from 'vitest';
import { analyzeFixture } from '../../src/node/fixture-clip-report';
import { loadLandmarkFixture } from '../../src/node/load-landmark-fixture';
import { evaluateClip, expectedKickbackReps } from '../../src/node/rep-count-eval';
import { loadClipLabels } from '../../src/node/clip-labels';

// The labels npm run eval uses: ../shared/fixtures/labels.json with the project's merged over them.
const labels = loadClipLabels();
const countedClips = Object.entries(labels).filter(([clip, label]) => clip.endsWith('.mp4') && expectedKickbackReps(label) !== null);
/** A peak is a moment, not a frame: half a second covers a slow squeeze's plateau. */
const PEAK_TOLERANCE_S = 0.5;

describe('labelled rep counts through the analyser (BlazePose full landmark fixtures)', () => {
  it('has labelled clips to check', () => {
    expect(countedClips.map(([clip]) => clip)).toEqual(expect.arrayContaining([
      'kickback/cable_kickback_cgi_dosipov.mp4', 'kickback/donkey_kick_cgi_kinkatsu.mp4', 'other/squat_side_rohanx01.mp4',
    ]));
  });

  it.each(countedClips)('%s: count and peak times match the label', (clip, label) => {
    const report = analyzeFixture(loadLandmarkFixture(clip.split('/').pop() as string, 'blazepose-full'));
    const row = evaluateClip(clip, report, label);
    // countError is 0 for any count the label accepts (repCountAny: a last rep cut by the clip's end).
    expect(row.countError, `${clip}: reps at ${report.reps.map((r) => r.peakS).join(', ')} s`).toBe(0);
    if (row.peakErrorS !== null) expect(row.peakErrorS).toBeLessThanOrEqual(PEAK_TOLERANCE_S);
    if (label.facing) expect(report.facing).toBe(label.facing);
  });

  it('flags the animated cable kickback\'s near-horizontal torso and very high kick (labels.json note)', () => {
    const report = analyzeFixture(loadLandmarkFixture('cable_kickback_cgi_dosipov', 'blazepose-full'));
    expect(report.reps[0]?.flags).toEqual(expect.arrayContaining(['torso-lean', 'kick-too-high']));
    expect(report.summary.flagCounts['torso-lean']).toBe(1);
  });
});
