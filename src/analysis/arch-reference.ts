/**
 * The lumbar-arch step (DESIGN.md §2, lumbar arch (b) and (c)): the trunk lean, or the back
 * contour's arc, now against its mean at rest before the rep. The rest references are frozen
 * while a rep is under way and only refilled once the leg has settled back down.
 */
import { contourArcDeg, trunkLeanArchDeg } from '../geometry/lumbar-arch';
import { imageToPlane } from '../geometry/image-to-plane';
import { isFinitePlanePoint } from '../geometry/plane-point';
import type { PlaneBody } from '../geometry/sagittal-angles';
import type { LumbarArchSource, Phase, Side } from './types';

// ref: DESIGN.md §2 lumbar arch (b), "torso lean at rep start − now ... needs smoothing and a
// margin": the reference is the mean torso lean over the last half second at rest, where "at
// rest" means the thigh within 1.5° of the rep machine's rest level (about the 2D noise, issue 3
// facts), so the first degrees of a lift (detected a little late) do not leak into it.
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
  body: PlaneBody;
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

export class ArchReference {
  private leans = new RestReference();
  private contours = new RestReference();
  private restSinceMs: number | null = null;

  update(input: ArchInput): ArchReading {
    const { t, usable, body, facing } = input;
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
    const refLean = this.leans.update(t, usable ? input.leanDeg : null, atRest);
    let arch = usable ? trunkLeanArchDeg(refLean, input.leanDeg) : null;
    let source: LumbarArchSource | null = arch === null ? null : 'trunk-lean';
    const contour = input.backContour;
    if (contour !== undefined && contour.length >= 3 && facing !== null && isFinitePlanePoint(body.shoulderMid) && isFinitePlanePoint(body.hipMid)) {
      const pts = contour.map((q) => imageToPlane(q, facing)).filter(isFinitePlanePoint);
      const tf = body.shoulderMid.f - body.hipMid.f;
      const tu = body.shoulderMid.u - body.hipMid.u;
      const tl = Math.hypot(tf, tu);
      const arc = tl > 0 ? contourArcDeg(pts, { f: tu / tl, u: -tf / tl }) : null;
      const refArc = this.contours.update(t, usable ? arc : null, atRest);
      if (usable && arc !== null && refArc !== null) {
        arch = arc - refArc;
        source = 'contour';
      }
    }
    return { lumbarArchDeg: arch, source };
  }
}
