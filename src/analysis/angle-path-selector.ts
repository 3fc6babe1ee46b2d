/**
 * Chooses the angle path (docs/design.md#angles; docs/design.md#2d-and-3d: "prefer 2D in a clean side view, 3D when
 * oblique"). The paths read a few degrees apart (20° on donkey_kick_cgi_kinkatsu), so in auto
 * mode a switch must be wanted for a while and waits until no rep is under way; a forced
 * preference applies at once. Reports when the path changed so reps can be re-based.
 */
import type { AnglePath, AnglePathPreference, ViewKind } from './types';

// Half a slow rep: long enough to ride out a flickering view reading.
const PATH_SWITCH_MS = 1000;

export class AnglePathSelector {
  private current: AnglePath | null = null;
  private wantedSinceMs: number | null = null;

  constructor(private readonly preference: AnglePathPreference) {}

  reset(): void {
    this.current = null;
    this.wantedSinceMs = null;
  }

  update(
    timestampMs: number,
    viewKind: ViewKind | null,
    hasWorld: boolean,
    repUnderWay: boolean,
  ): { path: AnglePath; changed: boolean } {
    const previous = this.current;
    let wanted: AnglePath = '2d';
    if (hasWorld && (this.preference === '3d' || (this.preference === 'auto' && viewKind !== null && viewKind !== 'side'))) {
      wanted = '3d';
    }
    if (this.preference !== 'auto' || this.current === null || wanted === this.current || !hasWorld) {
      this.current = hasWorld ? wanted : '2d';
      this.wantedSinceMs = null;
    } else if (this.wantedSinceMs === null) {
      this.wantedSinceMs = timestampMs;
    } else if (timestampMs - this.wantedSinceMs >= PATH_SWITCH_MS && !repUnderWay) {
      this.current = wanted;
      this.wantedSinceMs = null;
    }
    return { path: this.current, changed: previous !== null && previous !== this.current };
  }
}
