/**
 * Measures the noise of every signal a form rule compares with a threshold (src/feedback/
 * signal-noise.ts), from the same reps filmed differently: each clip's base landmark fixture
 * against its nuisance variants (mirror, far, w320, webcam15; not speed, which changes tempo) in
 * tests/fixtures/variants. Reps are matched by peak time; per signal the script prints the
 * spread of d = variant − base: σ = 1.4826 · median |d| (the MAD about zero, so a systematic shift
 * between setups counts as noise too; signal-noise.ts `sigma`, floored), the 80th percentile of
 * |d| (signal-noise.ts `band`, the borderline half-width, floored), the 90th and the RMS beside them, the
 * share of |d| beyond 2σ (≈ 5 % for a normal spread), and for time signals the share of |d|
 * within one frame interval.
 *
 * It also prints verdict agreement (docs/design.md#hard-variants: the share of base reps whose clear flags are
 * the same on a nuisance variant), per variant, over all base reps (a rep the variant did not
 * count disagrees) and over the reps counted on both sides; judged with no noise band and with
 * SIGNAL_NOISE; then every remaining disagreement with its cause.
 *
 *   npm run measure-noise [-- --json] [--variants mirror,far] [--stand-in]
 *
 * --stand-in: no variant fixtures needed; the plain all-frames fixtures in tests/fixtures/landmarks
 * are subsampled to 10 fps at three sampling phases (phase 0 = base), which measures only the
 * sampling-phase part of the noise.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { createKickbackAnalyzer } from '../src/analysis/kickback-analyzer';
import type { RepMetrics } from '../src/analysis/types';
import {
  DEFAULT_RULE_CONFIG,
  NOISY_SIGNALS,
  SIGNAL_NOISE,
  archRiseWhileExtendingDeg,
  clearFlags,
  createArchOnsetState,
  evaluateRep,
  peakThighSpeedDegS,
  repFrameIntervalMs,
  updateArchOnset,
  type NoisySignal,
  type RepVerdict,
  type SignalNoiseTable,
} from '../src/feedback';
import type { LandmarkFixture } from '../src/node/landmark-fixture';
import { LANDMARK_FIXTURES_DIR, parseLandmarkFixture } from '../src/node/load-landmark-fixture';
import { REPO_ROOT } from '../src/node/repo-paths';
import { listArg, parseScriptArgs, type CliOptions } from '../src/node/cli-args';

const VARIANTS_DIR = join(REPO_ROOT, 'tests', 'fixtures', 'variants');
const DETECTOR = 'blazepose-full';
// ref: docs/design.md#hard-variants, "nuisance variant (mirror, scale, quality; not speed, which changes tempo)";
// src/node/clip-variants.ts marks these four `nuisance`.
const DEFAULT_NUISANCE = ['mirror', 'far', 'w320', 'webcam15'];
// ref: 10 fps, the analysis rate of the variant fixtures (src/node/variant-fixture.ts ANALYSIS_FPS).
const STAND_IN_FPS = 10;
// ref: a rep's peak moves by a frame or two between setups (100–200 ms at 10 fps); reps of one
// set are ≥ 2 s apart, so 0.6 s never matches a neighbouring rep.
const MATCH_TOLERANCE_MS = 600;
// ref: 1.4826 · MAD estimates σ of a normal distribution.
const MAD_TO_SIGMA = 1.4826;
// ref: signal-noise.ts, the band: the setup change 4 readings in 5 stay within. With ~24 pairs the
// 80th percentile rests on the 5 largest differences; the 90th (printed beside it) on 2–3, one or
// two reps of one re-encode.
const BAND_QUANTILE = 0.8;
// ref: a conventional 90 % prediction interval, printed to show the tails.
const TAIL_QUANTILE = 0.9;
// ref: below 5 paired reps a spread is not a spread; signal-noise.ts then keeps the angle-error fallback (docs/design.md#visibility-gate).
const MIN_SAMPLES = 5;
/**
 * The smallest σ worth a band, by unit: the resolution a lifter is shown (messages round to 1°),
 * half a frame at the 10 fps analysis rate, and 1° over the 100 ms speed span. Many reps read the
 * same on two setups (knee rise clipped at 0), which would otherwise give σ = 0.
 */
