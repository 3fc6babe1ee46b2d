/**
 * Accuracy report (issue 4): rep counts, facing and peak times on every labelled fixture clip,
 * and angle errors against the COCO hand-annotated keypoints.
 *
 *   npx tsx scripts/eval.ts [--json] [--detector blazepose-full|...] [--from-fixtures] [--no-angles]
 *   npx tsx scripts/eval.ts --variants [--json]
 *
 * --from-fixtures runs the core over tests/fixtures/landmarks instead of decoding videos (same
 * core, same detector output, seconds instead of minutes).
 *
 * --variants runs the current core over the committed hard-variant sequences
 * (tests/fixtures/variants, made by scripts/extract-variants.ts) and the synthetic look-alike
 * movements: variant × clip, expected and found count, invented reps, the naive baseline, and
 * verdict agreement of the nuisance variants with the base clip (issue 8 items 6-7).
 */
import { join } from 'node:path';
import { DEFAULT_ANALYZER_OPTIONS, DEFAULT_MIN_VISIBILITY } from '../src/analysis/default-options';
import type { DetectorId } from '../src/pose/types';
import { isDetectorId } from '../workers/detector';
import { analyzeClip } from '../src/node/analyze-clip';
import { evaluateCocoAngles, type AngleEvalResult } from '../src/node/coco-angle-eval';
import { analyzeFixture } from '../src/node/fixture-clip-report';
import { loadLandmarkFixture } from '../src/node/load-landmark-fixture';
import { createNodeEstimator } from '../src/node/node-estimator';
import { createNodeFramePipeline } from '../src/node/node-frame-pipeline';
import { evaluateClip, totals, type ClipLabel, type RepEvalRow } from '../src/node/rep-count-eval';
import { SHARED_FIXTURES_DIR } from '../src/node/repo-paths';
import { loadClipLabels } from '../src/node/clip-labels';
import { CLIP_VARIANTS } from '../src/node/clip-variants';
import { VARIANT_CLIPS, loadVariantFixture } from '../src/node/variant-fixture';
import { evaluateVariantCase, variantTotals, verdictAgreement, type VariantCase, type VerdictAgreement } from '../src/node/variant-eval';
import { LOOKALIKE_MOVEMENTS, generateLookAlikeSet } from '../src/synthetic/other-movements';

const VIDEO_PATTERN = /\.(mp4|mov|webm|mkv)$/i;

interface EvalArgs {
  json: boolean;
  detector: DetectorId;
  fromFixtures: boolean;
  angles: boolean;
  variants: boolean;
}

function parseArgs(argv: string[]): EvalArgs {
  const args: EvalArgs = { json: false, detector: 'blazepose-full', fromFixtures: false, angles: true, variants: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--json') args.json = true;
    else if (arg === '--from-fixtures') args.fromFixtures = true;
    else if (arg === '--no-angles') args.angles = false;
    else if (arg === '--variants') args.variants = true;
    else if (arg === '--detector') {
      const id = argv[++i];
      if (!isDetectorId(id)) throw new Error(`expected --detector to be a detector id, got ${String(id)}`);
      args.detector = id;
    } else throw new Error(`expected --json, --detector, --from-fixtures, --no-angles or --variants, got "${String(arg)}"`);
  }
  return args;
}

const cell = (value: unknown): string => (value === null || value === undefined ? '—' : String(value));

