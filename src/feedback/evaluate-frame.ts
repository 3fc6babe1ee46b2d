/**
 * Live, per-frame hints between reps: "turn side-on" / "step back" when the view is bad, and
 * "lean forward more" when the torso is out of its band while setting up. Conditions must
 * persist (measured with frame.timestampMs, never a clock) so one noisy frame never speaks.
 *
 * `state` is a small mutable object owned by the caller (one per live session), created by
 * createLiveHintState(); evaluateFrame updates it in place. It is plain data (resettable by
 * replacing it) and never needs saving.
 */
import type { FrameAnalysis, Phase } from '../analysis/types';
import type { RuleConfig } from './rule-config';
import { SEVERITY } from './rule-ids';
import { TORSO_LEAN_TOO_FLAT_CUE, TORSO_LEAN_TOO_UPRIGHT_CUE } from './rules/torso-lean';
import { finite } from './stats';
import type { LiveHint } from './types';

/** A condition that has been true since `sinceMs`, last seen true at `lastTrueMs`. */
export interface Persistence {
  sinceMs: number | null;
  lastTrueMs: number | null;
}

export interface LiveHintState {
  lastTimestampMs: number | null;
  view: Persistence;
  torso: Persistence;
  /** Which side of the band the torso is on while `torso` persists. */
  torsoDirection: 'upright' | 'flat' | null;
  /** A torso hint has been given and not yet cleared (hysteresis applies). */
  torsoHintActive: boolean;
}

export function createLiveHintState(): LiveHintState {
  return {
    lastTimestampMs: null,
    view: { sinceMs: null, lastTrueMs: null },
    torso: { sinceMs: null, lastTrueMs: null },
    torsoDirection: null,
    torsoHintActive: false,
  };
}

/** Phases with the leg at rest: lean there is the set-up posture, not part of a kick. */
const SETUP_PHASES: readonly Phase[] = ['setup', 'bottom'];

function clear(p: Persistence): void {
  p.sinceMs = null;
  p.lastTrueMs = null;
}

/**
 * Feed one observation: true / false / null (unknown this frame). Unknown and false readings only
 * break the condition once they have lasted longer than `toleranceMs`, so a dropped frame does not
 * restart the wait. Returns whether the condition currently holds for at least `persistMs`.
 */
function observe(p: Persistence, value: boolean | null, tMs: number, persistMs: number, toleranceMs: number): boolean {
  if (value === true) {
    p.sinceMs ??= tMs;
    p.lastTrueMs = tMs;
  } else if (p.lastTrueMs !== null && tMs - p.lastTrueMs > toleranceMs) {
    clear(p);
  } else if (value === false && p.lastTrueMs === null) {
    clear(p);
  }
  return p.sinceMs !== null && p.lastTrueMs !== null && p.lastTrueMs - p.sinceMs >= persistMs;
}

function viewText(frame: FrameAnalysis): string {
  const v = frame.view;
  if (v.reason !== null && v.reason.trim() !== '') return v.reason;
  if (!v.personFound) return 'Step into view of the camera';
  if (v.kind === 'front') return 'Turn side-on to the camera';
  if (!v.inFrame) return 'Step back — whole body in view';
  return 'Turn side-on to the camera';
}

export function evaluateFrame(frame: FrameAnalysis, config: Readonly<RuleConfig>, state: LiveHintState): LiveHint | null {
  const t = frame.timestampMs;
  if (!finite(t)) throw new TypeError(`frame.timestampMs: expected a finite number, got ${String(t)}`);
  // A new source (file after camera, analyser reset) starts its clock again: forget the past.
  if (state.lastTimestampMs !== null && t < state.lastTimestampMs) Object.assign(state, createLiveHintState());
  // A long gap (tab hidden, camera stalled) says nothing about what happened in between.
  if (state.lastTimestampMs !== null && t - state.lastTimestampMs > config.liveNullToleranceMs) {
    clear(state.view);
    clear(state.torso);
    state.torsoDirection = null;
  }
  state.lastTimestampMs = t;

  const viewBad = observe(state.view, !frame.view.usable, t, config.liveViewPersistMs, config.liveNullToleranceMs);
  if (!frame.view.usable) {
    // Angles from an unusable view are not readings: the torso hint waits for a good view.
    clear(state.torso);
    state.torsoDirection = null;
    state.torsoHintActive = false;
    return viewBad && state.view.sinceMs !== null
      ? { ruleId: 'not-visible', severity: SEVERITY.setup, text: viewText(frame), sinceMs: state.view.sinceMs }
      : null;
  }

  if (!SETUP_PHASES.includes(frame.phase)) {
    // Mid-rep the lean is judged per rep (torso-lean and momentum rules), not live.
    clear(state.torso);
    state.torsoDirection = null;
    state.torsoHintActive = false;
    return null;
  }

  const lean = frame.angles.torsoLeanDeg;
  let out: boolean | null = null;
  let direction: 'upright' | 'flat' | null = null;
  if (finite(lean)) {
    // Once a hint is showing, lean must come back inside the band by the hysteresis to clear it.
    const h = state.torsoHintActive ? config.liveTorsoHysteresisDeg : 0;
    if (lean < config.torsoLeanMinDeg + h) direction = 'upright';
    else if (lean > config.torsoLeanMaxDeg - h) direction = 'flat';
    out = direction !== null;
    if (direction !== null && state.torsoDirection !== null && direction !== state.torsoDirection) clear(state.torso);
    if (direction !== null) state.torsoDirection = direction;
  }
  const torsoBad = observe(state.torso, out, t, config.liveTorsoPersistMs, config.liveNullToleranceMs);
  if (state.torso.sinceMs === null) {
    state.torsoDirection = null;
    state.torsoHintActive = false;
  }
  if (!torsoBad || state.torso.sinceMs === null) return null;
  state.torsoHintActive = true;
  return {
    ruleId: 'torso-lean',
    severity: SEVERITY.effectiveness,
    text: state.torsoDirection === 'flat' ? TORSO_LEAN_TOO_FLAT_CUE : TORSO_LEAN_TOO_UPRIGHT_CUE,
    sinceMs: state.torso.sinceMs,
  };
}
