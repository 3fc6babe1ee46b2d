/**
 * docs/design.md#reliability, hardening: whole PoseFrame streams with hostile numbers (NaN, ±Infinity, huge, negative)
 * and hostile timing (duplicate, out-of-order, non-finite timestamps) through the analyser and
 * the feedback rules, the way the live app chains them (src/state/coach.svelte.ts).
 *
 * Oracle, per frame: the only exceptions allowed are the documented ones, with their exact
 * message: validatePoseFrame's (a frame that breaks the contract) and the analyser's
 * "expected timestampMs > last" (time not moving forward); a frame that breaks neither must be
 * accepted. After an exception the stream carries on, as the worker does. And no NaN, anywhere,
 * in anything the analyser or the rules return: frame analyses, reps, rejected reps, framing
 * ranges, verdicts, live hints, cues, the arch-onset learner and the set summary.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createKickbackAnalyzer } from '../../src/analysis/kickback-analyzer';
import type { RepMetrics } from '../../src/analysis/types';
import {
  RULE_PRESETS,
  createArchOnsetState,
  createCueArbiter,
  createLiveHintState,
  evaluateFrame,
  evaluateRep,
  judgeRep,
  summarizeSet,
  type RepVerdict,
} from '../../src/feedback';
import type { KeypointSet, PoseFrame } from '../../src/pose/types';
import { validatePoseFrame } from '../../src/pose/validate-pose-frame';
import { generateKickbackSet } from '../../src/synthetic';

// A few hundred whole streams per property: enough to hit every mutation kind many times, and
// under a minute on the shared 2-core machine. FUZZ_RUNS raises it for a longer local hunt.
const NUM_RUNS = Number(process.env.FUZZ_RUNS ?? 60);

/** Paths of every NaN inside a value (objects, arrays, getters already read). */
function nanPaths(value: unknown, path = '$', seen = new Set<unknown>()): string[] {
  if (typeof value === 'number') return Number.isNaN(value) ? [path] : [];
  if (typeof value !== 'object' || value === null || seen.has(value)) return [];
  seen.add(value);
  const out: string[] = [];
  for (const [k, v] of Object.entries(value)) out.push(...nanPaths(v, `${path}.${k}`, seen));
  return out;
}

function expectNoNaN(what: string, value: unknown): void {
  const paths = nanPaths(value);
  expect(paths, `${what} holds NaN at ${paths.join(', ')}`).toEqual([]);
}

/**
 * smoothedLandmarks is the detector's landmark array for the overlay, with the joints the
 * analyser read replaced by their smoothed positions. A landmark the detector gave as NaN and
 * the analyser could not read is echoed as it came (the overlay skips non-finite points,
 * src/ui/draw-skeleton.ts; any finite stand-in would draw a bone to a made-up place), so the
 * property here is: the analyser adds no NaN of its own.
 */
function expectNoNewNaN(frame: PoseFrame, smoothed: readonly PoseFrame['landmarks'][number][]): void {
  const added: string[] = [];
  smoothed.forEach((lm, i) => {
    const input = frame.landmarks[i];
    for (const key of ['x', 'y', 'z', 'visibility'] as const) {
      const out = lm[key];
      if (typeof out === 'number' && Number.isNaN(out) && !(input !== undefined && Number.isNaN(input[key]))) added.push(`smoothedLandmarks.${i}.${key}`);
    }
  });
  expect(smoothed.length === 0 || smoothed.length === frame.landmarks.length).toBe(true);
  expect(added, `analyser made NaN at ${added.join(', ')}`).toEqual([]);
}

const HOSTILE_NUMBER = fc.constantFrom(
  Number.NaN,
  Number.POSITIVE_INFINITY,
  Number.NEGATIVE_INFINITY,
  Number.MAX_VALUE,
  -Number.MAX_VALUE,
  1e300,
  -1e300,
  1e12,
  -1e12,
  -1,
  -0,
  0,
  Number.MIN_VALUE,
  Number.EPSILON,
);
const ANY_NUMBER = fc.oneof(HOSTILE_NUMBER, fc.double());

