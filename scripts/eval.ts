/**
 * Accuracy report (issue 4): rep counts, facing and peak times on every labelled fixture clip,
 * and angle errors against the COCO hand-annotated keypoints.
 *
 *   npx tsx scripts/eval.ts [--json] [--detector blazepose-full|...] [--from-fixtures] [--no-angles]
 *
 * --from-fixtures runs the core over tests/fixtures/landmarks instead of decoding videos (same
 * core, same detector output, seconds instead of minutes).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_ANALYZER_OPTIONS, DEFAULT_MIN_VISIBILITY } from '../src/analysis/default-options';
import type { DetectorId } from '../src/pose/types';
import { isDetectorId } from '../workers/detector';
import { analyzeClip } from '../src/node/analyze-clip';
import { evaluateCocoAngles, type AngleEvalResult } from '../src/node/coco-angle-eval';
import { analyzeFixture } from '../src/node/fixture-clip-report';
import { loadLandmarkFixture } from '../src/node/load-landmark-fixture';
import { createNodeEstimator } from '../src/node/node-estimator';
import { evaluateClip, totals, type ClipLabel, type RepEvalRow } from '../src/node/rep-count-eval';
import { REPO_ROOT, SHARED_FIXTURES_DIR } from '../src/node/repo-paths';

/** The project's own labels (same shape as the shared labels.json), merged over the shared ones. */
const PROJECT_LABELS = join(REPO_ROOT, 'tests', 'fixtures', 'labels.project.json');
const VIDEO_PATTERN = /\.(mp4|mov|webm|mkv)$/i;

interface EvalArgs {
  json: boolean;
  detector: DetectorId;
  fromFixtures: boolean;
  angles: boolean;
}

function parseArgs(argv: string[]): EvalArgs {
  const args: EvalArgs = { json: false, detector: 'blazepose-full', fromFixtures: false, angles: true };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--json') args.json = true;
    else if (arg === '--from-fixtures') args.fromFixtures = true;
    else if (arg === '--no-angles') args.angles = false;
    else if (arg === '--detector') {
      const id = argv[++i];
      if (!isDetectorId(id)) throw new Error(`expected --detector to be a detector id, got ${String(id)}`);
      args.detector = id;
    } else throw new Error(`expected --json, --detector, --from-fixtures or --no-angles, got "${String(arg)}"`);
  }
  return args;
}

function loadLabels(): Record<string, ClipLabel> {
  const read = (path: string) => (JSON.parse(readFileSync(path, 'utf8')) as { clips: Record<string, ClipLabel> }).clips;
  const shared = read(join(SHARED_FIXTURES_DIR, 'labels.json'));
  const own = existsSync(PROJECT_LABELS) ? read(PROJECT_LABELS) : {};
  const merged: Record<string, ClipLabel> = { ...shared };
  for (const [clip, label] of Object.entries(own)) merged[clip] = { ...merged[clip], ...label };
  return merged;
}

const cell = (value: unknown): string => (value === null || value === undefined ? '—' : String(value));

function printTable(rows: RepEvalRow[]): void {
  const header = ['clip', 'exercise', 'kickbacks expected', 'reps found', 'err', 'leg', 'facing (label)', 'view', 'peak err s', 'flags / error'];
  const lines = rows.map((r) => [
    r.clip, cell(r.exercise).slice(0, 28), cell(r.labelledReps), cell(r.foundReps), cell(r.countError), cell(r.workingLeg),
    `${cell(r.facing)} (${cell(r.labelledFacing)})`, cell(r.view), cell(r.peakErrorS),
    [r.flags.join(','), r.error ?? ''].filter(Boolean).join(' ') || '—',
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => (l[i] as string).length)));
  for (const line of [header, ...lines]) console.log(line.map((c, i) => c.padEnd(widths[i] as number)).join('  '));
}

function printAngles(result: AngleEvalResult): void {
  console.log('\nangle error vs COCO hand annotations (degrees, detector on a crop around each person)');
  for (const [kind, s] of Object.entries(result.stats)) {
    console.log(`  ${kind.padEnd(13)} n=${String(s.n).padStart(2)}  median ${cell(s.median)}  p90 ${cell(s.p90)}`);
  }
  const j = result.jointErrorPx;
  console.log(`  joint position (px) n=${j.n}  median ${cell(j.median)}  p90 ${cell(j.p90)}`);
}

function percent(rate: number | null): string {
  return rate === null ? '—' : `${Math.round(rate * 100)} %`;
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const labels = loadLabels();
  const clips = Object.keys(labels).filter((clip) => VIDEO_PATTERN.test(clip)).sort();
  const estimator = args.fromFixtures && !args.angles ? null : await createNodeEstimator(args.detector);
  const rows: RepEvalRow[] = [];
  try {
    for (const clip of clips) {
      process.stderr.write(`eval: ${clip}\n`);
      const report = args.fromFixtures || !estimator
        ? analyzeFixture(loadLandmarkFixture(clip.split('/').pop() as string, args.detector))
        : await analyzeClip(join(SHARED_FIXTURES_DIR, clip), estimator, { sourceName: clip });
      rows.push(evaluateClip(clip, report, labels[clip] ?? {}));
    }
    const angles = args.angles && estimator
      ? await evaluateCocoAngles(estimator, join(SHARED_FIXTURES_DIR, 'keypoints', 'coco'), (keypointSet) => ({
          // The analyser's own gate, so the errors are those of the numbers it would use.
          minVisibility: DEFAULT_ANALYZER_OPTIONS.minVisibility ?? DEFAULT_MIN_VISIBILITY[keypointSet],
          edgeMarginFrac: DEFAULT_ANALYZER_OPTIONS.edgeMarginFrac,
        }))
      : null;
    const summary = totals(rows);
    if (args.json) {
      console.log(JSON.stringify({ detector: args.detector, source: args.fromFixtures ? 'landmark-fixtures' : 'videos', clips: rows, totals: summary, angles }, null, 2));
      return;
    }
    printTable(rows);
    console.log(
      `\n${summary.labelledClips} clips with a labelled count: exact count ${percent(summary.exactCountRate)}, ` +
        `off by one ${percent(summary.offByOneRate)}, mean |count error| ${cell(summary.meanAbsCountError)} reps, facing correct ${percent(summary.facingAccuracy)}`,
    );
    if (angles) printAngles(angles);
  } finally {
    estimator?.dispose();
  }
}

main().catch((error: unknown) => {
  console.error(`eval: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
