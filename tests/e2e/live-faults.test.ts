/**
 * docs/design.md#reliability, live app in the built app in real Chromium, fake camera playing a fixture clip: a model load
 * that never answers falls back; Stop while a model loads leaves nothing running; the set pauses
 * with a message when the picture stops (no frame for 2 s, a track `mute`, the tab hidden) and
 * resumes by itself; a recorded video is paused, and says so, while the tab is hidden, and shows
 * its progress (percent, time left) under the picture up to 100 %.
 * Screenshots of each pause message go to test-results/.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page, Route } from 'playwright-core';
import { afterEach, describe, expect, inject, it } from 'vitest';
import { chooseDetector, handle, openApp, setPageHidden, waitForFrames, startCameraAndSet } from './support/app';
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

async function cameraPage(): Promise<Page> {
  session = await launch(baseUrl, { y4m: makeY4m(CLIP, workDir, { maxSeconds: 10 }) });
  await openApp(session.page);
  return session.page;
}

const pausedReason = (page: Page) => handle(page, (k) => k.paused);
const processed = (page: Page) => handle(page, (k) => k.stats.processedFrames);

describe('model load in real Chromium', () => {
  it('gives up on a model that never answers and falls back to another detector, saying so', async () => {
    const page = await cameraPage();
    // The primary model's file is requested and never answered.
    await page.route('**/models/blazepose-full.json', () => {});
    // ref: the fallback (MoveNet Lightning) loads in under 1 s on a quiet machine (README
    // "Measured speed"); 10 s per try leaves a loaded 2-core machine room, and every second
    // here is spent waiting for the held model to time out.
    await page.evaluate(() => (globalThis as unknown as { __kickcheck: { setLoadTimeoutMs(ms: number): void } }).__kickcheck.setLoadTimeoutMs(10_000));
    await page.getByTestId('start-camera').click();
    await expect.poll(async () => page.getByTestId('notice').textContent(), { timeout: 90_000, interval: 500 }).toMatch(/blazepose-full did not load in 10 s.*Using movenet-lightning/is);
    await waitForFrames(page, 3);
    expect(await handle(page, (k) => k.pose?.keypointSet)).toBe('movenet17');
    expect(await page.getByTestId('error').count()).toBe(0);
  });

  it('Stop while the model loads cancels the load: nothing plays into the stopped video, and the next start works', async () => {
    const page = await cameraPage();
    // Every request for the model is held (the worker's, and any other, e.g. a service worker's).
    const held: Route[] = [];
    await page.route('**/models/blazepose-full.json', (route) => {
      held.push(route);
    });
    const modelAsked = page.waitForRequest('**/models/blazepose-full.json', { timeout: 90_000 });
    await page.getByTestId('start-camera').click();
    await modelAsked;
    await expect.poll(async () => page.getByTestId('loading').count()).toBe(1);
    await page.getByTestId('stop').click();
    // Let the held model through: a load that was not cancelled would now finish and play.
    await page.unroute('**/models/blazepose-full.json');
    for (const route of held) await route.continue().catch(() => {});
    await expect.poll(() => handle(page, (k) => k.runOutcomes.length), { timeout: 60_000 }).toBeGreaterThan(0);
    expect(await handle(page, (k) => k.runOutcomes)).toEqual(['cancelled']);
    expect(await handle(page, (k) => k.status)).toBe('idle');
    const video = await page.evaluate(() => {
      const v = document.querySelector('video')!;
      return { srcObject: v.srcObject !== null, paused: v.paused };
    });
    expect(video).toEqual({ srcObject: false, paused: true });
    expect(await page.getByTestId('loading').count()).toBe(0);
    expect(await page.getByTestId('error').count()).toBe(0);
    expect(await processed(page)).toBe(0);

    await page.getByTestId('start-camera').click();
    await waitForFrames(page, 3).catch(async (error: unknown) => {
      const state = await handle(page, (k) => ({ status: k.status, outcomes: k.runOutcomes, frames: k.stats.processedFrames }));
      const text = await page.locator('[data-testid="error"], [data-testid="notice"], [data-testid="loading"]').allTextContents();
      throw new Error(`expected frames after the second start, got ${JSON.stringify(state)} ${JSON.stringify(text)}: ${String(error)}`);
    });
    expect(await handle(page, (k) => k.runOutcomes)).toEqual(['cancelled', 'running']);
  });
});

