/**
 * A body reading that changed under the analyser: the trunk's lean moved to a new level and
 * stayed there. A lifter's trunk moves slowly during a set (guide: "a slight forward lean",
 * kept; the momentum rule already calls 12° of sway over a whole rep a fault), so a lean that
 * jumps by tens of degrees between two frames and then holds the new level is the detector
 * having read a different body before (a misread start of the clip, a video cut), or the lifter
 * having changed stance. Either way the thigh levels the rep machines learnt their rest from
 * belong to that other reading, and a rep measured from them is measured from nothing.
 *
 * Measured on the landmark fixtures (npm run eval -- --variants: 9 clips × up to 17 variants):
 * inside counted reps the trunk lean moves 0.3° per 100 ms at the median, 1.1° at the 90th and
 * 8.8° at the 99th percentile. The misread starts of donkey_kick_cgi_kinkatsu (mirrored: 95–107°
 * for 0.5 s, then 57° for the rest of the clip) jump 50° in 200 ms and hold.
 *
 * A single frame off the level (dosipov beside a squatter reads the trunk at 3° for one frame
 * between 65° readings) is an outlier, not a change: the new level must hold for CONFIRM_FRAMES
 * usable frames before the change is reported.
 */

// ref: docs/trust.md "Leg changes and clip ends": the largest lean step inside counted reps is
// under 9° per 100 ms at the 99th percentile; 20° is more than twice that and well under the
// 50° jump of a misread start.
export const TRUNK_JUMP_DEG = 20;
// ref: as TRUNK_JUMP_DEG: frames further apart than 300 ms (3 frames at the live 10 fps) say
// nothing about how fast the trunk moved; a longer hole already restarts the rep machines
// (rep-phase-machine.ts maxGapMs).
export const TRUNK_JUMP_MAX_GAP_MS = 1500;
// ref: 3 usable frames (0.2–0.3 s at 8–10 fps): one outlier frame, or two, cannot confirm a level.
export const CONFIRM_FRAMES = 3;

export class TrunkChangeDetector {
  private last: { t: number; lean: number } | null = null;
  /** A jump seen and not yet confirmed: where it went from and to, when, and frames at the new level. */
  private candidate: { t: number; from: number; to: number; frames: number } | null = null;

  reset(): void {
    this.last = null;
    this.candidate = null;
  }

  /**
   * One frame's trunk lean (null: not seen in a usable view). Returns the time of the jump once a
   * new level is confirmed (the frames from that time on belong to the new reading), else null.
   */
  update(t: number, leanDeg: number | null): number | null {
    if (leanDeg === null || !Number.isFinite(leanDeg)) return null;
    const c = this.candidate;
    // While a jump waits for confirmation, the level before it stays the reference: a frame back
    // there shows the jump was an outlier, and is no jump itself.
    const reference = c !== null ? { t: this.last?.t ?? t, lean: c.from } : this.last;
    this.last = { t, lean: leanDeg };
    if (c !== null) {
      if (Math.abs(leanDeg - c.to) < TRUNK_JUMP_DEG / 2 && Math.abs(leanDeg - c.from) >= TRUNK_JUMP_DEG) {
        c.frames += 1;
        if (c.frames < CONFIRM_FRAMES) return null;
        this.candidate = null;
        return c.t;
      }
      this.candidate = null;
    }
    if (reference !== null && t - reference.t <= TRUNK_JUMP_MAX_GAP_MS && Math.abs(leanDeg - reference.lean) >= TRUNK_JUMP_DEG) {
      this.candidate = { t, from: reference.lean, to: leanDeg, frames: 1 };
    }
    return null;
  }
}