type Mutation =
  | { kind: 'landmark'; frame: number; joint: number; field: 'x' | 'y' | 'z' | 'visibility'; value: number }
  | { kind: 'world'; frame: number; joint: number; field: 'x' | 'y' | 'z' | 'visibility'; value: number }
  | { kind: 'all-landmarks'; frame: number; value: number }
  | { kind: 'timestamp'; frame: number; value: number }
  | { kind: 'duplicate-timestamp'; frame: number }
  | { kind: 'swap-with-previous'; frame: number }
  | { kind: 'shift-time'; frame: number; deltaMs: number }
  | { kind: 'image-size'; frame: number; field: 'imageWidth' | 'imageHeight'; value: number }
  | { kind: 'score'; frame: number; value: number }
  | { kind: 'person-count'; frame: number; value: number }
  | { kind: 'lifter-lock'; frame: number; lock: 'locked' | 'ambiguous' }
  | { kind: 'back-contour'; frame: number; points: { x: number; y: number }[] }
  | { kind: 'no-person'; frame: number }
  | { kind: 'drop'; frame: number };

const frameIndex = fc.nat({ max: 10_000 });
const field = fc.constantFrom('x' as const, 'y' as const, 'z' as const, 'visibility' as const);
const MUTATION: fc.Arbitrary<Mutation> = fc.oneof(
  { weight: 6, arbitrary: fc.record({ kind: fc.constant('landmark' as const), frame: frameIndex, joint: fc.nat({ max: 32 }), field, value: ANY_NUMBER }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('world' as const), frame: frameIndex, joint: fc.nat({ max: 32 }), field, value: ANY_NUMBER }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('all-landmarks' as const), frame: frameIndex, value: HOSTILE_NUMBER }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('timestamp' as const), frame: frameIndex, value: ANY_NUMBER }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('duplicate-timestamp' as const), frame: frameIndex }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('swap-with-previous' as const), frame: frameIndex }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('shift-time' as const), frame: frameIndex, deltaMs: fc.oneof(fc.integer({ min: -5000, max: 60_000 }), fc.double({ min: 1e-9, max: 1 })) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('image-size' as const), frame: frameIndex, field: fc.constantFrom('imageWidth' as const, 'imageHeight' as const), value: ANY_NUMBER }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('score' as const), frame: frameIndex, value: ANY_NUMBER }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('person-count' as const), frame: frameIndex, value: ANY_NUMBER }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('lifter-lock' as const), frame: frameIndex, lock: fc.constantFrom('locked' as const, 'ambiguous' as const) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('back-contour' as const), frame: frameIndex, points: fc.array(fc.record({ x: ANY_NUMBER, y: ANY_NUMBER }), { maxLength: 6 }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('no-person' as const), frame: frameIndex }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('drop' as const), frame: frameIndex }) },
);

const STREAM = fc.record({
  keypointSet: fc.constantFrom<KeypointSet>('blazepose33', 'movenet17'),
  leg: fc.constantFrom('left' as const, 'right' as const),
  facing: fc.constantFrom('left' as const, 'right' as const),
  fps: fc.constantFrom(10, 15, 30),
  seed: fc.nat({ max: 1000 }),
  noisePx: fc.constantFrom(0, 1, 3),
  preset: fc.constantFrom(...(Object.keys(RULE_PRESETS) as (keyof typeof RULE_PRESETS)[])),
  mutations: fc.array(MUTATION, { maxLength: 40 }),
});

function cloneFrame(f: PoseFrame): PoseFrame {
  return structuredClone(f);
}