describe('frame watchdog in real Chromium', () => {
  it('keeps focus on the button when Start becomes Stop; pauses when no frame comes for 2 s and resumes by itself', async () => {
    const page = await cameraPage();
    await chooseDetector(page, 'movenet-lightning');
    await page.getByTestId('start-camera').focus();
    await page.keyboard.press('Enter');
    await waitForFrames(page, 3);
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('stop');

    // The picture stops (as when a laptop sleeps or a camera stalls): no frame is presented.
    await page.evaluate(() => document.querySelector('video')!.pause());
    await expect.poll(() => pausedReason(page), { timeout: 30_000, interval: 250 }).toBe('stalled');
    const banner = page.getByTestId('paused');
    expect(await banner.textContent()).toMatch(/Paused: no picture from the camera for 2 seconds.*resumes by itself/);
    await page.screenshot({ path: join(SHOTS, 'e2e-paused-stalled.png') });

    await page.evaluate(() => document.querySelector('video')!.play());
    await expect.poll(() => pausedReason(page), { timeout: 30_000, interval: 250 }).toBeNull();
    expect(await banner.count()).toBe(0);
    const before = await processed(page);
    await waitForFrames(page, before + 3);
  });

  it('pauses on a track mute (frames during the mute are not analysed) and resumes on unmute', async () => {
    const page = await cameraPage();
    await chooseDetector(page, 'movenet-lightning');
    await page.getByTestId('start-camera').click();
    await waitForFrames(page, 3);
    // What the browser fires when the system takes the camera away; the fake device keeps
    // sending frames, so this also shows that frames during a mute are not analysed.
    await page.evaluate(() => (document.querySelector('video')!.srcObject as MediaStream).getVideoTracks()[0]!.dispatchEvent(new Event('mute')));
    await expect.poll(() => pausedReason(page), { timeout: 10_000 }).toBe('muted');
    expect(await page.getByTestId('paused').textContent()).toMatch(/camera stopped sending pictures.*resumes by itself/);
    await page.screenshot({ path: join(SHOTS, 'e2e-paused-muted.png') });
    // A frame in the worker and one waiting may still finish; after those, none.
    const settled = (await processed(page)) + 2;
    const presented = await page.evaluate(() => new Promise<number>((resolve) => {
      const v = document.querySelector('video')!;
      let n = 0;
      const next = () => v.requestVideoFrameCallback(() => (++n >= 30 ? resolve(n) : next()));
      next();
    }));
    expect(presented).toBe(30);
    expect(await processed(page)).toBeLessThanOrEqual(settled);

    await page.evaluate(() => (document.querySelector('video')!.srcObject as MediaStream).getVideoTracks()[0]!.dispatchEvent(new Event('unmute')));
    await expect.poll(() => pausedReason(page), { timeout: 10_000 }).toBeNull();
    await waitForFrames(page, settled + 3);
  });

  it('pauses while the tab is hidden, keeps the set clock still, and resumes when shown', async () => {
    const page = await cameraPage();
    await startCameraAndSet(page);
    await setPageHidden(page, true);
    await expect.poll(() => pausedReason(page), { timeout: 10_000 }).toBe('hidden');
    expect(await page.getByTestId('paused').textContent()).toMatch(/Paused while this tab is hidden.*resumes by itself/);
    await page.screenshot({ path: join(SHOTS, 'e2e-paused-hidden.png') });
    const clockAtHide = await handle(page, (k) => k.elapsedMs);
    // Hidden for 100 camera frames (~3 s: the frames' own clock moves on meanwhile).
    const framesHidden = await page.evaluate(() => new Promise<number>((resolve) => {
      const v = document.querySelector('video')!;
      let n = 0;
      const next = () => v.requestVideoFrameCallback(() => (++n >= 100 ? resolve(n) : next()));
      next();
    }));
    expect(framesHidden).toBe(100);
    expect(await handle(page, (k) => k.elapsedMs)).toBe(clockAtHide);

    const shownAtMs = await page.evaluate(() => performance.now());
    await setPageHidden(page, false);
    await expect.poll(() => pausedReason(page), { timeout: 10_000 }).toBeNull();
    const before = await processed(page);
    await waitForFrames(page, before + 3);
    const clockAfter = await handle(page, (k) => k.elapsedMs);
    const checkedAtMs = await page.evaluate(() => performance.now());
    // The set clock resumed where it stopped: it moved on by no more than the time since the tab
    // was shown (plus the camera's capture-to-presentation delay), not by the ~3 s hidden.
    expect(clockAfter).toBeGreaterThan(clockAtHide);
    expect(clockAfter - clockAtHide).toBeLessThanOrEqual(checkedAtMs - shownAtMs + 200);
  });
});

