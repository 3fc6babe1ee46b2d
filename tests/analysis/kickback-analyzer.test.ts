import { describe, expect, it } from 'vitest';
import { createKickbackAnalyzer, LIFTER_AMBIGUOUS_MESSAGE } from '../../src/analysis/kickback-analyzer';
import { generateKickbackSet } from '../../src/synthetic/kickback-set';
import { LOOKALIKE_MOVEMENTS, generateLookAlikeSet } from '../../src/synthetic/other-movements';
import type { PoseFrame } from '../../src/pose/types';
import { analyse } from './helpers';

describe('kickback analyser: angles recover the synthetic truth', () => {
  const cases = [
    { name: 'BlazePose 2D side view, facing right', keypointSet: 'blazepose33', facing: 'right', cameraYawDeg: 0 },
    { name: 'BlazePose 2D side view, facing left, left leg', keypointSet: 'blazepose33', facing: 'left', leg: 'left', cameraYawDeg: 0 },
    { name: 'MoveNet 2D side view', keypointSet: 'movenet17', facing: 'left', cameraYawDeg: 0 },
    { name: 'BlazePose 3D, camera 35° oblique', keypointSet: 'blazepose33', facing: 'right', cameraYawDeg: 35 },
    { name: 'BlazePose 3D, camera 35° oblique, facing left', keypointSet: 'blazepose33', facing: 'left', cameraYawDeg: -35 },
  ] as const;
  for (const c of cases) {
    it(`${c.name}: every angle within 0.5° noise-free`, () => {
      const set = generateKickbackSet({ ...c, archDeg: 6, kneeCurlDeg: 15, reps: 2 });
      const { results } = analyse(set.frames, { smoothLandmarks: false });
      let checked = 0;
      results.forEach((r, i) => {
        const truth = set.truth[i];
        if (truth === undefined || r.workingLeg === null) return;
        expect(r.anglePath).toBe(c.cameraYawDeg === 0 ? '2d' : '3d');
        expect(r.angles.torsoLeanDeg).toBeCloseTo(truth.torsoLeanDeg, 0);
        expect(Math.abs((r.angles.torsoLeanDeg ?? NaN) - truth.torsoLeanDeg)).toBeLessThan(0.5);
        expect(Math.abs((r.angles.thighElevationDeg ?? NaN) - truth.thighElevationDeg)).toBeLessThan(0.5);
        expect(Math.abs((r.angles.hipExtensionDeg ?? NaN) - truth.hipExtensionDeg)).toBeLessThan(0.5);
        expect(Math.abs((r.angles.kneeFlexionDeg ?? NaN) - truth.kneeFlexionDeg)).toBeLessThan(0.5);
        checked += 1;
      });
      expect(checked).toBeGreaterThan(set.frames.length / 2);
    });
  }

  it('reports the 2D path as foreshortened when oblique, which is why 3D is chosen there', () => {
    const set = generateKickbackSet({ cameraYawDeg: 35, reps: 1 });
    const twoD = analyse(set.frames, { smoothLandmarks: false, anglePath: '2d' });
    const peak = set.truth.reduce((a, b) => (b.thighElevationDeg > a.thighElevationDeg ? b : a));
    const i = set.truth.indexOf(peak);
    const r = twoD.results[i];
    expect(r?.anglePath).toBe('2d');
    // tan(2D) = cos(35°)·tan(true): a 62° thigh reads about 5° low.
    expect(peak.thighElevationDeg - (r?.angles.thighElevationDeg ?? Infinity)).toBeGreaterThan(2);
  });

  it('lumbar arch follows the trunk rising during the rep, relative to its start', () => {
    const set = generateKickbackSet({ archDeg: 8, reps: 2 });
    const { results, reps } = analyse(set.frames, { smoothLandmarks: false });
    let checked = 0;
    results.forEach((r, i) => {
      const truth = set.truth[i];
      if (truth === undefined || r.angles.lumbarArchDeg === null) return;
      expect(Math.abs(r.angles.lumbarArchDeg - truth.lumbarArchDeg)).toBeLessThan(0.5);
      checked += 1;
    });
    expect(checked).toBeGreaterThan(set.frames.length / 2);
    expect(results.some((r) => r.lumbarArchSource === 'trunk-lean')).toBe(true);
    expect(reps).toHaveLength(2);
    for (const rep of reps) expect(rep.lumbarArchPeakDeg).toBeCloseTo(8, 0);
  });
});

