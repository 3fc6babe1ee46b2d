/** Driving the built app in a page: start the camera, wait for frames, read the test-build handle and IndexedDB. */
import type { Page } from 'playwright-core';
import { expect } from 'vitest';

export interface Handle {
  status: string;
  paused: string | null;
  runOutcomes: string[];
  setStatus: string;
  elapsedMs: number;
  reps: unknown[];
  stats: { processedFrames: number };
  pose: { keypointSet: string } | null;
  setLoadTimeoutMs(ms: number): void;
  flushed(): Promise<boolean>;
}

/** The test build installs `window.__kickcheck` just after the app mounts. */
export async function openApp(page: Page): Promise<void> {
  await page.goto('/');
  await page.waitForFunction(() => '__kickcheck' in globalThis, undefined, { timeout: 30_000 });
}

export async function handle<T>(page: Page, read: (k: Handle) => T): Promise<T> {
  return page.evaluate(`(${read.toString()})(globalThis.__kickcheck)`) as Promise<T>;
}

export async function chooseDetector(page: Page, detector: string): Promise<void> {
  await page.getByTestId('camera-settings').click();
  await page.getByTestId('detector').selectOption(detector);
  await page.getByTestId('camera-settings').click();
}

export async function waitForFrames(page: Page, n: number, timeoutMs = 90_000): Promise<void> {
  await page.waitForFunction(
    (min) => ((globalThis as unknown as { __kickcheck?: { stats: { processedFrames: number } } }).__kickcheck?.stats.processedFrames ?? 0) >= min,
    n,
    { timeout: timeoutMs, polling: 250 },
  );
}

export interface StoredSetRow {
  id: number;
  endedAt: string | null;
  repCount: number;
}

/** The sets in the app's real IndexedDB (read with the plain API, not the app's code). */
export async function storedSets(page: Page): Promise<StoredSetRow[]> {
  return page.evaluate(
    () =>
      new Promise<StoredSetRow[]>((resolve, reject) => {
        const open = indexedDB.open('kickcheck');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          if (!db.objectStoreNames.contains('sets')) {
            db.close();
            resolve([]);
            return;
          }
          const all = db.transaction('sets').objectStore('sets').getAll();
          all.onerror = () => reject(all.error);
          all.onsuccess = () => {
            db.close();
            resolve((all.result as StoredSetRow[]).map((s) => ({ id: s.id, endedAt: s.endedAt, repCount: s.repCount })));
          };
        };
      }),
  );
}

/**
 * Hides or shows the page as a tab switch would. Headless Chromium reports every page as
 * visible whatever is done to it (tried here: a second page, a new tab in the same window,
 * activating targets, minimising the window, Page.setWebLifecycleState; see puppeteer#3700), so
 * the page's visibility is set the way the browser sets it and its event fired.
 */
export async function setPageHidden(page: Page, hidden: boolean): Promise<void> {
  await page.evaluate((h) => {
    Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => (h ? 'hidden' : 'visible') });
    Object.defineProperty(document, 'hidden', { configurable: true, get: () => h });
    document.dispatchEvent(new Event('visibilitychange'));
  }, hidden);
}

/** Opens nothing: on an open app, starts the camera with MoveNet Lightning, waits for frames and starts a set by hand. */
export async function startCameraAndSet(page: Page): Promise<void> {
  await chooseDetector(page, 'movenet-lightning');
  await page.getByTestId('start-camera').click();
  await waitForFrames(page, 3);
  await page.getByTestId('set-toggle').click();
  await expect.poll(() => handle(page, (k) => k.setStatus)).toBe('active');
}