/** A clean synthetic set (reps happen, so rep metrics and verdicts are exercised), then mutated. */
function buildStream(s: StreamSpec): PoseFrame[] {
  const set = generateKickbackSet({ keypointSet: s.keypointSet, leg: s.leg, facing: s.facing, fps: s.fps, seed: s.seed, noisePx: s.noisePx, reps: 3 });
  let frames = set.frames.map(cloneFrame);
  for (const m of s.mutations) {
    if (frames.length === 0) break;
    const i = m.frame % frames.length;
    const f = frames[i]!;
    switch (m.kind) {
      case 'landmark': {
        const lm = f.landmarks[m.joint % Math.max(1, f.landmarks.length)];
        if (lm) lm[m.field] = m.value;
        break;
      }
      case 'world': {
        const w = f.worldLandmarks?.[m.joint % Math.max(1, f.worldLandmarks.length)];
        if (w) w[m.field] = m.value;
        break;
      }
      case 'all-landmarks':
        for (const lm of f.landmarks) {
          lm.x = m.value;
          lm.y = m.value;
        }
        break;
      case 'timestamp':
        f.timestampMs = m.value;
        break;
      case 'duplicate-timestamp':
        if (i > 0) f.timestampMs = frames[i - 1]!.timestampMs;
        break;
      case 'swap-with-previous':
        if (i > 0) [frames[i - 1], frames[i]] = [f, frames[i - 1]!];
        break;
      case 'shift-time':
        for (const later of frames.slice(i)) later.timestampMs += m.deltaMs;
        break;
      case 'image-size':
        f[m.field] = m.value;
        break;
      case 'score':
        f.score = m.value;
        break;
      case 'person-count':
        f.personCount = m.value;
        break;
      case 'lifter-lock':
        f.lifterLock = m.lock;
        f.personCount = 2;
        break;
      case 'back-contour':
        f.backContour = m.points;
        break;
      case 'no-person':
        f.landmarks = [];
        delete f.worldLandmarks;
        break;
      case 'drop':
        frames = frames.filter((_, k) => k !== i);
        break;
    }
  }
  return frames;
}

type StreamSpec = {
  keypointSet: KeypointSet;
  leg: 'left' | 'right';
  facing: 'left' | 'right';
  fps: number;
  seed: number;
  noisePx: number;
  preset: keyof typeof RULE_PRESETS;
  mutations: Mutation[];
};

/** The error the analyser must throw for this frame (or null: it must accept it). */
function documentedError(frame: PoseFrame, lastAcceptedMs: number | null): string | null {
  try {
    validatePoseFrame(frame);
  } catch (e) {
    return (e as Error).message;
  }
  if (lastAcceptedMs !== null && !(frame.timestampMs > lastAcceptedMs)) {
    return `expected timestampMs > ${lastAcceptedMs}, got ${frame.timestampMs}`;
  }
  return null;
}

interface StreamOutcome {
  accepted: number;
  rejectedFrames: number;
  reps: number;
}

/** Runs one stream through analyser and rules as the coach does, asserting the oracle as it goes. */
function runStream(frames: readonly PoseFrame[], preset: keyof typeof RULE_PRESETS): StreamOutcome {
  const config = RULE_PRESETS[preset];
  const analyzer = createKickbackAnalyzer({ includeLandmarks: true, includeLegDetail: true });
  const arbiter = createCueArbiter(config);
  const hintState = createLiveHintState();
  let archOnset = createArchOnsetState();
  const verdicts: RepVerdict[] = [];
  let lastAcceptedMs: number | null = null;
  let accepted = 0;
  let rejectedFrames = 0;

  const onRep = (rep: RepMetrics, t: number): void => {
    expectNoNaN('rep', rep);
    const judged = judgeRep(rep, config, archOnset);
    archOnset = judged.archOnset;
    verdicts.push(judged.verdict);
    expectNoNaN('verdict', judged.verdict);
    expectNoNaN('arch onset', archOnset);
    expectNoNaN('evaluateRep', evaluateRep(rep, config, { archOnset }));
    expectNoNaN('rep cue', arbiter.onRep(judged.verdict, t));
  };

  for (const frame of frames) {
    const expected = documentedError(frame, lastAcceptedMs);
    if (expected !== null) {
      expect(() => analyzer.push(frame)).toThrow(expected);
      rejectedFrames += 1;
      continue;
    }
    const analysis = analyzer.push(frame);
    lastAcceptedMs = frame.timestampMs;
    accepted += 1;
    const { smoothedLandmarks, ...rest } = analysis;
    expectNoNaN(`analysis at ${frame.timestampMs}`, rest);
    expectNoNewNaN(frame, smoothedLandmarks ?? []);
    if (analysis.completedRep) onRep(analysis.completedRep, frame.timestampMs);
    const hint = evaluateFrame(analysis, config, hintState);
    expectNoNaN('live hint', hint);
    if (hint) expectNoNaN('hint cue', arbiter.onHint(hint, frame.timestampMs));
  }
  const last = analyzer.finish();
  if (last) onRep(last, lastAcceptedMs ?? last.endMs);
  expectNoNaN('reps', analyzer.reps);
  expectNoNaN('rejected reps', analyzer.rejected);
  expectNoNaN('framing ranges', analyzer.framing);
  expect(verdicts).toHaveLength(analyzer.reps.length);
  expectNoNaN('summary', summarizeSet(analyzer.reps, verdicts));
  return { accepted, rejectedFrames, reps: analyzer.reps.length };
}