describe('kickback analyser: reps', () => {
  it('counts each rep once, when the leg returns, with times close to the truth', () => {
    const set = generateKickbackSet({ reps: 5 });
    const { results, reps } = analyse(set.frames);
    expect(reps).toHaveLength(5);
    reps.forEach((rep, k) => {
      const truth = set.reps[k];
      expect(truth).toBeDefined();
      if (truth === undefined) return;
      expect(rep.index).toBe(k + 1);
      expect(rep.leg).toBe('right');
      expect(Math.abs(rep.peakMs - truth.peakMs)).toBeLessThan(120);
      expect(rep.startMs).toBeGreaterThanOrEqual(truth.startMs - 50);
      expect(rep.startMs).toBeLessThan(truth.peakMs);
      expect(rep.endMs).toBeLessThanOrEqual(truth.endMs + 150);
      expect(rep.endMs).toBeGreaterThan(truth.peakMs);
      expect(Math.abs(rep.romDeg - truth.romDeg)).toBeLessThan(2);
      expect(rep.confidence).toBe(1);
      expect(rep.series.length).toBeGreaterThan(10);
      expect(rep.series[0]?.tMs).toBeLessThanOrEqual(rep.startMs);
    });
    // The count goes up on the frame the rep completes, after the peak.
    const completions = results.filter((r) => r.completedRep !== null);
    expect(completions.map((r) => r.repCount)).toEqual([1, 2, 3, 4, 5]);
    completions.forEach((r, k) => {
      expect(r.timestampMs).toBeGreaterThan(set.reps[k]?.peakMs ?? Infinity);
    });
  });

  it('measures the set-up the synthetic set was built with (metrics)', () => {
    const set = generateKickbackSet({ reps: 3, torsoLeanDeg: 40, kneeFlexionDeg: 25, kneeCurlDeg: 30, romDeg: 45 });
    const { reps } = analyse(set.frames);
    expect(reps).toHaveLength(3);
    for (const rep of reps) {
      expect(rep.torsoLeanMeanDeg).toBeCloseTo(40, 0);
      expect(rep.torsoLeanRangeDeg).toBeLessThan(1);
      expect(Math.abs((rep.kneeFlexionAtPeakDeg ?? 0) - 55)).toBeLessThan(2);
      expect(Math.abs((rep.kneeFlexionRiseLiftingDeg ?? 0) - 30)).toBeLessThan(3);
      expect(Math.abs((rep.kneeFlexionRangeDeg ?? 0) - 30)).toBeLessThan(3);
      // Peak hip extension = rest 22 + ROM 45 − lean 40.
      expect(Math.abs((rep.peakHipExtensionDeg ?? 0) - 27)).toBeLessThan(1.5);
      expect(rep.pelvisTiltMaxDeg).toBeNull();
      expect(rep.anglePath).toBe('2d');
    }
  });

  it('tempo shows in concentric, eccentric and hold times and in angular velocity', () => {
    const slow = analyse(generateKickbackSet({ reps: 2, concentricS: 1.6, eccentricS: 2.4, holdS: 1 }).frames).reps;
    const fast = analyse(generateKickbackSet({ reps: 2, concentricS: 0.5, eccentricS: 0.6, holdS: 0 }).frames).reps;
    expect(slow).toHaveLength(2);
    expect(fast).toHaveLength(2);
    for (const s of slow) {
      // Threshold-based timing leaves out the slow ends of a smooth rep: 55–100 % of the truth.
      expect(s.concentricS).toBeGreaterThan(0.55 * 1.6);
      expect(s.concentricS).toBeLessThan(1.6 + 0.1);
      expect(s.eccentricS).toBeGreaterThan(0.55 * 2.4);
      expect(s.eccentricS).toBeLessThan(2.4 + 0.1);
      expect(s.holdS).toBeGreaterThan(1);
    }
    for (const f of fast) {
      expect(f.concentricS).toBeLessThan(0.5);
      expect(f.holdS).toBeLessThan(0.35);
      expect(f.peakAngularVelocityDegS ?? 0).toBeGreaterThan(2 * (slow[0]?.peakAngularVelocityDegS ?? Infinity));
    }
  });

  const setUps = [
    { name: 'bent-over (thigh rests at +22°)', restThighDeg: 22, torsoLeanDeg: 50 },
    { name: 'upright with a knee drive (thigh rests at −40°)', restThighDeg: -40, torsoLeanDeg: 10, romDeg: 70 },
  ];
  for (const s of setUps) {
    for (const fps of [3, 5, 10, 15, 30]) {
      it(`counts exactly with noise and dropped frames: ${s.name}, ${fps} fps`, () => {
        const set = generateKickbackSet({
          ...s,
          reps: 6,
          fps,
          noisePx: 1.5,
          noiseWorldM: 0.005,
          dropProbability: 0.15,
          seed: 11 + fps,
        });
        const { reps, last } = analyse(set.frames);
        expect(reps).toHaveLength(6);
        expect(last?.repCount).toBe(6);
        expect(last?.workingLeg).toBe('right');
      });
    }
  }

  for (const c of [
    { keypointSet: 'blazepose33', fps: 3, cameraYawDeg: 30, leg: 'left' },
    { keypointSet: 'movenet17', fps: 3, cameraYawDeg: 30, leg: 'left' },
    { keypointSet: 'movenet17', fps: 5, cameraYawDeg: -30, facing: 'left', leg: 'left', labelSwapProbability: 0.05 },
    { keypointSet: 'blazepose33', fps: 10, cameraYawDeg: -30, facing: 'left', leg: 'right' },
  ] as const) {
    it(`counts exactly when oblique, at ${c.fps} fps, far leg or near (${c.keypointSet}, ${c.leg} leg)`, () => {
      const set = generateKickbackSet({ ...c, reps: 6, noisePx: 2, noiseWorldM: 0.008, dropProbability: 0.2, seed: 2 });
      const analyzer = createKickbackAnalyzer();
      for (const f of set.frames) analyzer.push(f);
      analyzer.finish();
      expect(analyzer.reps).toHaveLength(6);
      // MoveNet's labels may start swapped; BlazePose's are trusted.
      if (c.keypointSet === 'blazepose33') expect(analyzer.reps.every((r) => r.leg === c.leg)).toBe(true);
    });
  }

  it('counts MoveNet reps through dozens of left/right label swaps', () => {
    const set = generateKickbackSet({ keypointSet: 'movenet17', reps: 5, labelSwapProbability: 0.08, noisePx: 1, seed: 5 });
    let swaps = 0;
    for (let i = 1; i < set.frames.length; i += 1) {
      const a = set.frames[i - 1]?.landmarks[13]?.x;
      const b = set.frames[i]?.landmarks[13]?.x;
      if (a !== undefined && b !== undefined && Math.abs(a - b) > 40) swaps += 1;
    }
    expect(swaps).toBeGreaterThan(20);
    const { reps } = analyse(set.frames);
    expect(reps).toHaveLength(5);
  });

  it('keeps counting across a pause mid-set and a long rest', () => {
    const a = generateKickbackSet({ reps: 3 });
    const b = generateKickbackSet({ reps: 3, startMs: (a.frames.at(-1)?.timestampMs ?? 0) + 8000, leadInS: 0 });
    // During the pause the person keeps standing there, leg at rest.
    const pause = generateKickbackSet({ reps: 0, leadInS: 7.9, leadOutS: 0, startMs: (a.frames.at(-1)?.timestampMs ?? 0) + 33 });
    const { reps } = analyse([...a.frames, ...pause.frames, ...b.frames].sort((x, y) => x.timestampMs - y.timestampMs).filter((f, i, arr) => i === 0 || f.timestampMs > (arr[i - 1]?.timestampMs ?? -1)));
    expect(reps).toHaveLength(6);
  });

  it('does not count noise, twitches or a rep that is too small', () => {
    const still = generateKickbackSet({ reps: 0, leadInS: 10, noisePx: 2, noiseWorldM: 0.01, seed: 3 });
    expect(analyse(still.frames).reps).toHaveLength(0);
    const tiny = generateKickbackSet({ reps: 4, romDeg: 8, noisePx: 1, seed: 4 });
    expect(analyse(tiny.frames).reps).toHaveLength(0);
    const twitch = generateKickbackSet({ reps: 3, romDeg: 30, concentricS: 0.1, eccentricS: 0.1, holdS: 0 });
    expect(analyse(twitch.frames).reps).toHaveLength(0);
  });

  it('does not count a leg already coming down at the start of the clip', () => {
    const set = generateKickbackSet({ reps: 2, leadInS: 0 });
    // Drop the first 1.2 s: the clip opens with the leg at the top, on its way down.
    const frames = set.frames.filter((f) => f.timestampMs >= 1200);
    const { reps } = analyse(frames);
    expect(reps).toHaveLength(1);
  });

  it('switches the working leg when the user changes legs', () => {
    const right = generateKickbackSet({ reps: 3, leg: 'right' });
    const end = right.frames.at(-1)?.timestampMs ?? 0;
    // Moving the ankle cuff to the other leg takes the user out of view for a moment.
    const away = generateKickbackSet({ reps: 0, leadInS: 2, leadOutS: 0, startMs: end + 1000 / 30 }).frames.map((f) => ({
      ...f,
      landmarks: [],
      worldLandmarks: [],
    }));
    const left = generateKickbackSet({ reps: 3, leg: 'left', startMs: (away.at(-1)?.timestampMs ?? 0) + 1000 / 30, leadInS: 1 });
    const { reps, last } = analyse([...right.frames, ...away, ...left.frames]);
    expect(reps.map((r) => r.leg)).toEqual(['right', 'right', 'right', 'left', 'left', 'left']);
    expect(last?.workingLeg).toBe('left');
  });

  for (const kind of LOOKALIKE_MOVEMENTS) {
    for (const keypointSet of ['blazepose33', 'movenet17'] as const) {
      it(`does not count a ${kind} as kickback reps (${keypointSet})`, () => {
        const set = generateLookAlikeSet(kind, { keypointSet, noisePx: 1, seed: 9 });
        expect(set.reps).toBeGreaterThan(0);
        const { reps } = analyse(set.frames);
        expect(reps).toHaveLength(0);
      });
    }
  }

  it('never loses reps: the list only grows, and reset() starts afresh', () => {
    const set = generateKickbackSet({ reps: 3 });
    const analyzer = createKickbackAnalyzer();
    let prev = 0;
    for (const f of set.frames) {
      analyzer.push(f);
      expect(analyzer.reps.length).toBeGreaterThanOrEqual(prev);
      prev = analyzer.reps.length;
    }
    expect(prev).toBe(3);
    analyzer.reset();
    expect(analyzer.reps).toHaveLength(0);
    for (const f of set.frames) analyzer.push(f);
    expect(analyzer.reps).toHaveLength(3);
  });

  it('results are plain serialisable data', () => {
    const set = generateKickbackSet({ reps: 1 });
    const { results } = analyse(set.frames, { includeLandmarks: true });
    const done = results.find((r) => r.completedRep !== null);
    expect(done).toBeDefined();
    expect(JSON.parse(JSON.stringify(done))).toEqual(done);
    expect(done?.smoothedLandmarks).toHaveLength(33);
  });
});