const SIGMA_FLOOR: Readonly<Record<string, number>> = { deg: 1, s: 0.05, 'deg/s': 10 };

interface Args {
  json: boolean;
  standIn: boolean;
  variants: string[];
}

const MEASURE_NOISE_USAGE = `usage: npm run measure-noise [-- --json] [--variants mirror,far] [--stand-in]

The noise of every signal a form rule compares with a threshold, from each clip's base landmark
fixture against its nuisance variants, and verdict agreement per variant.
  --variants LIST  comma-separated nuisance variants (default: ${DEFAULT_NUISANCE.join(',')})
  --stand-in       no variant fixtures needed: every-frame fixtures subsampled at three phases
Exit codes: 0 done, 1 error, 2 bad arguments.`;

function measureArgs(argv: readonly string[]): Args {
  const options = { json: { type: 'boolean' }, 'stand-in': { type: 'boolean' }, variants: { type: 'string' } } as const satisfies CliOptions;
  const { values } = parseScriptArgs('measure-noise', MEASURE_NOISE_USAGE, argv, options, false);
  return { json: values.json ?? false, standIn: values['stand-in'] ?? false, variants: values.variants === undefined ? DEFAULT_NUISANCE : listArg(values.variants) };
}

function load(file: string): LandmarkFixture {
  return parseLandmarkFixture(JSON.parse(readFileSync(file, 'utf8')), file);
}

/** Every frame whose time first reaches the next 1/fps slot, starting `phaseMs` into the clip. */
function subsample(f: LandmarkFixture, fps: number, phaseMs: number): LandmarkFixture {
  const stepMs = 1000 / fps;
  const frames = [];
  let nextMs = phaseMs;
  for (const frame of f.frames) {
    if (frame.timestampMs + 1e-6 < nextMs) continue;
    frames.push(frame);
    nextMs += stepMs * Math.max(1, Math.floor((frame.timestampMs - nextMs) / stepMs) + 1);
  }
  return { ...f, fps, frames };
}

/** clip → variant → fixture. */
function collect(args: Args): Map<string, Map<string, LandmarkFixture>> {
  const out = new Map<string, Map<string, LandmarkFixture>>();
  if (args.standIn) {
    const suffix = `.${DETECTOR}.json`;
    for (const name of readdirSync(LANDMARK_FIXTURES_DIR).filter((n) => n.endsWith(suffix)).sort()) {
      const full = load(join(LANDMARK_FIXTURES_DIR, name));
      const stepMs = 1000 / STAND_IN_FPS;
      out.set(
        name.slice(0, -suffix.length),
        new Map([
          ['base', subsample(full, STAND_IN_FPS, 0)],
          ['phase+1/3', subsample(full, STAND_IN_FPS, stepMs / 3)],
          ['phase+2/3', subsample(full, STAND_IN_FPS, (2 * stepMs) / 3)],
        ]),
      );
    }
    return out;
  }
  let names: string[] = [];
  try {
    names = readdirSync(VARIANTS_DIR);
  } catch {
    return out;
  }
  const suffix = `.${DETECTOR}.json`;
  for (const name of names.filter((n) => n.endsWith(suffix)).sort()) {
    const stem = name.slice(0, -suffix.length);
    const dot = stem.lastIndexOf('.');
    if (dot <= 0) continue;
    const clip = stem.slice(0, dot);
    const variant = stem.slice(dot + 1);
    if (variant !== 'base' && !args.variants.includes(variant)) continue;
    const byVariant = out.get(clip) ?? new Map<string, LandmarkFixture>();
    byVariant.set(variant, load(join(VARIANTS_DIR, name)));
    out.set(clip, byVariant);
  }
  return out;
}

interface Judged {
  reps: RepMetrics[];
  before: RepVerdict[];
  after: RepVerdict[];
}

const ZERO_NOISE: SignalNoiseTable = Object.fromEntries(
  NOISY_SIGNALS.map((s) => [s, { ...SIGNAL_NOISE[s], sigma: 0, band: 0, frameIntervals: 0 }]),
) as unknown as SignalNoiseTable;

