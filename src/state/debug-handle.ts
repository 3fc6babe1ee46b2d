/**
 * `window.__kickcheck`: what the end-to-end tests read and poke (pose, stats, reps, a worker
 * crash). Installed only in test builds (`vite build --mode e2e`, as tests/e2e/global-setup.ts
 * builds): App.svelte imports this module behind `import.meta.env.MODE === 'e2e'`, so a
 * production build drops it, and no script on the origin can read landmarks or crash the worker
 * (tests/e2e/production-build.test.ts greps dist for the handle's name).
 */
import type { LiveSession } from './live-session.svelte';

export const DEBUG_HANDLE_NAME = '__kickcheck';

export function installDebugHandle(session: LiveSession): void {
  const coach = session.coach;
  (globalThis as unknown as Record<string, unknown>)[DEBUG_HANDLE_NAME] = {
    get pose() { return session.pose; },
    get stats() { return session.stats; },
    get report() { return session.report; },
    get status() { return session.status; },
    get paused() { return session.paused; },
    get runOutcomes() { return [...session.runOutcomes]; },
    get analysis() { return coach.analysis; },
    get reps() { return coach.reps; },
    get verdicts() { return coach.verdicts; },
    get rejected() { return coach.rejected; },
    get framing() { return coach.framing; },
    get lifterLock() { return coach.lifterLock; },
    get cue() { return coach.cue; },
    get setStatus() { return coach.status; },
    get elapsedMs() { return coach.elapsedMs; },
    /** Shortens the model-load timeout for the next start (ms). */
    setLoadTimeoutMs: (ms: number) => {
      session.loadTimeoutMs = ms;
    },
    crashWorker: () => session.crashWorkerForTest(),
    flushed: () => session.recorder.flushed().then(() => true),
  };
}