describe('kickback analyser: view and framing', () => {
  function withoutPerson(f: PoseFrame): PoseFrame {
    return { ...f, landmarks: [], worldLandmarks: [], score: 0 };
  }

  it('says so when nobody is in view', () => {
    const set = generateKickbackSet({ reps: 0, leadInS: 1 });
    const { last } = analyse(set.frames.map(withoutPerson));
    expect(last?.view).toMatchObject({ kind: 'unusable', personFound: false, usable: false, reason: 'No person in view' });
    expect(last?.angles.torsoLeanDeg).toBeNull();
  });

  it('calls a side view side and a front view front, and asks to turn side-on', () => {
    const side = analyse(generateKickbackSet({ reps: 0, leadInS: 2 }).frames).last;
    expect(side?.view).toMatchObject({ kind: 'side', usable: true, inFrame: true, reason: null });
    const oblique = analyse(generateKickbackSet({ reps: 0, leadInS: 2, cameraYawDeg: 30 }).frames).last;
    expect(oblique?.view).toMatchObject({ kind: 'oblique', usable: true });
    const front = analyse(generateKickbackSet({ reps: 0, leadInS: 2, cameraYawDeg: 85 }).frames).last;
    expect(front?.view).toMatchObject({ kind: 'front', usable: false, reason: 'Turn side-on to the camera' });
    // Front-on numbers would be knee spread read as hip extension: none are shown.
    expect(Object.values(front?.angles ?? {}).every((v) => v === null)).toBe(true);
    expect(Object.values(side?.angles ?? {}).some((v) => v !== null)).toBe(true);
  });

  it('does not count reps filmed front-on', () => {
    const set = generateKickbackSet({ reps: 4, cameraYawDeg: 85, keypointSet: 'movenet17' });
    expect(analyse(set.frames).reps).toHaveLength(0);
  });

  it('tells the user to step back when BlazePose invents legs below the image', () => {
    // Person too close: hips near the bottom edge, knees and ankles beyond it, visibility high.
    const set = generateKickbackSet({ reps: 2, hipCentreY: 640 });
    const { last, reps } = analyse(set.frames);
    expect(last?.view.reason).toBe('Step back: feet out of frame');
    expect(last?.view.inFrame).toBe(false);
    expect(last?.view.usable).toBe(false);
    expect(last?.view.missingJoints).toEqual(expect.arrayContaining(['leftKnee', 'rightKnee']));
    expect(last?.angles.hipExtensionDeg).toBeNull();
    expect(reps).toHaveLength(0);
  });

  it('treats joints below the visibility gate as unknown', () => {
    const set = generateKickbackSet({ reps: 1, visibility: 0.3 });
    const { last, reps } = analyse(set.frames);
    expect(last?.view.usable).toBe(false);
    // Inside the picture but below the gate: the detector's doubt (dark, blurred), not framing.
    expect(last?.view.reason).toBe("Can't see you clearly: add light or move closer");
    expect(last?.framing[0]?.reason).toBe('low-confidence');
    expect(last?.angles.kneeFlexionDeg).toBeNull();
    expect(reps).toHaveLength(0);
  });

  it('reports facing and pelvis tilt only where the view allows', () => {
    const left = analyse(generateKickbackSet({ reps: 1, facing: 'left' }).frames).last;
    expect(left?.facing).toBe('left');
    expect(left?.angles.pelvisTiltDeg).toBeNull();
    const oblique = analyse(generateKickbackSet({ reps: 1, cameraYawDeg: 30 }).frames).last;
    expect(oblique?.facing).toBe('right');
    expect(oblique?.angles.pelvisTiltDeg).toBeCloseTo(0, 1);
  });

  it('rejects frames that break the contract, with "expected X, got Y"', () => {
    const set = generateKickbackSet({ reps: 0, leadInS: 0.2 });
    const analyzer = createKickbackAnalyzer();
    const [a, b] = set.frames;
    if (a === undefined || b === undefined) throw new Error('expected two frames');
    analyzer.push(b);
    expect(() => analyzer.push(a)).toThrow(/expected timestampMs > .*, got 0/);
    expect(() => createKickbackAnalyzer().push({ ...a, landmarks: a.landmarks.slice(0, 5) })).toThrow(/expected 0 or 33 landmarks/);
    expect(() => createKickbackAnalyzer({ minVisibility: 2 })).toThrow(/expected minVisibility in \[0, 1\] or null, got 2/);
  });

  it('never outputs NaN, even for garbage landmarks', () => {
    const set = generateKickbackSet({ reps: 1 });
    const broken = set.frames.map((f, i) => ({
      ...f,
      landmarks: f.landmarks.map((l, j) => (j % 3 === i % 3 ? { ...l, x: NaN } : j % 5 === 0 ? { ...l, y: Infinity } : l)),
    }));
    const { results } = analyse(broken);
    expect(results).toHaveLength(broken.length);
    const text = JSON.stringify(results);
    expect(text.includes('NaN')).toBe(false);
    for (const r of results) {
      for (const v of Object.values(r.angles)) expect(v === null || Number.isFinite(v)).toBe(true);
    }
  });
});