function printTable(rows: RepEvalRow[]): void {
  const header = ['clip', 'exercise', 'kickbacks expected', 'reps found', 'err', 'leg (label)', 'facing (label)', 'view', 'peak err s', 'flags / error'];
  const lines = rows.map((r) => [
    r.clip, cell(r.exercise).slice(0, 28), cell(r.labelledReps), cell(r.foundReps), cell(r.countError), `${cell(r.workingLeg)} (${cell(r.labelledWorkingLeg)})`,
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

function printVariantTable(cases: readonly VariantCase[]): void {
  const header = ['clip', 'variant', 'rule', 'expected', 'got', 'invented', 'ok', 'naive got', 'naive invented', 'leg', 'rejected', 'framing'];
  const lines = cases.map((c) => [
    c.clip.startsWith('synthetic/') ? c.clip : (c.clip.split('/').pop()?.replace(/\.[^.]+$/, '') ?? c.clip), c.variant, c.expect,
    c.expect === 'exact' ? c.accepted.join('|') : `<=${Math.max(...c.accepted)}`,
    String(c.got), String(c.invented), c.pass ? 'yes' : c.knownGap ? 'gap' : 'NO',
    String(c.naiveGot), String(c.naiveInvented), cell(c.workingLeg),
    c.rejected === null ? '—' : c.rejected.join(',') || '0',
    (c.framing === null ? '—' : c.framing.join(',') || '0') + (c.framingMissing?.length ? ` (MISSING ${c.framingMissing.join(',')})` : ''),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => (l[i] as string).length)));
  for (const line of [header, ...lines]) console.log(line.map((c, i) => c.padEnd(widths[i] as number)).join('  '));
}

interface VariantReport {
  cases: VariantCase[];
  missing: string[];
  agreement: VerdictAgreement[];
}

/** Every committed variant fixture and every synthetic look-alike, through the current core. */
function evaluateVariants(labels: Record<string, ClipLabel>): VariantReport {
  const cases: VariantCase[] = [];
  const missing: string[] = [];
  for (const clip of VARIANT_CLIPS) {
    for (const variant of CLIP_VARIANTS) {
      const fixture = loadVariantFixture(clip, variant.id);
      if (!fixture) {
        missing.push(`${clip} ${variant.id}`);
        continue;
      }
      process.stderr.write(`eval: ${clip} ${variant.id}\n`);
      cases.push(evaluateVariantCase(clip, variant.id, fixture.frames, labels[clip] ?? {}));
    }
  }
  // Hard negatives made by the generator: none of these is a kickback, so each must count 0.
  for (const kind of LOOKALIKE_MOVEMENTS) {
    for (const keypointSet of ['blazepose33', 'movenet17'] as const) {
      const { frames } = generateLookAlikeSet(kind, { keypointSet, noisePx: 1.5, seed: 8 });
      cases.push(evaluateVariantCase(`synthetic/${kind}.${keypointSet}`, 'base', frames, { expectedKickbackReps: 0 }, 'exact'));
    }
  }
  const agreement = CLIP_VARIANTS.filter((v) => v.nuisance).map((variant) => {
    const pairs = VARIANT_CLIPS.flatMap((clip) => {
      const base = cases.find((c) => c.clip === clip && c.variant === 'base');
      const other = cases.find((c) => c.clip === clip && c.variant === variant.id);
      return base && other ? [{ base, other }] : [];
    });
    return verdictAgreement(variant.id, pairs);
  });
  return { cases, missing, agreement };
}

function runVariantEval(args: EvalArgs, labels: Record<string, ClipLabel>): void {
  const report = evaluateVariants(labels);
  const summary = variantTotals(report.cases);
  const all = report.agreement.reduce((a, g) => ({ base: a.base + g.baseReps, agreed: a.agreed + g.agreed }), { base: 0, agreed: 0 });
  const overall = all.base === 0 ? null : Number((all.agreed / all.base).toFixed(3));
  if (args.json) {
    console.log(JSON.stringify({ source: 'variant-fixtures', cases: report.cases, totals: summary, verdictAgreement: { overall, perVariant: report.agreement }, missing: report.missing }, null, 2));
    return;
  }
  printVariantTable(report.cases);
  console.log(
    `\n${summary.cases} cases. Core: exact ${percent(summary.exactRate)} of ${summary.exactCases} exact cases, ` +
      `at-most held ${percent(summary.atMostRate)} of ${summary.atMostCases}, invented reps ${summary.inventedReps} (in ${summary.casesWithInventedReps} cases; must be 0).`,
  );
  const framingMissing = report.cases.filter((c) => (c.framingMissing?.length ?? 0) > 0);
  console.log(`Counted reps without the variant's framing warning: ${framingMissing.length} cases${framingMissing.length ? ` (${framingMissing.map((c) => `${c.clip.split('/').pop()} ${c.variant}`).join(', ')})` : ''}.`);
  console.log(
    `Naive relative counter (src/node/naive-counter.ts): exact ${percent(summary.naiveExactRate)}, at-most held ${percent(summary.naiveAtMostRate)}, ` +
      `invented reps ${summary.naiveInventedReps} (in ${summary.naiveCasesWithInventedReps} cases).`,
  );
  console.log(`\nverdict agreement with the base clip (clear flags, reps matched by peak time): overall ${percent(overall)} of ${all.base} base reps`);
  for (const g of report.agreement) console.log(`  ${g.variant.padEnd(9)} ${g.agreed}/${g.baseReps} agreed (${g.matched} matched)  ${percent(g.rate)}`);
  if (report.missing.length > 0) {
    const byVariant = new Map<string, number>();
    for (const m of report.missing) byVariant.set(m.split(' ')[1] as string, (byVariant.get(m.split(' ')[1] as string) ?? 0) + 1);
    const list = [...byVariant].map(([v, n]) => `${v} ×${n}`).join(', ');
    console.log(`\n${report.missing.length} variant fixtures not extracted (npm run extract-variants; --json lists them): ${list}`);
  }
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const labels = loadClipLabels();
  if (args.variants) {
    runVariantEval(args, labels);
    return;
  }
  const clips = Object.keys(labels).filter((clip) => VIDEO_PATTERN.test(clip)).sort();
  // Clips go through the app's per-frame pipeline (person check, lifter lock); the COCO angle
  // check measures the bare model on stills.
  const estimator = args.angles ? await createNodeEstimator(args.detector) : null;
  const pipeline = args.fromFixtures ? null : await createNodeFramePipeline(args.detector);
  const rows: RepEvalRow[] = [];
  try {
    for (const clip of clips) {
      process.stderr.write(`eval: ${clip}\n`);
      const report = args.fromFixtures || !pipeline
        ? analyzeFixture(loadLandmarkFixture(clip.split('/').pop() as string, args.detector))
        : await analyzeClip(join(SHARED_FIXTURES_DIR, clip), pipeline, { sourceName: clip });
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
    pipeline?.dispose();
  }
}

main().catch((error: unknown) => {
  console.error(`eval: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
