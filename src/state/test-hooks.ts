/**
 * Installs the test build's debug handle. The mode check lives in TypeScript, not in a .svelte
 * file: a Svelte component compiled in dev mode (NODE_ENV=test under Vitest) turns `===` into a
 * helper call the bundler cannot fold, and the handle's chunk would ship in every build.
 */
import type { LiveSession } from './live-session.svelte';

export function installTestHooks(session: LiveSession): void {
  if (import.meta.env.MODE === 'e2e') void import('./debug-handle').then((m) => m.installDebugHandle(session));
}