describe('kickback analyser: back-contour slot for the lumbar arch', () => {
  it('uses a supplied back contour, relative to its shape at rest', () => {
    const set = generateKickbackSet({ reps: 1 });
    // A contour from shoulder to hip that bows towards the belly by `bow` px in the middle.
    const withContour = set.frames.map((f, i) => {
      const s = f.landmarks[12];
      const h = f.landmarks[24];
      if (s === undefined || h === undefined) return f;
      const bow = 20 * (set.truth[i]?.shape ?? 0);
      const dx = h.x - s.x;
      const dy = h.y - s.y;
      const len = Math.hypot(dx, dy);
      // Belly side of the trunk for a right-facing, bent-over lifter: image-down-ish normal.
      const nx = -dy / len;
      const ny = dx / len;
      const sign = ny > 0 ? 1 : -1;
      const pts = [0, 0.25, 0.5, 0.75, 1].map((k) => ({
        x: s.x + k * dx + sign * nx * bow * Math.sin(Math.PI * k),
        y: s.y + k * dy + sign * ny * bow * Math.sin(Math.PI * k),
      }));
      return { ...f, backContour: pts };
    });
    const { results, reps } = analyse(withContour, { smoothLandmarks: false });
    const used = results.filter((r) => r.lumbarArchSource === 'contour');
    expect(used.length).toBeGreaterThan(results.length / 2);
    const atRest = results[30];
    expect(atRest?.angles.lumbarArchDeg).toBeCloseTo(0, 6);
    expect(reps).toHaveLength(1);
    // A 20 px bow at the middle of a ~150 px chord: each half slopes ~atan(20/75) ≈ 15° the
    // other way, so the lumbar half turns ~30° against the thoracic half (lumbar-arch-contour.ts).
    expect(reps[0]?.lumbarArchPeakDeg ?? 0).toBeGreaterThan(25);
  });
});

