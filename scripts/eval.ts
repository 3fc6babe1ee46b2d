/**
 * Accuracy report (docs/design.md#command-line-analyser): rep counts, facing and peak times on every labelled fixture clip,
 * and angle errors against the COCO hand-annotated keypoints.
 *
 *   npx tsx scripts/eval.ts [--json] [--detector blazepose-full|...] [--from-fixtures] [--no-angles]
 *                           [--fps N | --all-frames] [--max-side PX | --full-size]
 *   npx tsx scripts/eval.ts --rates [--json]
 *   npx tsx scripts/eval.ts --variants [--json]
 *
 * Videos are analysed as `npm run analyze` does (10 frames a second, 640 px, unless told
 * otherwise); each row shows how fast (× real time, wall clock and CPU) and, beside it, the
 * all-frames result: the core over the committed every-frame landmarks of the clip.
 *
 * --from-fixtures runs the core over tests/fixtures/landmarks instead of decoding videos (same
 * core, same detector output, seconds instead of minutes).
 *
 * --rates runs the core over those every-frame landmarks thinned to 15, 12, 10, 8 and 6 frames a
 * second, as the CLI would take them: which analysis rate keeps the counts and metrics.
 *
 * --variants runs the current core over the committed hard-variant sequences
 * (tests/fixtures/variants, made by scripts/extract-variants.ts) and the synthetic look-alike
 * movements: variant × clip, expected and found count, invented reps, the naive baseline, and
 * verdict agreement of the nuisance variants with the base clip (docs/design.md#hard-variants).
 */
import { join } from 'node:path';
import { DEFAULT_ANALYZER_OPTIONS, DEFAULT_MIN_VISIBILITY } from '../src/analysis/default-options';
import type { DetectorId } from '../src/pose/types';
import { DEFAULT_DETECTOR } from '../src/pose/detector-registry';
import { DETECTOR_IDS, isDetectorId } from '../workers/detector';
import { performance } from 'node:perf_hooks';
import { CLI_ANALYSIS_FPS, CLI_MAX_SIDE_PX, analyzeClip } from '../src/node/analyze-clip';
import { evaluateCocoAngles, type AngleEvalResult } from '../src/node/coco-angle-eval';
import { analyzeFixture, thinFixtureByStep } from '../src/node/fixture-clip-report';
import { loadLandmarkFixture } from '../src/node/load-landmark-fixture';
import { createNodeEstimator } from '../src/node/node-estimator';
import { createNodeFramePipeline } from '../src/node/node-frame-pipeline';
import { evaluateClip, repEvalSpeed, totals, type ClipLabel, type RepEvalRow } from '../src/node/rep-count-eval';
import type { LandmarkFixture } from '../src/node/landmark-fixture';
import { SHARED_FIXTURES_DIR } from '../src/node/repo-paths';
import { loadClipLabels } from '../src/node/clip-labels';
import { CLIP_VARIANTS } from '../src/node/clip-variants';
import { UsageError, checkedArgs, numberArg, parseScriptArgs, type CliOptions } from '../src/node/cli-args';
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
  rates: boolean;
  analysisFps: number;
  maxSide: number;
}

/** Frame steps `--rates` compares with every frame (a 30 fps clip: 15, 10, 7.5, 6 and 5 fps). */
const SWEEP_STEPS = [2, 3, 4, 5, 6];

const EVAL_USAGE = `usage: npx tsx scripts/eval.ts [--json] [--detector ${DETECTOR_IDS.join('|')}] [--from-fixtures] [--no-angles]
                                [--fps N | --all-frames] [--max-side PX | --full-size]
       npx tsx scripts/eval.ts --rates [--json]
       npx tsx scripts/eval.ts --variants [--json]

Rep counts, facing and peak times on every labelled fixture clip, and angle errors against the
COCO keypoints. Videos are analysed as \`npm run analyze\` does (${CLI_ANALYSIS_FPS} frames a second,
${CLI_MAX_SIDE_PX} px) unless told otherwise.
  --from-fixtures  the core over tests/fixtures/landmarks instead of decoding videos
  --rates          the core over every-frame landmarks thinned to lower rates
  --variants       the core over the hard-variant sequences and look-alike movements
Exit codes: 0 done, 1 error, 2 bad arguments.`;

const EVAL_OPTIONS = {
  json: { type: 'boolean' },
  detector: { type: 'string' },
  'from-fixtures': { type: 'boolean' },
  'no-angles': { type: 'boolean' },
  variants: { type: 'boolean' },
  rates: { type: 'boolean' },
  fps: { type: 'string' },
  'all-frames': { type: 'boolean' },
  'max-side': { type: 'string' },
  'full-size': { type: 'boolean' },
} as const satisfies CliOptions;

