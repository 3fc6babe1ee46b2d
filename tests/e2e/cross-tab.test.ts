/**
 * docs/design.md#reliability, storage in real Chromium with real IndexedDB and Web Locks: one live set at a time across
 * tabs (a second page in the same browser context is a second tab), and an empty set left open
 * by a reload (mid-set, while a model loads) is closed quietly.
 */
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterEach, describe, expect, inject, it } from 'vitest';
import { handle, openApp, startCameraAndSet, storedSets, waitForFrames } from './support/app';
import { launch, type Session } from './support/browser';
import { FIXTURES } from './support/paths';
import { makeY4m } from './support/y4m';

const baseUrl = inject('baseUrl');
const workDir = inject('workDir');
const CLIP = join(FIXTURES, 'kickback/cable_kickback_cgi_dosipov.mp4');

let session: Session | undefined;
afterEach(async () => {
  await session?.close();
  session = undefined;
});

/** Camera running with a set started by hand (no rep yet): its row is open in storage. */
async function openSetIn(page: Page): Promise<number> {
  await openApp(page);
  await startCameraAndSet(page);
  await page.evaluate(() => (globalThis as unknown as { __kickcheck: { flushed(): Promise<boolean> } }).__kickcheck.flushed());
  const open = (await storedSets(page)).filter((s) => s.endedAt === null);
  expect(open).toHaveLength(1);
  return open[0]!.id;
}

describe('a second tab', () => {
  it('says the set is open elsewhere, leaves it open, refuses to start a second one, and starts once the first tab is gone', async () => {
    session = await launch(baseUrl, { y4m: makeY4m(CLIP, workDir, { maxSeconds: 10 }) });
    const first = session.page;
    const setId = await openSetIn(first);

    const second = await session.context.newPage();
    await openApp(second);
    await expect.poll(async () => second.getByTestId('notice').textContent(), { timeout: 15_000 }).toMatch(/running in another tab.*leaves it alone/is);
    // It neither recovered nor closed the first tab's set.
    expect((await storedSets(second)).find((s) => s.id === setId)?.endedAt).toBeNull();
    expect(await second.getByTestId('set-summary').count()).toBe(0);

    await second.getByTestId('start-camera').click();
    await expect.poll(async () => second.getByTestId('error').textContent(), { timeout: 15_000 }).toMatch(/set is open in another tab.*only one tab runs a set at a time/is);
    expect(await handle(second, (k) => k.stats.processedFrames)).toBe(0);
    expect(await handle(first, (k) => k.setStatus)).toBe('active');
    expect((await storedSets(second)).find((s) => s.id === setId)?.endedAt).toBeNull();

    // The first tab closes mid-set: its lock goes with it, and the second tab can start.
    await first.close();
    // The browser hands the closed tab's lock back on its own time: wait until it has.
    await expect
      .poll(async () => second.evaluate(async () => (await navigator.locks.query()).held?.length ?? 0), { timeout: 30_000 })
      .toBe(0);
    await second.getByTestId('start-camera').click();
    await waitForFrames(second, 3);
    expect(await second.getByTestId('error').count()).toBe(0);
    // The set the closed tab left open is interrupted now, and closed (its rows stay stored).
    expect((await storedSets(second)).find((s) => s.id === setId)?.endedAt).not.toBeNull();
  });
});

describe('empty interrupted sets', () => {
  it('a reload while the model loads, with an empty set open, closes that set quietly', async () => {
    session = await launch(baseUrl, { y4m: makeY4m(CLIP, workDir, { maxSeconds: 10 }) });
    const { page } = session;
    const setId = await openSetIn(page);
    // Stop and start again with the model held back: the reload comes while it loads.
    await page.getByTestId('stop').click();
    await page.route('**/models/movenet-lightning.json', () => {});
    const modelAsked = page.waitForRequest('**/models/movenet-lightning.json', { timeout: 90_000 });
    await page.getByTestId('start-camera').click();
    await modelAsked;
    expect(await page.getByTestId('loading').count()).toBe(1);
    expect((await storedSets(page)).find((s) => s.id === setId)).toMatchObject({ endedAt: null, repCount: 0 });
    await page.unroute('**/models/movenet-lightning.json');

    await page.reload();
    await expect.poll(async () => (await storedSets(page)).find((s) => s.id === setId)?.endedAt ?? null, { timeout: 15_000 }).not.toBeNull();
    expect((await storedSets(page)).filter((s) => s.endedAt === null)).toEqual([]);
    // Quietly: no "Recovered an unfinished set", no summary of an empty set.
    expect(await page.getByTestId('notice').count()).toBe(0);
    expect(await page.getByTestId('set-summary').count()).toBe(0);
  });
});