function judge(reps: readonly RepMetrics[], noise: SignalNoiseTable): RepVerdict[] {
  // As src/node/judge-set.ts: each rep against the arch onset learned before it.
  let archOnset = createArchOnsetState();
  return reps.map((rep) => {
    const verdict = evaluateRep(rep, DEFAULT_RULE_CONFIG, { archOnset, noise });
    archOnset = updateArchOnset(archOnset, rep, DEFAULT_RULE_CONFIG);
    return verdict;
  });
}

function analyse(f: LandmarkFixture): Judged {
  const analyzer = createKickbackAnalyzer();
  for (const frame of f.frames) analyzer.push(frame);
  analyzer.finish();
  const reps = [...analyzer.reps];
  return { reps, before: judge(reps, ZERO_NOISE), after: judge(reps, SIGNAL_NOISE) };
}

const num = (v: number | null | undefined): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);

function signalValue(rep: RepMetrics, s: NoisySignal): number | null {
  switch (s) {
    case 'archRiseDeg':
      return num(archRiseWhileExtendingDeg(rep));
    case 'peakThighSpeedDegS':
      return num(peakThighSpeedDegS(rep));
    case 'pelvisTiltRiseDeg':
      return num(rep.pelvisTiltRiseDeg);
    default:
      return num(rep[s]);
  }
}

/**
 * Greedy one-to-one pairs of base and variant reps by nearest peak time, same working leg (on a
 * mirrored variant the picture's left is the lifter's right, so the leg label swaps).
 */
function matchReps(base: readonly RepMetrics[], other: readonly RepMetrics[], mirrored: boolean): [number, number | null][] {
  const used = new Set<number>();
  return base.map((b, i) => {
    let best: number | null = null;
    const leg = mirrored ? (b.leg === 'left' ? 'right' : 'left') : b.leg;
    other.forEach((o, j) => {
      if (used.has(j) || o.leg !== leg) return;
      const d = Math.abs(o.peakMs - b.peakMs);
      if (d <= MATCH_TOLERANCE_MS && (best === null || d < Math.abs((other[best] as RepMetrics).peakMs - b.peakMs))) best = j;
    });
    if (best !== null) used.add(best);
    return [i, best];
  });
}

const key = (v: RepVerdict | undefined): string =>
  v === undefined ? '<no rep>' : clearFlags(v).map((f) => f.ruleId).sort().join(',');

/** Every flag with its reading, borderline ones marked "?", for reading a disagreement. */
const detail = (v: RepVerdict | undefined): string =>
  v === undefined
    ? '<no rep>'
    : v.flags.map((f) => `${f.ruleId}${f.borderline ? '?' : ''} ${f.measure} ${f.measured.toFixed(2)}/${f.threshold}`).join('; ');

/** How each rule stood on a rep: a clear flag, borderline, a judged pass, or silent (unknown). */
function standings(v: RepVerdict): Map<string, 'clear' | 'borderline' | 'pass' | 'silent'> {
  const out = new Map<string, 'clear' | 'borderline' | 'pass' | 'silent'>();
  for (const s of v.silent) out.set(s.ruleId, 'silent');
  for (const f of v.flags) out.set(f.ruleId, f.borderline ? 'borderline' : 'clear');
  return out;
}

/** True when some rule is a clear flag on one rep and a judged clear pass on the other: a fault ↔ fine flip. */
function hardFlip(a: RepVerdict, b: RepVerdict): boolean {
  const sa = standings(a);
  const sb = standings(b);
  const rules = new Set([...sa.keys(), ...sb.keys()]);
  for (const r of rules) {
    const x = sa.get(r) ?? 'pass';
    const y = sb.get(r) ?? 'pass';
    if ((x === 'clear' && y === 'pass') || (x === 'pass' && y === 'clear')) return true;
  }
  return false;
}

function medianOf(values: readonly number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? (s[m] as number) : ((s[m - 1] as number) + (s[m] as number)) / 2;
}

function quantileOf(values: readonly number[], q: number): number {
  const s = [...values].sort((a, b) => a - b);
  const pos = (s.length - 1) * q;
  const lo = Math.floor(pos);
  const a = s[lo] as number;
  const b = s[Math.ceil(pos)] as number;
  return a + (b - a) * (pos - lo);
}