describe('fuzz: hostile PoseFrame streams through analyser and rules', () => {
  it('an unmutated stream counts its reps (the harness itself sees reps, so the properties below exercise the rules)', () => {
    const out = runStream(buildStream({ keypointSet: 'blazepose33', leg: 'right', facing: 'right', fps: 30, seed: 1, noisePx: 1, preset: 'standard', mutations: [] }), 'standard');
    expect(out.reps).toBe(3);
    expect(out.rejectedFrames).toBe(0);
  });

  it('a mutated synthetic set: only documented exceptions, no NaN out', () => {
    let withReps = 0;
    let withRejectedFrames = 0;
    fc.assert(
      fc.property(STREAM, (spec) => {
        const out = runStream(buildStream(spec), spec.preset);
        if (out.reps > 0) withReps += 1;
        if (out.rejectedFrames > 0) withRejectedFrames += 1;
      }),
      { numRuns: NUM_RUNS, seed: Number(process.env.FUZZ_SEED ?? 20261202) },
    );
    // The streams were hostile enough to trip the documented errors, and tame enough to count.
    expect(withReps).toBeGreaterThan(0);
    expect(withRejectedFrames).toBeGreaterThan(0);
  });

  it('fully arbitrary frames (every number hostile or random): only documented exceptions, no NaN out', () => {
    const landmark = fc.record({ x: ANY_NUMBER, y: ANY_NUMBER, z: ANY_NUMBER, visibility: ANY_NUMBER });
    const frameArb = fc.record(
      {
        // Mostly valid frames (so the analyser gets past its checks), with hostile values mixed in.
        timestampMs: fc.oneof({ weight: 1, arbitrary: ANY_NUMBER }, { weight: 6, arbitrary: fc.integer({ min: 0, max: 100_000 }) }),
        imageWidth: fc.oneof({ weight: 1, arbitrary: ANY_NUMBER }, { weight: 6, arbitrary: fc.constant(640) }),
        imageHeight: fc.oneof({ weight: 1, arbitrary: ANY_NUMBER }, { weight: 6, arbitrary: fc.constant(480) }),
        keypointSet: fc.oneof(
          { weight: 6, arbitrary: fc.constantFrom<KeypointSet>('blazepose33', 'movenet17') },
          { weight: 1, arbitrary: fc.constantFrom('toString', '__proto__', 'constructor') as unknown as fc.Arbitrary<KeypointSet> },
        ),
        landmarks: fc.oneof(fc.constant([]), fc.array(landmark, { minLength: 17, maxLength: 17 }), fc.array(landmark, { minLength: 33, maxLength: 33 })),
        worldLandmarks: fc.option(fc.array(fc.record({ x: ANY_NUMBER, y: ANY_NUMBER, z: ANY_NUMBER, visibility: ANY_NUMBER }), { minLength: 33, maxLength: 33 }), { nil: undefined }),
        score: ANY_NUMBER,
        inferenceMs: ANY_NUMBER,
        personCount: fc.option(ANY_NUMBER, { nil: undefined }),
      },
      { requiredKeys: ['timestampMs', 'imageWidth', 'imageHeight', 'keypointSet', 'landmarks', 'score', 'inferenceMs'] },
    );
    fc.assert(
      fc.property(fc.array(frameArb, { maxLength: 60 }), fc.boolean(), fc.constantFrom('relaxed' as const, 'standard' as const, 'strict' as const), (frames, sorted, preset) => {
        // Sorted: the stream goes forward in time except where a hostile timestamp breaks it.
        if (sorted) frames.sort((a, b) => (Number.isFinite(a.timestampMs) && Number.isFinite(b.timestampMs) ? a.timestampMs - b.timestampMs : 0));
        runStream(frames as PoseFrame[], preset);
      }),
      { numRuns: NUM_RUNS * 3, seed: Number(process.env.FUZZ_SEED ?? 20261202) },
    );
  });
});