function evalArgs(argv: string[]): EvalArgs {
  const { values } = parseScriptArgs('eval', EVAL_USAGE, argv, EVAL_OPTIONS, false);
  return checkedArgs('eval', EVAL_USAGE, () => {
    const detector = values.detector ?? DEFAULT_DETECTOR;
    if (!isDetectorId(detector)) throw new UsageError(`expected --detector to be one of ${DETECTOR_IDS.join(', ')}, got "${detector}"`);
    if (values.fps !== undefined && values['all-frames']) throw new UsageError('expected --fps N or --all-frames, got both');
    if (values['max-side'] !== undefined && values['full-size']) throw new UsageError('expected --max-side PX or --full-size, got both');
    return {
      json: values.json ?? false,
      detector,
      fromFixtures: values['from-fixtures'] ?? false,
      angles: !values['no-angles'],
      variants: values.variants ?? false,
      rates: values.rates ?? false,
      analysisFps: values['all-frames'] ? Number.POSITIVE_INFINITY : values.fps !== undefined ? numberArg('--fps', values.fps, 1) : CLI_ANALYSIS_FPS,
      maxSide: values['full-size'] ? Number.POSITIVE_INFINITY : values['max-side'] !== undefined ? Math.round(numberArg('--max-side', values['max-side'], 64)) : CLI_MAX_SIDE_PX,
    };
  });
}

const cell = (value: unknown): string => (value === null || value === undefined ? '—' : String(value));