describe('recorded video in real Chromium', () => {
  it('counts the rep of a recorded kickback with a progress bar that climbs to 100 % under the picture, shows the summary when the video ends, pausing while the tab is hidden and saying so', async () => {
    session = await launch(baseUrl);
    const { page } = session;
    await openApp(page);
    // What the progress bar says, every 100 ms, from before the file is chosen to the summary.
    await page.evaluate(() => {
      const seen: { now: number; text: string }[] = [];
      (globalThis as unknown as { __progressSeen: typeof seen }).__progressSeen = seen;
      setInterval(() => {
        const bar = document.querySelector('[data-testid="file-progressbar"]');
        if (bar) seen.push({ now: Number(bar.getAttribute('aria-valuenow')), text: bar.getAttribute('aria-valuetext') ?? '' });
      }, 100);
    });
    await page.getByTestId('file-input').setInputFiles(CLIP);
    await waitForFrames(page, 3, 150_000);
    // The bar is an accessible progressbar, under or beside the picture, never over the lifter.
    const bar = page.getByRole('progressbar', { name: 'Video analysed' });
    expect(await bar.count()).toBe(1);
    expect(await bar.getAttribute('aria-valuemin')).toBe('0');
    expect(await bar.getAttribute('aria-valuemax')).toBe('100');
    const picture = (await page.getByTestId('picture').boundingBox())!;
    const progressBox = (await page.getByTestId('file-progress').boundingBox())!;
    expect(picture).not.toBeNull();
    expect(progressBox).not.toBeNull();
    const clear = progressBox.y >= picture.y + picture.height - 1 || progressBox.x >= picture.x + picture.width - 1;
    expect(clear, `progress ${JSON.stringify(progressBox)} over picture ${JSON.stringify(picture)}`).toBe(true);
    await setPageHidden(page, true);
    await expect.poll(() => pausedReason(page), { timeout: 10_000 }).toBe('hidden');
    expect(await page.getByTestId('paused').textContent()).toMatch(/Video paused while this tab is hidden.*carries on by itself/);
    await page.screenshot({ path: join(SHOTS, 'e2e-paused-hidden-file.png') });
    const at = await page.evaluate(() => {
      const v = document.querySelector('video')!;
      return { paused: v.paused, time: v.currentTime };
    });
    expect(at.paused).toBe(true);
    // Still paused at the same place after the page has rendered more frames.
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 1000))));
    expect(await page.evaluate(() => document.querySelector('video')!.currentTime)).toBe(at.time);

    await setPageHidden(page, false);
    await expect.poll(() => pausedReason(page), { timeout: 10_000 }).toBeNull();
    const summary = page.getByTestId('set-summary');
    await summary.waitFor({ timeout: 150_000 });
    // labels.json: cable_kickback_cgi_dosipov.mp4 — one rep, side view.
    expect(await summary.textContent()).toMatch(/Set summary — 1 rep\b/);
    expect(await page.getByTestId('rep-table').locator('tbody tr').count()).toBe(1);
    await page.screenshot({ path: join(SHOTS, 'e2e-file-summary.png'), fullPage: true });

    // The bar climbed, never went back, gave a time left on the way and ended at 100 %.
    await expect.poll(() => bar.getAttribute('aria-valuenow'), { timeout: 5_000 }).toBe('100');
    const seen = await page.evaluate(() => (globalThis as unknown as { __progressSeen: { now: number; text: string }[] }).__progressSeen);
    expect(seen.length).toBeGreaterThan(10);
    for (let i = 1; i < seen.length; i++) expect(seen[i]!.now, `sample ${i}: ${JSON.stringify(seen.slice(Math.max(0, i - 2), i + 1))}`).toBeGreaterThanOrEqual(seen[i - 1]!.now);
    expect(seen[0]!.now).toBeLessThan(50);
    expect(new Set(seen.map((s) => s.now)).size).toBeGreaterThan(5);
    expect(seen.some((s) => /^\d+ % analysed, about (\d+ s|\d+ min \d\d s) left$/.test(s.text))).toBe(true);
    expect(seen.at(-1)!.text).toBe('Video analysed: 100 %');
  });
});