interface NoiseRow {
  signal: NoisySignal;
  unit: string;
  n: number;
  clips: string[];
  sigmaRobust: number | null;
  /** 90th percentile of |variant − base|. */
  q90: number | null;
  /** 80th percentile of |variant − base|. */
  q80: number | null;
  /** What signal-noise.ts should hold as sigma: max(robust σ, floor), null when too few reps. */
  suggested: number | null;
  /** What signal-noise.ts should hold as band: max(q80, floor), null when too few reps. */
  suggestedBand: number | null;
  rms: number | null;
  /** Share of |d| beyond 2 · sigmaRobust (≈ 0.05 for a normal spread). */
  beyond2Sigma: number | null;
  /** Time signals: share of |d| within one frame interval of the two reps (the larger). */
  withinOneFrame: number | null;
  medianDiff: number | null;
  /** The band signal-noise.ts holds now. */
  inUse: number;
  /** The σ signal-noise.ts holds now. */
  inUseSigma: number;
}

interface AgreementRow {
  variant: string;
  baseReps: number;
  matched: number;
  agreeBefore: number;
  agreeAfter: number;
  agreeBeforeMatched: number;
  agreeAfterMatched: number;
}

/**
 * Why a base rep's clear flags differ on a variant: the variant did not count it (a counting
 * problem), judged it not visible, could not measure a rule's signal on one side (silent), or a
 * reading crossed a band edge (clear ↔ borderline) or the whole band (clear ↔ clear pass).
 */
function disagreementCause(a: RepVerdict, b: RepVerdict | undefined): string {
  if (b === undefined) return 'not counted on the variant';
  const nv = (v: RepVerdict): boolean => v.flags.some((f) => f.ruleId === 'not-visible');
  if (nv(a) !== nv(b)) return 'not-visible on one side';
  const sa = standings(a);
  const sb = standings(b);
  const causes = new Set<string>();
  for (const r of new Set([...sa.keys(), ...sb.keys()])) {
    const x = sa.get(r) ?? 'pass';
    const y = sb.get(r) ?? 'pass';
    if ((x === 'clear') === (y === 'clear')) continue;
    const other = x === 'clear' ? y : x;
    causes.add(`${r}: ${other === 'silent' ? 'silent on one side' : other === 'borderline' ? 'clear ↔ borderline' : 'clear ↔ clear pass'}`);
  }
  return [...causes].sort().join('; ');
}