describe('kickback analyser: a second person in view', () => {
  it('with no lifter lock (an older producer), stops trusting the readings and says why, and counts again after', () => {
    const set = generateKickbackSet({ reps: 4 });
    const half = Math.floor(set.frames.length / 2);
    // The first half of the set is filmed with a second person in the picture.
    const frames: PoseFrame[] = set.frames.map((f, i) => ({ ...f, personCount: i < half ? 2 : 1 }));
    const { results, reps } = analyse(frames);
    expect(results.slice(0, half).every((r) => !r.view.usable && r.view.reason === LIFTER_AMBIGUOUS_MESSAGE)).toBe(true);
    expect(results.slice(0, half).every((r) => r.framing[0]?.reason === 'lifter-ambiguous' && r.otherPeople === 1)).toBe(true);
    const clearFromMs = frames[half]!.timestampMs;
    expect(reps.every((rep) => rep.startMs >= clearFromMs)).toBe(true);
    // Exactly the reps that start once the picture is clear: none lost, none from the first half.
    const expected = set.reps.filter((truth) => truth.startMs >= clearFromMs).length;
    expect(expected).toBeGreaterThan(0);
    expect(expected).toBeLessThan(set.reps.length);
    expect(reps).toHaveLength(expected);
    expect(analyse(set.frames).reps).toHaveLength(set.reps.length);
  });

  it('an ambiguous lock pauses counting even when the frame says one person', () => {
    const set = generateKickbackSet({ reps: 3 });
    const frames: PoseFrame[] = set.frames.map((f) => ({ ...f, personCount: 1, lifterLock: 'ambiguous' }));
    const { results, reps, analyzer } = analyse(frames);
    expect(reps).toHaveLength(0);
    expect(results.every((r) => !r.view.usable && r.framing.some((i) => i.reason === 'lifter-ambiguous'))).toBe(true);
    analyzer.finish();
    expect(analyzer.framing.map((r) => r.reason)).toContain('lifter-ambiguous');
  });

  it('a locked lifter is coached as if alone, with an informational "Tracking you" issue', () => {
    const set = generateKickbackSet({ reps: 4 });
    const frames: PoseFrame[] = set.frames.map((f) => ({ ...f, personCount: 3, lifterLock: 'locked' }));
    const { results, reps } = analyse(frames);
    expect(reps).toHaveLength(analyse(set.frames).reps.length);
    expect(reps).toHaveLength(4);
    const mid = results[Math.floor(results.length / 2)];
    expect(mid?.view.usable).toBe(true);
    expect(mid?.otherPeople).toBe(2);
    expect(mid?.framing).toContainEqual({ reason: 'other-people', message: 'Tracking you — 2 other people in view' });
  });
});
