/**
 * The lumbar-arch step (docs/design.md#angles, lumbar arch (b) and (c); docs/angles.md#lumbar-arch): the
 * trunk lean, or the turn of the back contour's lumbar half against its thoracic half, now
 * against its mean at rest before the rep. The rest references are frozen while a rep is under
 * way. The settled reference (leg back down for half a second) is preferred; at live frame rates
 * with reps back to back the leg may never settle that long, so until it has, the reference is
 * the mean over the rest phase's frames (docs/design.md#frame-rates: a live run gets short pauses, few frames).
 */
import { trunkLeanArchDeg } from '../geometry/lumbar-arch';
import { contourTurnDeg } from '../geometry/lumbar-arch-contour';
import type { LumbarArchSource, Phase, Side } from './types';

// ref: docs/design.md#angles lumbar arch (b), "torso lean at rep start − now ... needs smoothing and a
// margin": the reference is the mean torso lean over the last half second at rest, where "at
// rest" means the thigh within 1.5° of the rep machine's rest level (about the 2D noise,
// docs/design.md#landmark-noise), so the first degrees of a lift (detected a little late) do not leak into it.
const ARCH_REFERENCE_MS = 500;
const ARCH_REST_BAND_DEG = 1.5;
// ref: rep-phase-machine.ts EDGE_FRAC (a rep is counted at 10 % of its range from rest): give the
// leg half a second to settle.
const ARCH_SETTLE_MS = 500;

/** Mean of a value over the last ARCH_REFERENCE_MS of rest (inputs are One Euro-smoothed). */
class RestReference {
  private items: { t: number; v: number }[] = [];
  private sum = 0;

  update(t: number, v: number | null, atRest: boolean): number | null {
    if (atRest && v !== null) {
      this.items.push({ t, v });
      this.sum += v;
      while (this.items.length > 1 && (this.items[0]?.t ?? 0) < t - ARCH_REFERENCE_MS) this.sum -= this.items.shift()?.v ?? 0;
    }
    return this.items.length === 0 ? null : this.sum / this.items.length;
  }
}

export interface ArchInput {
  t: number;
  usable: boolean;
  /** Torso lean of this frame (degrees), null when unknown. */
  leanDeg: number | null;
  facing: Side | null;
  backContour: readonly { x: number; y: number }[] | undefined;
  /** The reference leg's rep phase, rest level and thigh elevation now. */
  phase: Phase;
  restDeg: number | null;
  thighDeg: number | null;
}

export interface ArchReading {
  lumbarArchDeg: number | null;
  source: LumbarArchSource | null;
}

/** The settled reference when there is one, else the rest phase's (see the file comment). */
class TwoStageReference {
  private settled = new RestReference();
  private loose = new RestReference();

  update(t: number, v: number | null, atRest: boolean, restPhase: boolean): number | null {
    const settled = this.settled.update(t, v, atRest);
    const loose = this.loose.update(t, v, restPhase);
    return settled ?? loose;
  }
}

export class ArchReference {
  private leans = new TwoStageReference();
  private contours = new TwoStageReference();
  private restSinceMs: number | null = null;

  update(input: ArchInput): ArchReading {
    const { t, usable, facing } = input;
    const restPhase = input.phase === 'setup' || input.phase === 'bottom';
    if (!restPhase) this.restSinceMs = null;
    else if (this.restSinceMs === null) this.restSinceMs = t;
    // Right after a rep is counted the leg is still settling (and the trunk coming back down).
    const atRest =
      restPhase &&
      t - (this.restSinceMs ?? t) >= ARCH_SETTLE_MS &&
      input.restDeg !== null &&
      input.thighDeg !== null &&
      input.thighDeg - input.restDeg <= ARCH_REST_BAND_DEG;
    const refLean = this.leans.update(t, usable ? input.leanDeg : null, atRest, restPhase);
    let arch = usable ? trunkLeanArchDeg(refLean, input.leanDeg) : null;
    let source: LumbarArchSource | null = arch === null ? null : 'trunk-lean';
    const contour = input.backContour;
    if (contour !== undefined && facing !== null) {
      // Image pixels, like the contour: the turn needs only the facing to know which way is the back.
      const turn = contourTurnDeg(contour, facing);
      const refTurn = this.contours.update(t, usable ? turn : null, atRest, restPhase);
      if (usable && turn !== null && refTurn !== null) {
        arch = turn - refTurn;
        source = 'contour';
      }
    }
    return { lumbarArchDeg: arch, source };
  }
}
