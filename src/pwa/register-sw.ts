/// <reference types="vite-plugin-pwa/client" />
/**
 * Registers the service worker that vite-plugin-pwa generates at build (vite.config.ts), so
 * that after one visit the app, its models and the wasm binaries load with the network off.
 * Builds only: under `vite` (dev) the plugin's virtual module is a no-op, so the dev server
 * never installs a worker that would serve stale files. (Not import.meta.env.PROD: the E2E
 * build runs inside Vitest, where NODE_ENV is 'test'.) A browser that refuses
 * service workers (private mode, a test browser that blocks them) simply stays online-only.
 */
import { registerSW } from 'virtual:pwa-register';

export function registerServiceWorker(): void {
  if (!('serviceWorker' in navigator)) return;
  registerSW({
    immediate: true,
    onRegisterError(error: unknown) {
      console.warn(`expected the offline service worker to register, got ${String(error)}`);
    },
  });
}
