/**
 * The debug handle (window.__kickcheck: landmarks, stats, crashWorker) is a test-build thing:
 * the production build (`vite build`, mode 'production') must not contain it, nor the worker's
 * crash hook. The E2E build (global-setup, mode 'e2e') must, or this grep proves nothing.
 */
import { mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'vite';
import { describe, expect, it } from 'vitest';
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

async function buildInto(mode: string): Promise<string> {
  const outDir = mkdtempSync(join(tmpdir(), `kickcheck-${mode}-`));
  await build({ root: REPO_ROOT, configFile: join(REPO_ROOT, 'vite.config.ts'), logLevel: 'warn', mode, build: { outDir, emptyOutDir: true } });
  return outDir;
}

describe('debug handles exist only in test builds', () => {
  it('the production build holds no debug handle and no crash hook; the e2e build holds all of them', async () => {
    const prod = hits(await buildInto('production'));
    for (const needle of TEST_ONLY) expect(prod[needle], `"${needle}" in the production build`).toEqual([]);
    // global-setup built the served app into dist/ with mode 'e2e' before this file ran.
    const e2e = hits(join(REPO_ROOT, 'dist'));
    for (const needle of TEST_ONLY) expect(e2e[needle]!.length, `"${needle}" in the e2e build`).toBeGreaterThan(0);
  }, 600_000);
});