function printTable(rows: RepEvalRow[]): void {
  const header = ['clip', 'exercise', 'kickbacks expected', 'reps found', 'err', 'leg (label)', 'facing (label)', 'view', 'peak err s', 'flags / error', 'all frames: reps, peak err', 'fps', '× real time (cpu)'];
  const lines = rows.map((r) => [
    r.clip, cell(r.exercise).slice(0, 28), cell(r.labelledReps), cell(r.foundReps), cell(r.countError), `${cell(r.workingLeg)} (${cell(r.labelledWorkingLeg)})`,
    `${cell(r.facing)} (${cell(r.labelledFacing)})`, cell(r.view), cell(r.peakErrorS),
    [r.flags.join(','), r.error ?? ''].filter(Boolean).join(' ') || '—',
    r.allFrames ? `${r.allFrames.foundReps}, ${cell(r.allFrames.peakErrorS)}${r.allFrames.foundReps === r.foundReps ? '' : ' (DIFFERS)'}` : '—',
    r.speed ? String(r.speed.analysisFps) : '—',
    r.speed ? `${r.speed.xRealTime.toFixed(2)} (${r.speed.xRealTimeCpu.toFixed(2)})` : '—',
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
  const all = report.agreement.reduce((a, g) => ({ base: a.base + g.baseReps, matched: a.matched + g.matched, agreed: a.agreed + g.agreed }), { base: 0, matched: 0, agreed: 0 });
  const overall = all.base === 0 ? null : Number((all.agreed / all.base).toFixed(3));
  const overallCountedBoth = all.matched === 0 ? null : Number((all.agreed / all.matched).toFixed(3));
  // What the coach still says on the base clips: clear flags (cues) on the base reps of the clips
  // the agreement is measured on, so a band that only makes everything borderline shows here.
  const baseCases = report.cases.filter((c) => c.variant === 'base' && c.repFlags.length > 0 && !c.clip.startsWith('synthetic/'));
  const baseReps = baseCases.flatMap((c) => c.repFlags);
  const clearOnBase = { reps: baseReps.length, clearFlags: baseReps.reduce((n, r) => n + r.clearFlags.length, 0), repsWithClearFlag: baseReps.filter((r) => r.clearFlags.length > 0).length };
  if (args.json) {
    console.log(JSON.stringify({ source: 'variant-fixtures', cases: report.cases, totals: summary, verdictAgreement: { overall, overallCountedBoth, agreed: all.agreed, baseReps: all.base, matched: all.matched, clearOnBase, perVariant: report.agreement }, missing: report.missing }, null, 2));
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
  console.log(
    `\nverdict agreement with the base clip (clear flags, reps matched by peak time): overall ${percent(overall)} (${all.agreed} of ${all.base} base reps; ` +
      `a rep the variant did not count disagrees), ${percent(overallCountedBoth)} of the ${all.matched} counted on both`,
  );
  console.log(
    `clear flags on the ${clearOnBase.reps} base reps (what the coach cues): ${clearOnBase.clearFlags}, on ${clearOnBase.repsWithClearFlag} reps; ` +
      `borderline flags (within the measured noise band, docs/rules.md) are not cues`,
  );
  for (const g of report.agreement) console.log(`  ${g.variant.padEnd(9)} ${g.agreed}/${g.baseReps} agreed (${g.matched} matched)  ${percent(g.rate)}`);
  if (report.missing.length > 0) {
    const byVariant = new Map<string, number>();
    for (const m of report.missing) byVariant.set(m.split(' ')[1] as string, (byVariant.get(m.split(' ')[1] as string) ?? 0) + 1);
    const list = [...byVariant].map(([v, n]) => `${v} ×${n}`).join(', ');
    console.log(`\n${report.missing.length} variant fixtures not extracted (npm run extract-variants; --json lists them): ${list}`);
  }
}

/** Speed over all video rows, and how many counts match the all-frames ones; null for a fixture run. */
function speedTotals(rows: readonly RepEvalRow[]) {
  const timed = rows.filter((r) => r.speed);
  if (timed.length === 0) return null;
  const sum = (pick: (r: RepEvalRow) => number): number => timed.reduce((a, r) => a + pick(r), 0);
  const total = repEvalSpeed(Number(sum((r) => r.speed?.videoS ?? 0).toFixed(2)), 0, sum((r) => r.speed?.secondsTaken ?? 0), sum((r) => r.speed?.cpuSecondsTaken ?? 0));
  const compared = timed.filter((r) => r.allFrames);
  return {
    videoS: total.videoS, secondsTaken: total.secondsTaken, cpuSecondsTaken: total.cpuSecondsTaken, xRealTime: total.xRealTime, xRealTimeCpu: total.xRealTimeCpu,
    withAllFrames: compared.length,
    sameAsAllFrames: compared.filter((r) => r.allFrames?.foundReps === r.foundReps).length,
  };
}

/** The committed every-frame landmarks of `clip`, or null where none were extracted. */
function everyFrameFixture(clip: string, detector: DetectorId): LandmarkFixture | null {
  try {
    return loadLandmarkFixture(clip.split('/').pop() as string, detector);
  } catch {
    return null;
  }
}

/** The all-frames columns of a row: the core over the every-frame landmarks. */
function allFramesOf(clip: string, label: ClipLabel, detector: DetectorId): RepEvalRow['allFrames'] {
  const fixture = everyFrameFixture(clip, detector);
  if (!fixture) return null;
  const row = evaluateClip(clip, analyzeFixture(fixture), label);
  return { foundReps: row.foundReps, countError: row.countError, facing: row.facing, peakErrorS: row.peakErrorS, flags: row.flags };
}

interface RateRow {
  /** Every `frameStep`-th frame (1: all). */
  frameStep: number;
  /** The analysis rates this step gives the clips, frames a second. */
  analysisFps: number[];
  totals: ReturnType<typeof totals>;
  /** Clips whose count, facing, or flags differ from every frame. */
  countChanged: string[];
  facingChanged: string[];
  flagsChanged: string[];
  /** Largest |peak error − the all-frames peak error| over the clips, seconds. */
  maxPeakErrorShiftS: number | null;
}

/** `--rates`: the core over every-frame landmarks thinned to each rate, against every frame. */
function runRateSweep(args: EvalArgs, labels: Record<string, ClipLabel>, clips: readonly string[]): void {
  const fixtures = clips.flatMap((clip) => {
    const fixture = everyFrameFixture(clip, args.detector);
    return fixture ? [{ clip, fixture }] : [];
  });
  if (fixtures.length === 0) throw new Error(`expected landmark fixtures for ${args.detector}, got none`);
  const rowsAt = (step: number): RepEvalRow[] => fixtures.map(({ clip, fixture }) => evaluateClip(clip, analyzeFixture(thinFixtureByStep(fixture, step)), labels[clip] ?? {}));
  const base = rowsAt(1);
  const short = (clip: string): string => clip.split('/').pop()?.replace(/\.[^.]+$/, '') ?? clip;
  const sweep: RateRow[] = [1, ...SWEEP_STEPS].map((step) => {
    const rows = rowsAt(step);
    const shifts = rows.flatMap((r, i) => {
      const b = base[i]?.peakErrorS;
      return r.peakErrorS === null || b === null || b === undefined ? [] : [Math.abs(r.peakErrorS - b)];
    });
    return {
      frameStep: step,
      analysisFps: [...new Set(fixtures.filter((f) => f.fixture.fps > 0).map((f) => Number((f.fixture.fps / step).toFixed(2))))].sort((a, b) => b - a),
      totals: totals(rows),
      countChanged: rows.filter((r, i) => r.foundReps !== base[i]?.foundReps).map((r) => short(r.clip)),
      facingChanged: rows.filter((r, i) => r.facing !== base[i]?.facing).map((r) => short(r.clip)),
      flagsChanged: rows.filter((r, i) => r.flags.join() !== base[i]?.flags.join()).map((r) => short(r.clip)),
      maxPeakErrorShiftS: shifts.length === 0 ? null : Number(Math.max(...shifts).toFixed(2)),
    };
  });
  if (args.json) {
    console.log(JSON.stringify({ detector: args.detector, source: 'landmark-fixtures thinned', clips: fixtures.length, rates: sweep }, null, 2));
    return;
  }
  console.log(`${fixtures.length} clips, every-frame ${args.detector} landmarks thinned to every n-th frame, as the CLI decodes:`);
  console.log('step  fps (per clip)               exact count  facing  counts changed  facing changed  max peak-time shift s  set flags changed');
  for (const r of sweep) {
    console.log(
      `${String(r.frameStep).padEnd(4)}  ${r.analysisFps.join('/').padEnd(27)}  ${percent(r.totals.exactCountRate).padEnd(11)}  ${percent(r.totals.facingAccuracy).padEnd(6)}  ` +
        `${(r.countChanged.join(',') || 'none').padEnd(14)}  ${(r.facingChanged.join(',') || 'none').padEnd(14)}  ${cell(r.maxPeakErrorShiftS).padEnd(21)}  ${r.flagsChanged.join(', ') || 'none'}`,
    );
  }
}

async function main(): Promise<void> {
  const args = evalArgs(process.argv.slice(2));
  const labels = loadClipLabels();
  if (args.variants) {
    runVariantEval(args, labels);
    return;
  }
  const clips = Object.keys(labels).filter((clip) => VIDEO_PATTERN.test(clip)).sort();
  if (args.rates) {
    runRateSweep(args, labels, clips);
    return;
  }
  // Clips go through the app's per-frame pipeline (person check, lifter lock); the COCO angle
  // check measures the bare model on stills.
  const estimator = args.angles ? await createNodeEstimator(args.detector) : null;
  const pipeline = args.fromFixtures ? null : await createNodeFramePipeline(args.detector);
  const rows: RepEvalRow[] = [];
  try {
    for (const clip of clips) {
      process.stderr.write(`eval: ${clip}\n`);
      const label = labels[clip] ?? {};
      if (args.fromFixtures || !pipeline) {
        rows.push(evaluateClip(clip, analyzeFixture(loadLandmarkFixture(clip.split('/').pop() as string, args.detector)), label));
        continue;
      }
      const wallStart = performance.now();
      const cpuStart = process.cpuUsage();
      const report = await analyzeClip(join(SHARED_FIXTURES_DIR, clip), pipeline, {
        sourceName: clip,
        analysisFps: args.analysisFps,
        maxSide: args.maxSide,
      });
      const cpu = process.cpuUsage(cpuStart);
      const speed = repEvalSpeed(report.durationS, report.analysisFps ?? 0, (performance.now() - wallStart) / 1000, (cpu.user + cpu.system) / 1e6);
      process.stderr.write(`eval: ${clip}: ${speed.videoS} s of video in ${speed.secondsTaken} s (${speed.xRealTime}× real time; CPU ${speed.cpuSecondsTaken} s)\n`);
      rows.push({ ...evaluateClip(clip, report, label), speed, allFrames: allFramesOf(clip, label, args.detector) });
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
      const decoding = args.fromFixtures ? {} : { analysisFps: Number.isFinite(args.analysisFps) ? args.analysisFps : 'all', maxSide: Number.isFinite(args.maxSide) ? args.maxSide : 'full' };
      console.log(JSON.stringify({ detector: args.detector, source: args.fromFixtures ? 'landmark-fixtures' : 'videos', ...decoding, clips: rows, totals: summary, speed: speedTotals(rows), angles }, null, 2));
      return;
    }
    printTable(rows);
    const speed = speedTotals(rows);
    if (speed) {
      console.log(`\n${speed.videoS} s of video in ${speed.secondsTaken} s: ${speed.xRealTime}× real time (CPU ${speed.cpuSecondsTaken} s: ${speed.xRealTimeCpu}×; model load not included); ` +
        `counts as over every frame on ${speed.sameAsAllFrames} of ${speed.withAllFrames} clips with every-frame landmarks`);
    }
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
