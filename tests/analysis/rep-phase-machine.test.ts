import { describe, expect, it } from 'vitest';
import { RepPhaseMachine, type RepEvent } from '../../src/analysis/rep-phase-machine';
import type { Phase } from '../../src/analysis/types';
import { createPrng } from '../../src/synthetic/prng';
import { repTimeline, type TimelineOptions } from '../../src/synthetic/rep-timeline';

interface Run {
  events: RepEvent[];
  phases: Phase[];
}

function feed(values: (tS: number) => number | null, durationS: number, fps: number, machine = new RepPhaseMachine()): Run {
  const events: RepEvent[] = [];
  const phases: Phase[] = [];
  for (let k = 0; k <= durationS * fps; k += 1) {
    const t = k / fps;
    const u = machine.update(t * 1000, values(t));
    phases.push(u.phase);
    if (u.completed) events.push(u.completed);
  }
  return { events, phases };
}

const TEMPO: TimelineOptions = { reps: 4, leadInS: 1, concentricS: 1, holdS: 0.3, eccentricS: 1.2, restS: 0.5, leadOutS: 1 };

describe('rep/phase machine', () => {
  for (const [name, rest, rom] of [
    ['bent-over, rests at +22°', 22, 40],
    ['upright knee drive, rests at −40°', -40, 70],
    ['short range of 20°', 10, 20],
  ] as const) {
    it(`counts relative to the set's own rest: ${name}`, () => {
      const tl = repTimeline(TEMPO);
      const run = feed((t) => rest + rom * tl.shapeAt(t), tl.durationS, 30);
      expect(run.events).toHaveLength(4);
      run.events.forEach((e, i) => {
        expect(e.restDeg).toBeCloseTo(rest, 0);
        expect(e.romDeg).toBeCloseTo(rom, 0);
        expect(Math.abs(e.peakMs - (tl.reps[i]?.peakS ?? 0) * 1000)).toBeLessThan(40);
      });
    });
  }

  it('walks through setup → lifting → peak → lowering → bottom', () => {
    const tl = repTimeline({ ...TEMPO, reps: 2 });
    const { phases } = feed((t) => 22 + 40 * tl.shapeAt(t), tl.durationS, 30);
    const order = phases.filter((p, i) => i === 0 || p !== phases[i - 1]);
    expect(order.slice(0, 6)).toEqual(['setup', 'lifting', 'peak', 'lowering', 'bottom', 'lifting']);
  });

  it('counts only when the leg comes back, not at the top', () => {
    const tl = repTimeline({ ...TEMPO, reps: 1, leadOutS: 0 });
    const stuckUp = (t: number) => (t > tl.reps[0]!.peakS ? 62 : 22 + 40 * tl.shapeAt(t));
    expect(feed(stuckUp, 6, 30).events).toHaveLength(0);
  });

  it('ignores noise, a range below the minimum, and twitches shorter than the minimum duration', () => {
    const rng = createPrng(2);
    expect(feed(() => 22 + 1.2 * rng.gaussian(), 20, 30).events).toHaveLength(0);
    const small = repTimeline({ ...TEMPO, reps: 3 });
    expect(feed((t) => 22 + 12 * small.shapeAt(t), small.durationS, 30).events).toHaveLength(0);
    const twitch = repTimeline({ ...TEMPO, concentricS: 0.1, eccentricS: 0.12, holdS: 0 });
    expect(feed((t) => 22 + 30 * twitch.shapeAt(t), twitch.durationS, 30).events).toHaveLength(0);
  });

  it('does not count a half-twitch in a set of full reps', () => {
    const tl = repTimeline({ ...TEMPO, reps: 5 });
    // Rep 4 reaches only 30 % of the others' range.
    const v = (t: number) => 22 + (t > tl.reps[3]!.startS && t < tl.reps[3]!.endS ? 14 : 45) * tl.shapeAt(t);
    expect(feed(v, tl.durationS, 30).events).toHaveLength(4);
  });

  it('counts constant-tension reps that never quite return to rest', () => {
    // The leg turns back up at 25 % of its range.
    const v = (t: number) => 22 + 40 * (0.25 + 0.75 * (0.5 - 0.5 * Math.cos((2 * Math.PI * t) / 2.5)));
    const run = feed((t) => (t < 1 ? 22 + 10 : v(t - 1)), 1 + 2.5 * 5, 30);
    expect(run.events.length).toBeGreaterThanOrEqual(4);
    expect(run.events.length).toBeLessThanOrEqual(5);
  });

  it('survives 3 fps sampling', () => {
    const tl = repTimeline({ ...TEMPO, reps: 5, concentricS: 1.2, eccentricS: 1.5 });
    expect(feed((t) => 22 + 40 * tl.shapeAt(t), tl.durationS, 3).events).toHaveLength(5);
  });

  it('drops a rep interrupted by a long hole, and keeps counting after it', () => {
    const tl = repTimeline({ ...TEMPO, reps: 3 });
    const hole = (t: number) => (t > tl.reps[1]!.startS + 0.3 && t < tl.reps[1]!.startS + 2.5 ? null : 22 + 40 * tl.shapeAt(t));
    expect(feed(hole, tl.durationS, 30).events).toHaveLength(2);
    const shortHole = (t: number) => (t > tl.reps[1]!.startS + 0.3 && t < tl.reps[1]!.startS + 0.8 ? null : 22 + 40 * tl.shapeAt(t));
    expect(feed(shortHole, tl.durationS, 30).events).toHaveLength(3);
  });

  it('finish() counts a rep on its way down when the stream ends, not one still up', () => {
    const tl = repTimeline({ ...TEMPO, reps: 1, leadOutS: 0 });
    const m = new RepPhaseMachine();
    const end = tl.reps[0]!.endS - 0.3;
    feed((t) => 22 + 40 * tl.shapeAt(t), end, 30, m);
    expect(m.finish()).not.toBeNull();
    const up = new RepPhaseMachine();
    feed((t) => 22 + 40 * tl.shapeAt(t), tl.reps[0]!.peakS, 30, up);
    expect(up.finish()).toBeNull();
  });

  it('rebase() drops a rep under way', () => {
    const tl = repTimeline({ ...TEMPO, reps: 1 });
    const m = new RepPhaseMachine();
    let count = 0;
    for (let k = 0; k <= tl.durationS * 30; k += 1) {
      const t = k / 30;
      if (Math.abs(t - tl.reps[0]!.peakS) < 1e-9 || (t > tl.reps[0]!.peakS && t < tl.reps[0]!.peakS + 1 / 30)) m.rebase();
      if (m.update(t * 1000, 22 + 40 * tl.shapeAt(t)).completed) count += 1;
    }
    expect(count).toBe(0);
  });

  it('restarts a first lift from where the leg settles at a new rest (stance change), then counts from there', () => {
    const tl = repTimeline({ ...TEMPO, reps: 3, leadInS: 1.5 });
    // Stepping near -13°, then the bent-over stance at +22° (a "lift" that never returns), then reps.
    const signal = (t: number) => (t < 1 ? -13 + 2 * Math.sin(6 * t) : 22 + 40 * tl.shapeAt(t));
    expect(feed(signal, tl.durationS, 10).events).toHaveLength(3);
  });

  it('does not restart a rep whose squeeze is held still at the top', () => {
    const tl = repTimeline({ ...TEMPO, reps: 3, holdS: 1.5 });
    expect(feed((t) => 22 + 40 * tl.shapeAt(t), tl.durationS, 10).events).toHaveLength(3);
  });
});