describe('fuzz: hostile rep records through the rules (a stored set read back, src/state restore)', () => {
  const NUMERIC_KEYS = [
    'startMs', 'peakMs', 'endMs', 'peakHipExtensionDeg', 'romDeg', 'concentricS', 'eccentricS', 'holdS', 'peakAngularVelocityDegS',
    'kneeFlexionAtPeakDeg', 'kneeFlexionRangeDeg', 'kneeFlexionRiseLiftingDeg', 'torsoLeanMeanDeg', 'torsoLeanRangeDeg',
    'lumbarArchPeakDeg', 'pelvisTiltMaxDeg', 'pelvisTiltRiseDeg', 'confidence',
  ] as const;
  const SAMPLE_KEYS = ['tMs', 'hipExtensionDeg', 'thighElevationDeg', 'lumbarArchDeg', 'kneeFlexionDeg', 'torsoLeanDeg'] as const;

  it('no exception, no NaN in verdicts, the learner or the summary figures', () => {
    const base = runRepsOfCleanSet();
    expect(base.length).toBeGreaterThan(0);
    const edit = fc.oneof(
      fc.record({ rep: fc.nat(), key: fc.constantFrom(...NUMERIC_KEYS), value: fc.oneof(ANY_NUMBER, fc.constant(null)) }),
      fc.record({ rep: fc.nat(), sample: fc.nat(), key: fc.constantFrom(...SAMPLE_KEYS), value: fc.oneof(ANY_NUMBER, fc.constant(null)) }),
    );
    fc.assert(
      fc.property(fc.array(edit, { maxLength: 12 }), fc.constantFrom('relaxed' as const, 'standard' as const, 'strict' as const), (edits, preset) => {
        const reps = structuredClone(base) as RepMetrics[];
        for (const e of edits) {
          const rep = reps[e.rep % reps.length]!;
          if ('sample' in e) {
            const s = rep.series[e.sample % Math.max(1, rep.series.length)] as unknown as Record<string, unknown> | undefined;
            if (s) s[e.key] = e.value;
          } else (rep as unknown as Record<string, unknown>)[e.key] = e.value;
        }
        const config = RULE_PRESETS[preset];
        let archOnset = createArchOnsetState();
        const verdicts: RepVerdict[] = [];
        for (const rep of reps) {
          const judged = judgeRep(rep, config, archOnset);
          archOnset = judged.archOnset;
          verdicts.push(judged.verdict);
          expectNoNaN('verdict', judged.verdict);
          expectNoNaN('arch onset', archOnset);
        }
        // The summary's rows repeat each rep's own times (garbage in, garbage out there); its
        // own figures must stay numbers.
        const { rows, ...figures } = summarizeSet(reps, verdicts);
        expect(rows).toHaveLength(reps.length);
        expectNoNaN('summary', figures);
      }),
      { numRuns: NUM_RUNS * 3, seed: Number(process.env.FUZZ_SEED ?? 20261202) },
    );
  });
});

function runRepsOfCleanSet(): RepMetrics[] {
  const analyzer = createKickbackAnalyzer();
  for (const f of generateKickbackSet({ noisePx: 1, reps: 3 }).frames) analyzer.push(f);
  analyzer.finish();
  return [...analyzer.reps];
}
