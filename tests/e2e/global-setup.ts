/**
 * Builds the app once (mode 'e2e': with the debug handle), serves it with `vite preview` (the same COOP/COEP headers as production)
 * and hands its URL to the end-to-end tests.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { TestProject } from 'vitest/node';
import { build, preview, type PreviewServer } from 'vite';
import { REPO_ROOT } from './support/paths';

let server: PreviewServer | undefined;

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
    workDir: string;
    /** Where the served test build is (dist/ unless KICKCHECK_E2E_DIST names another folder). */
    distDir: string;
  }
}

export default async function setup(project: TestProject) {
  // KICKCHECK_E2E_DIST: a private build folder, so E2E runs started at the same time from one
  // checkout do not empty each other's dist/ while serving it.
  const distDir = process.env.KICKCHECK_E2E_DIST ? resolve(process.env.KICKCHECK_E2E_DIST) : join(REPO_ROOT, 'dist');
  await build({
    root: REPO_ROOT,
    logLevel: 'warn',
    // The test build: installs the debug handle (window.__kickcheck) the tests read; a
    // production build (mode 'production') has none (tests/e2e/production-build.test.ts).
    mode: 'e2e',
    configFile: join(REPO_ROOT, 'vite.config.ts'),
    // The app plus a test-only page that drives the same worker (tests/e2e/parity).
    build: { outDir: distDir, emptyOutDir: true, rollupOptions: { input: { main: join(REPO_ROOT, 'index.html'), parity: join(REPO_ROOT, 'tests/e2e/parity/parity.html') } } },
  });
  server = await preview({ root: REPO_ROOT, configFile: join(REPO_ROOT, 'vite.config.ts'), build: { outDir: distDir }, preview: { port: 0, host: '127.0.0.1', strictPort: false } });
  const url = server.resolvedUrls?.local[0];
  if (!url) throw new Error('expected vite preview to report a local URL, got none');
  project.provide('baseUrl', url);
  project.provide('workDir', mkdtempSync(join(tmpdir(), 'kickcheck-e2e-')));
  project.provide('distDir', distDir);
  return async () => {
    await new Promise<void>((resolve) => server?.httpServer.close(() => resolve()));
  };
}
