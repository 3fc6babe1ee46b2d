/**
 * Framing during the set, in the built app in real Chromium: the fake camera plays the side-view
 * kickback with the lower 45 % of the picture cut off (a hard variant, docs/design.md#hard-variants, made at test time).
 * The lifter's legs are not in the picture, so no rep may be counted, and the live screen must
 * say why during the set. Screenshots of the live screen and the summary at laptop and phone
 * sizes go to test-results/.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launch, type Session } from './support/browser';
import { makeLowerCutY4m } from './support/cut-off';
import { FIXTURES, REPO_ROOT } from './support/paths';

const baseUrl = inject('baseUrl');
const workDir = inject('workDir');
const SHOTS = join(REPO_ROOT, 'test-results');
mkdirSync(SHOTS, { recursive: true });

const CLIP = join(FIXTURES, 'kickback/cable_kickback_cgi_dosipov.mp4');
const LAPTOP = { width: 1280, height: 800 };
/** The fake camera loops the clip: one labelled kick per loop (labels.json). */
const CLIP_LOOP_MS = 10_000;
const PHONE = { width: 390, height: 844 };

interface DebugHandle {
  reps: unknown[];
  rejected: { reason: string; message: string }[];
  setStatus: string;
  stats: { processedFrames: number };
}

let session: Session | undefined;
afterEach(async () => {
  await session?.close();
  session = undefined;
});

function debug(page: Page): Promise<Omit<DebugHandle, 'reps'> & { reps: number }> {
  return page.evaluate(() => {
    const k = (globalThis as unknown as { __kickcheck: DebugHandle }).__kickcheck;
    return { reps: k.reps.length, rejected: [...k.rejected], setStatus: k.setStatus, stats: { ...k.stats } };
  });
}

async function counterValue(page: Page): Promise<number> {
  const text = (await page.getByTestId('rep-counter').textContent()) ?? '';
  const m = /\d+/.exec(text);
  if (!m) throw new Error(`expected a number on the rep counter, got "${text}"`);
  return Number(m[0]);
}

/**
 * Waits (up to 60 s: a loaded machine analyses under 1 frame a second) for the framing banner at
 * `viewport` whose text matches `want`, checks that it sits at the stage's bottom edge as a strip, and screenshots it;
 * retries when the banner went away before the screenshot. Returns the banner's text.
 */
async function bannerShot(page: Page, viewport: { width: number; height: number }, file: string, want: RegExp): Promise<string> {
  await page.setViewportSize(viewport);
  const banner = page.locator('[data-testid="framing"][data-reason]');
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    const box = (await banner.count()) ? await banner.boundingBox() : null;
    const stage = await page.getByTestId('stage').boundingBox();
    const text = box ? ((await banner.textContent()) ?? '') : '';
    if (box && stage && want.test(text)) {
      expect(box.y + box.height).toBeGreaterThan(stage.y + stage.height - 4);
      expect(box.height).toBeLessThan(stage.height * 0.3);
      await page.screenshot({ path: join(SHOTS, file) });
      // Still there after the screenshot: the picture shows it.
      if (await banner.count()) return text;
    }
    await page.waitForTimeout(200);
  }
  throw new Error(`expected a framing banner matching ${want} at ${viewport.width}x${viewport.height} within 60 s, got none`);
}

/** The sets as IndexedDB holds them (read raw, as a later release would). */
function storedSets(page: Page): Promise<{ repCount: number; endedAt: string | null; rejected?: unknown[]; framing?: { reason: string }[] }[]> {
  return page.evaluate(
    () =>
      new Promise((resolve, reject) => {
        const open = indexedDB.open('kickcheck');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const get = open.result.transaction('sets').objectStore('sets').getAll();
          get.onsuccess = () => resolve(get.result as never);
          get.onerror = () => reject(get.error);
        };
      }),
  );
}

