/**
 * docs/design.md#reliability, accessibility in real Chromium: axe-core (node_modules/axe-core) finds no serious or critical
 * violation on the live screen and the summary screen, in the dark and the light theme; the rep
 * count and cues go to polite live regions.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterEach, describe, expect, inject, it } from 'vitest';
import { openApp, startCameraAndSet } from './support/app';
import { seriousViolations } from './support/axe';
import { launch, type Session } from './support/browser';
import { FIXTURES, REPO_ROOT } from './support/paths';
import { makeY4m } from './support/y4m';

const baseUrl = inject('baseUrl');
const workDir = inject('workDir');
const SHOTS = join(REPO_ROOT, 'test-results');
mkdirSync(SHOTS, { recursive: true });
const CLIP = join(FIXTURES, 'kickback/cable_kickback_cgi_dosipov.mp4');

let session: Session | undefined;
afterEach(async () => {
  await session?.close();
  session = undefined;
});

async function setTheme(page: Page, theme: 'dark' | 'light'): Promise<void> {
  const current = await page.evaluate(() => document.documentElement.dataset.theme);
  if (current !== theme) await page.getByRole('button', { name: `Switch to ${theme} theme` }).click();
  await expect.poll(() => page.evaluate(() => document.documentElement.dataset.theme)).toBe(theme);
}

describe('accessibility in real Chromium', () => {
  it('has no serious or critical axe violation on the live and summary screens, in both themes', async () => {
    session = await launch(baseUrl, { y4m: makeY4m(CLIP, workDir, { maxSeconds: 10 }), bypassCSP: true });
    const { page } = session;
    await openApp(page);
    await startCameraAndSet(page);

    // The counter's announcement is polite, and so is the cue region.
    expect(await page.getByTestId('rep-live').getAttribute('aria-live')).toBe('polite');
    expect(await page.getByTestId('cue-live').getAttribute('aria-live')).toBe('polite');

    for (const theme of ['dark', 'light'] as const) {
      await setTheme(page, theme);
      expect(await seriousViolations(page), `live screen, ${theme} theme`).toEqual([]);
      await page.screenshot({ path: join(SHOTS, `e2e-a11y-live-${theme}.png`) });
    }

    await page.getByTestId('set-toggle').click();
    await page.getByTestId('set-summary').waitFor({ timeout: 30_000 });
    for (const theme of ['dark', 'light'] as const) {
      await setTheme(page, theme);
      expect(await seriousViolations(page), `summary screen, ${theme} theme`).toEqual([]);
      await page.screenshot({ path: join(SHOTS, `e2e-a11y-summary-${theme}.png`), fullPage: true });
    }
  });
});
