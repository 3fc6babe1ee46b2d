/**
 * The pure parts of the live-latency bench (scripts/bench-latency.ts): the frame-index code drawn
 * into the fake camera's frames and read back in the page, and the fault-to-cue figures from what
 * the page recorded. No DOM, no Node: unit-tested in tests/bench.
 */

/** Where the code sits: `bits` blocks of `block` px (bit 0 leftmost) and one always-lit marker block after them, rows y..y+h. */
export interface FrameCode {
  bits: number;
  block: number;
  y: number;
  h: number;
}

export const FRAME_CODE: FrameCode = { bits: 12, block: 24, y: 466, h: 12 };

/** Draws `index` into an 8-bit luma plane (`width` px a row): lit blocks 235, dark 16 (video range). */
export function stampFrameIndex(luma: Uint8Array, width: number, index: number, code: FrameCode = FRAME_CODE): void {
  if (!(Number.isInteger(index) && index >= 0 && index < 2 ** code.bits)) throw new Error(`expected a frame index 0..${2 ** code.bits - 1}, got ${index}`);
  if ((code.bits + 1) * code.block > width) throw new Error(`expected a frame at least ${(code.bits + 1) * code.block} px wide, got ${width}`);
  for (let b = 0; b <= code.bits; b += 1) {
    const on = b === code.bits || ((index >> b) & 1) === 1;
    for (let row = code.y; row < code.y + code.h; row += 1) luma.fill(on ? 235 : 16, row * width + b * code.block, row * width + (b + 1) * code.block);
  }
}

/** Reads the index back from one RGBA row across the code (x from 0), or null when the marker is not lit. */
export function readFrameIndex(rgba: ArrayLike<number>, code: FrameCode = FRAME_CODE): number | null {
  const lit = (b: number) => (rgba[(b * code.block + code.block / 2) * 4] ?? 0) > 128;
  if (!lit(code.bits)) return null;
  let index = 0;
  for (let b = 0; b < code.bits; b += 1) if (lit(b)) index |= 1 << b;
  return index;
}

export interface ProbedFrame {
  index: number;
  /** When the frame was captured (or presented), ms on performance.now()'s clock. */
  atMs: number;
}

export interface PaintedCue {
  paintMs: number;
  text: string;
  /** Reps counted when the cue appeared. */
  reps: number;
}

export function quantile(values: readonly number[], q: number): number {
  if (values.length === 0) return Number.NaN;
  const s = [...values].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))] as number;
}

/** Probed frames split where the looping clip starts again (the index goes back). */
export function splitLoops(frames: readonly ProbedFrame[]): ProbedFrame[][] {
  const loops: ProbedFrame[][] = [];
  for (const f of frames) {
    const cur = loops.at(-1);
    const prev = cur?.at(-1);
    if (!cur || (prev !== undefined && f.index < prev.index)) loops.push([f]);
    else cur.push(f);
  }
  return loops;
}

/** When frame `index` of `loop` was captured, from the nearest probed frame; null when the loop did not get that far. */
export function captureIn(loop: readonly ProbedFrame[], index: number, frameMs: number): number | null {
  const last = loop.at(-1);
  if (!last || last.index < index - 2) return null;
  let best = loop[0] as ProbedFrame;
  for (const f of loop) if (Math.abs(f.index - index) < Math.abs(best.index - index)) best = f;
  return best.atMs + (index - best.index) * frameMs;
}

export interface RepCueLatency {
  rep: number;
  loop: number;
  latencyMs: number;
  text: string;
}

/**
 * Fault-to-cue latency of each rep's cue: the cue painted when the rep count rose, minus the
 * capture of the loop's deciding frame (`decidingIndex`), taking the loop whose deciding frame is
 * nearest the paint (a negative latency: the live app decided before the every-frame run did).
 * Reps below `firstRep` are left out (warm-up).
 */
export function repCueLatencies(
  cues: readonly PaintedCue[],
  frames: readonly ProbedFrame[],
  decidingIndex: number,
  frameMs: number,
  firstRep = 2,
): RepCueLatency[] {
  const loops = splitLoops(frames);
  const out: RepCueLatency[] = [];
  let seenReps = 0;
  for (const cue of cues) {
    if (cue.reps <= seenReps) continue;
    seenReps = cue.reps;
    if (cue.reps < firstRep) continue;
    let best: { loop: number; latencyMs: number } | null = null;
    for (const [i, loop] of loops.entries()) {
      const c = captureIn(loop, decidingIndex, frameMs);
      if (c === null) continue;
      const latencyMs = cue.paintMs - c;
      if (best === null || Math.abs(latencyMs) < Math.abs(best.latencyMs)) best = { loop: i, latencyMs };
    }
    if (best) out.push({ rep: cue.reps, loop: best.loop, latencyMs: best.latencyMs, text: cue.text });
  }
  return out;
}