describe('legs out of the picture, real Chromium', () => {
  it('never counts above the kicks shown, and says during the set that the legs are out of view and reps are not counted', async () => {
    const y4m = makeLowerCutY4m(CLIP, workDir, 0.45, { maxSeconds: 10 });
    session = await launch(baseUrl, { y4m });
    const { page } = session;
    await page.setViewportSize(LAPTOP);
    await page.goto('/');
    await page.getByTestId('start-camera').click();
    const cameraStartedMs = Date.now();
    await page.waitForFunction(() => ((globalThis as unknown as { __kickcheck?: DebugHandle }).__kickcheck?.stats.processedFrames ?? 0) >= 5, undefined, {
      timeout: 90_000,
      polling: 250,
    });

    // Start the set by hand (a rep seen but not counted may already have started it).
    if ((await debug(page)).setStatus === 'ready') await page.locator('body').press('Space');
    await expect.poll(async () => (await debug(page)).setStatus).toBe('active');

    // During the set: the banner at the stage's edge names the legs and says reps are not counted.
    const legs = /(feet|legs?).*reps not counted/i;
    expect(await bannerShot(page, LAPTOP, 'e2e-framing-live-1280.png', legs)).toMatch(legs);
    await bannerShot(page, PHONE, 'e2e-framing-live-390.png', legs);
    await page.setViewportSize(LAPTOP);

    // Two more loops of the 10 s clip (one labelled kick each, legs cut off).
    const seen: number[] = [];
    let noticeShot = false;
    const until = Date.now() + 22_000;
    while (Date.now() < until) {
      seen.push(await counterValue(page));
      if (!noticeShot && (await page.getByTestId('rejected-reps').count())) {
        await page.screenshot({ path: join(SHOTS, 'e2e-framing-rejected-notice-1280.png') });
        noticeShot = true;
      }
      await page.waitForTimeout(500);
    }
    expect(seen.length).toBeGreaterThan(20);

    // End of set: every rep seen but not counted is listed with its time and reason.
    await page.locator('body').press('Space');
    await expect.poll(async () => (await debug(page)).setStatus).toBe('done');
    // The issue's rule for a picture with the lower 45 % cut off: "0 counted or a framing
    // warning, never an invented rep". The camera loops the clip, one labelled kick per 10 s
    // loop: the counter never goes above the kicks shown, and a kick counted from legs the model
    // drew where the picture is black must come with the legs warning (it does in the summary's
    // framing list); otherwise it is reported as not counted.
    const kicksShown = Math.ceil((Date.now() - cameraStartedMs) / CLIP_LOOP_MS);
    const counted = (await debug(page)).reps;
    expect(Math.max(...seen), 'rep counter with the legs out of the picture').toBeLessThanOrEqual(kicksShown);
    expect(counted).toBeLessThanOrEqual(kicksShown);
    const summary = page.getByTestId('set-summary');
    await summary.waitFor();
    const summaryText = (await summary.textContent()) ?? '';
    expect(summaryText).toMatch(new RegExp(`Set summary — ${counted} reps?\\b`));
    if (counted > 0) expect(summaryText, 'a rep counted on the cut picture comes with the legs warning').toMatch(/Step back: (feet out of frame|legs not in view)/);
    const rejected = (await debug(page)).rejected;
    const lines = page.getByTestId('rejected-list').locator('li');
    expect(await lines.count()).toBe(rejected.length);
    if (rejected.length > 0) expect(await lines.first().textContent()).toMatch(/^\d+:\d\d (left|right) leg — .*\S/);
    await summary.scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(SHOTS, 'e2e-framing-summary-1280.png'), fullPage: true });
    await page.setViewportSize(PHONE);
    await page.screenshot({ path: join(SHOTS, 'e2e-framing-summary-390.png'), fullPage: true });

    // The stored set keeps what was not counted and the framing problems (optional fields).
    await page.evaluate(() => (globalThis as unknown as { __kickcheck: { flushed(): Promise<boolean> } }).__kickcheck.flushed());
    const last = (await storedSets(page)).at(-1);
    expect(last?.endedAt).not.toBeNull();
    expect(last?.repCount).toBe((await debug(page)).reps);
    expect(last?.rejected ?? []).toHaveLength(rejected.length); // optional: absent when none
    expect(last?.framing?.some((r) => /feet|low-confidence/.test(r.reason))).toBe(true);
  });
});
