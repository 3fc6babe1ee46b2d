/**
 * The debug handle (window.__kickcheck: landmarks, stats, crashWorker) is a test-build thing:
 * the production build (`vite build`, mode 'production') must not contain it, nor the worker's
 * crash hook. The E2E build (global-setup, mode 'e2e') must, or this grep proves nothing.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { REPO_ROOT } from './support/paths';

/** Strings only the test build may hold: the handle's name, its load-timeout hook, the worker's crash. */
const TEST_ONLY = ['__kickcheck', 'setLoadTimeoutMs', 'pose worker crashed (test)'];

function textFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return textFiles(path);
    return /\.(js|mjs|html|css|json|webmanifest)$/.test(name) ? [path] : [];
  });
}

function hits(dir: string): Record<string, string[]> {
  const files = textFiles(dir);
  expect(files.some((f) => f.endsWith('.js')), `expected built .js files in ${dir}`).toBe(true);
  return Object.fromEntries(TEST_ONLY.map((needle) => [needle, files.filter((f) => readFileSync(f, 'utf8').includes(needle))]));
}

/** `vite build` as `npm run build` runs it, in its own process. */
function buildInto(mode: string): string {
  const outDir = mkdtempSync(join(tmpdir(), `kickcheck-${mode}-`));
  const vite = join(REPO_ROOT, 'node_modules/vite/bin/vite.js');
  // As from a shell: without Vitest's NODE_ENV=test (which makes Svelte compile in dev mode).
  const env = { ...process.env };
  delete env.NODE_ENV;
  execFileSync(process.execPath, [vite, 'build', '--mode', mode, '--outDir', outDir, '--emptyOutDir', '--logLevel', 'warn'], { cwd: REPO_ROOT, env, stdio: ['ignore', 'ignore', 'pipe'] });
  return outDir;
}

describe('debug handles exist only in test builds', () => {
  it('the production build holds no debug handle and no crash hook; the e2e build holds all of them', () => {
    const prod = hits(buildInto('production'));
    for (const needle of TEST_ONLY) expect(prod[needle], `"${needle}" in the production build`).toEqual([]);
    // global-setup built the served app with mode 'e2e' before this file ran.
    const e2e = hits(inject('distDir'));
    for (const needle of TEST_ONLY) expect(e2e[needle]!.length, `"${needle}" in the e2e build`).toBeGreaterThan(0);
  }, 600_000);
});