function main(): void {
  const args = measureArgs(process.argv.slice(2));
  const clips = collect(args);
  const diffs = new Map<NoisySignal, { d: number; clip: string; frameS: number | null }[]>(NOISY_SIGNALS.map((s) => [s, []]));
  const agreement = new Map<string, AgreementRow>();
  const flips: string[] = [];
  const causeCount = new Map<string, number>();
  const usedClips: string[] = [];
  const runs: { base: RepMetrics[]; other: RepMetrics[]; matches: [number, number | null][] }[] = [];
  const baseRuns: RepMetrics[][] = [];

  for (const [clip, byVariant] of clips) {
    const baseFixture = byVariant.get('base');
    if (baseFixture === undefined) continue;
    const base = analyse(baseFixture);
    if (base.reps.length === 0) continue;
    usedClips.push(clip);
    baseRuns.push(base.reps);
    for (const [variant, fixture] of byVariant) {
      if (variant === 'base') continue;
      const other = analyse(fixture);
      const row = agreement.get(variant) ?? { variant, baseReps: 0, matched: 0, agreeBefore: 0, agreeAfter: 0, agreeBeforeMatched: 0, agreeAfterMatched: 0 };
      const matches = matchReps(base.reps, other.reps, variant === 'mirror');
      runs.push({ base: base.reps, other: other.reps, matches });
      for (const [i, j] of matches) {
        row.baseReps += 1;
        const b = base.reps[i] as RepMetrics;
        const before = [key(base.before[i]), key(j === null ? undefined : other.before[j])];
        const after = [key(base.after[i]), key(j === null ? undefined : other.after[j])];
        if (before[0] === before[1]) row.agreeBefore += 1;
        if (after[0] === after[1]) row.agreeAfter += 1;
        else {
          const cause = disagreementCause(base.after[i] as RepVerdict, j === null ? undefined : other.after[j]);
          flips.push(
            `${clip} ${variant} rep@${(b.peakMs / 1000).toFixed(1)}s (${cause}): base [${detail(base.after[i])}] vs [${detail(j === null ? undefined : other.after[j])}]`,
          );
          causeCount.set(cause, (causeCount.get(cause) ?? 0) + 1);
        }
        if (j === null) continue;
        row.matched += 1;
        if (before[0] === before[1]) row.agreeBeforeMatched += 1;
        if (after[0] === after[1]) row.agreeAfterMatched += 1;
        const o = other.reps[j] as RepMetrics;
        for (const s of NOISY_SIGNALS) {
          const vb = signalValue(b, s);
          const vo = signalValue(o, s);
          const fb = repFrameIntervalMs(b);
          const fo = repFrameIntervalMs(o);
          const frameS = fb === null || fo === null ? null : Math.max(fb, fo) / 1000;
          if (vb !== null && vo !== null) diffs.get(s)?.push({ d: vo - vb, clip, frameS });
        }
      }
      agreement.set(variant, row);
    }
  }

  const table: NoiseRow[] = NOISY_SIGNALS.map((s) => {
    const list = diffs.get(s) ?? [];
    const d = list.map((x) => x.d);
    const enough = d.length >= MIN_SAMPLES;
    const sigmaRobust = enough ? MAD_TO_SIGMA * medianOf(d.map(Math.abs)) : null;
    const q90 = enough ? quantileOf(d.map(Math.abs), TAIL_QUANTILE) : null;
    const q80 = enough ? quantileOf(d.map(Math.abs), BAND_QUANTILE) : null;
    const timed = list.filter((x) => x.frameS !== null);
    return {
      signal: s,
      unit: SIGNAL_NOISE[s].unit,
      n: d.length,
      clips: [...new Set(list.map((x) => x.clip))],
      sigmaRobust,
      q90,
      q80,
      suggested: sigmaRobust === null ? null : Math.max(sigmaRobust, SIGMA_FLOOR[SIGNAL_NOISE[s].unit] ?? 0),
      suggestedBand: q80 === null ? null : Math.max(q80, SIGMA_FLOOR[SIGNAL_NOISE[s].unit] ?? 0),
      rms: d.length > 0 ? Math.sqrt(d.reduce((a, x) => a + x * x, 0) / d.length) : null,
      beyond2Sigma: sigmaRobust === null ? null : d.filter((x) => Math.abs(x) > 2 * sigmaRobust).length / d.length,
      withinOneFrame:
        SIGNAL_NOISE[s].unit !== 's' || timed.length === 0
          ? null
          : timed.filter((x) => Math.abs(x.d) <= (x.frameS as number) + 1e-9).length / timed.length,
      medianDiff: d.length > 0 ? medianOf(d) : null,
      inUse: SIGNAL_NOISE[s].band,
      inUseSigma: SIGNAL_NOISE[s].sigma,
    };
  });
  const agreementRows = [...agreement.values()];

  // How agreement depends on the band: σ from each estimator (the table in use where a signal has
  // too few reps), times k.
  const agreementWith = (noise: SignalNoiseTable, matchedOnly = false, noHardFlip = false): number => {
    let agree = 0;
    let total = 0;
    for (const run of runs) {
      const vb = judge(run.base, noise);
      const vo = judge(run.other, noise);
      for (const [i, j] of run.matches) {
        if (matchedOnly && j === null) continue;
        total += 1;
        if (noHardFlip) {
          if (j !== null && !hardFlip(vb[i] as RepVerdict, vo[j] as RepVerdict)) agree += 1;
        } else if (key(vb[i]) === key(j === null ? undefined : vo[j])) agree += 1;
      }
    }
    return total === 0 ? Number.NaN : agree / total;
  };
  const scaled = (pick: (r: NoiseRow) => number | null, k: number): SignalNoiseTable =>
    Object.fromEntries(
      table.map((r) => [
        r.signal,
        { ...SIGNAL_NOISE[r.signal], band: k * (pick(r) ?? r.inUse), frameIntervals: k * SIGNAL_NOISE[r.signal].frameIntervals },
      ]),
    ) as unknown as SignalNoiseTable;
  /** Clear flags on the base reps (what the coach still cues): the price of a wider band. */
  const clearOnBase = (noise: SignalNoiseTable): number =>
    baseRuns.reduce((sum, reps) => sum + judge(reps, noise).reduce((n, v) => n + clearFlags(v).length, 0), 0);
  const MULTIPLES = [0, 0.5, 1, 1.5, 2, 3];
  const sweep = {
    multiples: MULTIPLES,
    inUse: MULTIPLES.map((k) => agreementWith(scaled(() => null, k))),
    robust: MULTIPLES.map((k) => agreementWith(scaled((r) => r.sigmaRobust, k))),
    q90: MULTIPLES.map((k) => agreementWith(scaled((r) => r.q90, k))),
    q90Matched: MULTIPLES.map((k) => agreementWith(scaled((r) => r.q90, k), true)),
    q80: MULTIPLES.map((k) => agreementWith(scaled((r) => r.q80, k))),
    q80Matched: MULTIPLES.map((k) => agreementWith(scaled((r) => r.q80, k), true)),
    q80NoHardFlip: MULTIPLES.map((k) => agreementWith(scaled((r) => r.q80, k), true, true)),
    rmsNoHardFlip: MULTIPLES.map((k) => agreementWith(scaled((r) => r.rms, k), true, true)),
    robustNoHardFlip: MULTIPLES.map((k) => agreementWith(scaled((r) => r.suggested, k), true, true)),
    rmsMatched: MULTIPLES.map((k) => agreementWith(scaled((r) => r.rms, k), true)),
    clearOnBaseQ80: MULTIPLES.map((k) => clearOnBase(scaled((r) => r.q80, k))),
    clearOnBaseRms: MULTIPLES.map((k) => clearOnBase(scaled((r) => r.rms, k))),
    q90NoHardFlip: MULTIPLES.map((k) => agreementWith(scaled((r) => r.q90, k), true, true)),
    rms: MULTIPLES.map((k) => agreementWith(scaled((r) => r.rms, k))),
    suggested: MULTIPLES.map((k) => agreementWith(scaled((r) => r.suggested, k))),
    inUseMatched: MULTIPLES.map((k) => agreementWith(scaled(() => null, k), true)),
    suggestedMatched: MULTIPLES.map((k) => agreementWith(scaled((r) => r.suggested, k), true)),
    inUseNoHardFlip: MULTIPLES.map((k) => agreementWith(scaled(() => null, k), true, true)),
    suggestedNoHardFlip: MULTIPLES.map((k) => agreementWith(scaled((r) => r.suggested, k), true, true)),
    clearOnBaseRobust: MULTIPLES.map((k) => clearOnBase(scaled((r) => r.sigmaRobust, k))),
    clearOnBaseQ90: MULTIPLES.map((k) => clearOnBase(scaled((r) => r.q90, k))),
    clearOnBaseInUse: MULTIPLES.map((k) => clearOnBase(scaled(() => null, k))),
  };

  if (args.json) {
    process.stdout.write(`${JSON.stringify({ standIn: args.standIn, clips: usedClips, noise: table, agreement: agreementRows, sweep, flips, causes: Object.fromEntries(causeCount) }, null, 2)}\n`);
    return;
  }
  const f = (v: number | null, unit: string): string => (v === null ? 'n/a' : unit === 's' ? v.toFixed(3) : v.toFixed(2));
  console.log(`clips with base reps: ${usedClips.length ? usedClips.join(', ') : 'none'}${args.standIn ? ' (stand-in: 10 fps phases)' : ''}`);
  const share = (v: number | null): string => (v === null ? 'n/a' : `${Math.round(100 * v)} %`);
  console.log('\nsignal                      unit    n  σ=1.4826·med|d|   q80|d|   q90|d|  |d|>2σ   RMS   median d  ≤1 frame   suggested σ / band   in use σ / band');
  for (const r of table) {
    console.log(
      `${r.signal.padEnd(27)} ${r.unit.padEnd(6)} ${String(r.n).padStart(3)} ${f(r.sigmaRobust, r.unit).padStart(16)} ${f(r.q80, r.unit).padStart(8)} ${f(r.q90, r.unit).padStart(8)}` +
        `${share(r.beyond2Sigma).padStart(8)}${f(r.rms, r.unit).padStart(8)} ${f(r.medianDiff, r.unit).padStart(9)} ${share(r.withinOneFrame).padStart(9)}` +
        `   ${`${f(r.suggested, r.unit)} / ${f(r.suggestedBand, r.unit)}`.padStart(18)}   ${f(r.inUseSigma, r.unit)} / ${f(r.inUse, r.unit)}`,
    );
  }
  console.log('\nverdict agreement: base reps whose clear flags (rule ids) are the same on the variant');
  console.log('                         over all base reps (uncounted = disagree)   over reps counted on both sides');
  console.log('variant      base reps  matched   no band        borderline          no band        borderline');
  let tot = { n: 0, m: 0, b: 0, a: 0, bm: 0, am: 0 };
  const frac = (x: number, n: number): string => `${x}/${n}${n === 0 ? '' : ` ${Math.round((100 * x) / n)} %`}`;
  for (const r of agreementRows) {
    tot = { n: tot.n + r.baseReps, m: tot.m + r.matched, b: tot.b + r.agreeBefore, a: tot.a + r.agreeAfter, bm: tot.bm + r.agreeBeforeMatched, am: tot.am + r.agreeAfterMatched };
    console.log(
      `${r.variant.padEnd(12)} ${String(r.baseReps).padStart(9)}  ${String(r.matched).padStart(7)}   ${frac(r.agreeBefore, r.baseReps).padStart(10)}  ${frac(r.agreeAfter, r.baseReps).padStart(14)}   ${frac(r.agreeBeforeMatched, r.matched).padStart(14)}  ${frac(r.agreeAfterMatched, r.matched).padStart(14)}`,
    );
  }
  console.log(
    `${'all'.padEnd(12)} ${String(tot.n).padStart(9)}  ${String(tot.m).padStart(7)}   ${frac(tot.b, tot.n).padStart(10)}  ${frac(tot.a, tot.n).padStart(14)}   ${frac(tot.bm, tot.m).padStart(14)}  ${frac(tot.am, tot.m).padStart(14)}`,
  );
  const row = (name: string, values: number[]): string =>
    `${name.padEnd(22)}${values.map((v) => (Number.isNaN(v) ? 'n/a' : `${Math.round(100 * v)} %`).padStart(7)).join('')}`;
  console.log('\nagreement against the band: borderline when |m − T| < k · band, the band from each estimator');
  console.log(row('k =', []) + MULTIPLES.map((k) => String(k).padStart(7)).join(''));
  console.log(row('band in use', sweep.inUse));
  console.log(row('σ robust (MAD)', sweep.robust));
  console.log(row('q90 |d|', sweep.q90));
  console.log(row('σ RMS', sweep.rms));
  console.log(row('σ suggested', sweep.suggested));
  console.log(row('in use, matched reps', sweep.inUseMatched));
  console.log(row('suggested, matched', sweep.suggestedMatched));
  console.log(row('q90, matched', sweep.q90Matched));
  console.log(row('q80 |d|', sweep.q80));
  console.log(row('q80, matched', sweep.q80Matched));
  console.log(row('RMS, matched', sweep.rmsMatched));
  console.log('matched reps with no fault ↔ fine flip (a rule clear on one, judged and passed on the other):');
  console.log(row('band in use', sweep.inUseNoHardFlip));
  console.log(row('σ suggested', sweep.suggestedNoHardFlip));
  console.log(row('q90 |d|', sweep.q90NoHardFlip));
  console.log(row('q80 |d|', sweep.q80NoHardFlip));
  console.log(row('σ RMS', sweep.rmsNoHardFlip));
  const count = (name: string, values: number[]): string => `${name.padEnd(22)}${values.map((v) => String(v).padStart(7)).join('')}`;
  console.log('clear flags left on the base reps (what the coach still cues on the base clips):');
  console.log(count('band in use', sweep.clearOnBaseInUse));
  console.log(count('σ robust (MAD)', sweep.clearOnBaseRobust));
  console.log(count('q90 |d|', sweep.clearOnBaseQ90));
  console.log(count('q80 |d|', sweep.clearOnBaseQ80));
  console.log(count('σ RMS', sweep.clearOnBaseRms));
  if (causeCount.size > 0) {
    console.log('\ndisagreements by cause (band in use):');
    for (const [cause, n] of [...causeCount].sort((a, b) => b[1] - a[1])) console.log(`  ${String(n).padStart(3)}  ${cause}`);
  }
  if (flips.length > 0) console.log(`\nremaining disagreements:\n  ${flips.join('\n  ')}`);
}

main();
