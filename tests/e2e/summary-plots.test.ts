/**
 * Plots and replay (docs/design.md#after-the-set) in real Chromium: a kickback clip as the webcam, the set ended and the
 * camera stopped; the summary shows the four angle plots with one shaded band per counted rep,
 * the replay (skeleton drawn, no picture) stands where the frozen stage was, a rep picked in the
 * table zooms the plots and moves the replay, a click in a band picks its row, and the replay
 * scrubs, steps and plays.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterEach, describe, expect, inject, it } from 'vitest';
import { chooseDetector, handle, openApp } from './support/app';
import { launch, type Session } from './support/browser';
import { FIXTURES, REPO_ROOT } from './support/paths';
import { makeY4m } from './support/y4m';

const baseUrl = inject('baseUrl');
const workDir = inject('workDir');
const SHOTS = join(REPO_ROOT, 'test-results');
mkdirSync(SHOTS, { recursive: true });
// labels.json: one side-view rep per 10 s loop, peak at 5.2 s.
const CLIP = join(FIXTURES, 'kickback/cable_kickback_cgi_dosipov.mp4');

let session: Session | undefined;
afterEach(async () => {
  await session?.close();
  session = undefined;
});

/** What each plot drew: bands and flag markers inside its view, and its x range (s). */
function plotState(page: Page) {
  return page.evaluate(() =>
    Array.from(document.querySelectorAll('[data-testid^="plot-"] .uplot')).map((el) => {
      const d = (el as HTMLElement).dataset;
      return { bands: Number(d.bands ?? -1), flags: Number(d.flags ?? -1), xMin: Number(d.xMin), xMax: Number(d.xMax) };
    }),
  );
}

describe('summary plots and replay in real Chromium', () => {
  it('plots the set with a band per rep, zooms to a picked rep both ways, and replays the skeleton', async () => {
    session = await launch(baseUrl, { y4m: makeY4m(CLIP, workDir, { maxSeconds: 10 }) });
    const { page } = session;
    await page.setViewportSize({ width: 1280, height: 800 });
    await openApp(page);
    // MoveNet Lightning: the fastest model on a CI machine's CPU; it counts this clip's rep.
    await chooseDetector(page, 'movenet-lightning');
    await page.getByTestId('start-camera').click();
    // One rep per 10 s loop; MoveNet on a CPU sees it within two loops unless the machine is
    // starved (then the frame rate says so).
    try {
      await expect.poll(() => handle(page, (k) => k.reps.length), { timeout: 45_000, interval: 500 }).toBeGreaterThanOrEqual(1);
    } catch (error) {
      const stats = await handle(page, (k) => k.stats);
      throw new Error(`no rep counted in 45 s (loop stats ${JSON.stringify(stats)}): ${String(error)}`);
    }
    await page.locator('body').press('Space');
    await expect.poll(() => handle(page, (k) => k.setStatus), { timeout: 10_000 }).toBe('done');
    const reps = await handle(page, (k) => k.reps.length);
    await page.getByTestId('stop').click();

    // The frozen stage is gone; the replay is in the summary.
    await expect.poll(() => page.getByTestId('stage').isVisible(), { timeout: 10_000 }).toBe(false);
    const replay = page.getByTestId('replay');
    await replay.waitFor({ timeout: 10_000 });

    // The set's angle series and landmarks are stored with it, on this device (plain IndexedDB read).
    await handle(page, (k) => k.flushed());
    const stored = await page.evaluate(
      () =>
        new Promise<Record<string, number>>((resolve, reject) => {
          const open = indexedDB.open('kickcheck');
          open.onerror = () => reject(open.error);
          open.onsuccess = () => {
            const db = open.result;
            const out: Record<string, number> = {};
            const names = ['series', 'landmarks'].filter((n) => db.objectStoreNames.contains(n));
            if (!names.length) return resolve(out);
            const tx = db.transaction(names);
            for (const n of names) {
              const all = tx.objectStore(n).getAll();
              all.onsuccess = () => {
                const rows = all.result as { tMs?: number[]; frames?: unknown[] }[];
                out[n] = rows.reduce((m, r) => Math.max(m, (r.tMs ?? r.frames ?? []).length), 0);
              };
            }
            tx.oncomplete = () => {
              db.close();
              resolve(out);
            };
          };
        }),
    );
    // A short set is stored whole: one angle sample per recorded frame (a loaded CPU analyses few).
    expect(stored.series, 'stored angle samples').toBeGreaterThan(0);
    expect(stored.landmarks, 'stored landmark frames').toBe(stored.series);
    await expect.poll(async () => Number(await page.getByTestId('replay-canvas').getAttribute('data-joints'))).toBeGreaterThan(0);

    // Four plots, each with one band per counted rep; the flagged rules are marked.
    const plots = page.getByTestId('angle-plots');
    expect(Number(await plots.getAttribute('data-reps'))).toBe(reps);
    await expect.poll(async () => (await plotState(page)).map((p) => p.bands)).toEqual([reps, reps, reps, reps]);
    const flagged = await handle(page, (k) => (k as unknown as { verdicts: { flags: unknown[] }[] }).verdicts.reduce((n, v) => n + v.flags.length, 0));
    expect((await plotState(page)).reduce((n, p) => n + p.flags, 0)).toBe(flagged);
    await page.screenshot({ path: join(SHOTS, 'e2e-summary-plots-1280.png'), fullPage: true });

    // Table → plots: rep 1 picked, every plot zooms to it (± 0.5 s), the replay jumps there.
    const spans = JSON.parse((await plots.getAttribute('data-band-spans')) ?? '[]') as [number, number, number][];
    expect(spans.length).toBe(reps);
    const [, x0, x1] = spans[0]!;
    const whole = (await plotState(page))[0]!;
    // The whole set is in view at first: every rep band, the first from its start, the last to its end.
    expect(whole.xMin).toBeLessThanOrEqual(spans[0]![1] + 0.01);
    expect(whole.xMax).toBeGreaterThanOrEqual(spans.at(-1)![2] - 0.01);
    await page.getByTestId('rep-pick-1').click();
    const want = [Math.max(whole.xMin, x0 - 0.5), Math.min(whole.xMax, x1 + 0.5)];
    const zoomed = async () => (await plotState(page)).every((p) => Math.abs(p.xMin - want[0]!) < 0.02 && Math.abs(p.xMax - want[1]!) < 0.02);
    await expect.poll(zoomed).toBe(true);
    expect(await page.getByTestId('replay-time').textContent()).toMatch(/rep 1$/);
    expect(await page.locator('tr[data-rep="1"]').getAttribute('data-selected')).toBe('true');

    // Back to the whole set, then plots → table: a click in the last rep's band picks its row.
    await page.getByTestId('rep-pick-1').click();
    await expect.poll(async () => (await plotState(page))[0]!.xMax).toBe(whole.xMax);
    const [lastIndex, l0, l1] = spans.at(-1)!;
    const over = page.locator('[data-testid="plot-hipExtensionDeg"] .u-over');
    const box = (await over.boundingBox())!;
    const xAt = ((l0 + l1) / 2 - whole.xMin) / (whole.xMax - whole.xMin);
    await over.click({ position: { x: xAt * box.width, y: box.height / 2 } });
    await expect.poll(() => page.locator(`tr[data-rep="${lastIndex}"]`).getAttribute('data-selected')).toBe('true');
    await page.screenshot({ path: join(SHOTS, 'e2e-summary-plots-zoomed.png'), fullPage: true });

    // Scrubber: the end shows every rep counted, the start none; steps go rep by rep; play moves time.
    const scrubber = page.getByTestId('replay-scrubber');
    await scrubber.focus();
    await page.keyboard.press('End');
    await expect.poll(() => page.getByTestId('replay-reps').textContent()).toBe(String(reps));
    await page.keyboard.press('Home');
    await expect.poll(() => page.getByTestId('replay-reps').textContent()).toBe('0');
    await page.getByTestId('replay-next').click();
    await expect.poll(() => page.getByTestId('replay-time').textContent()).toMatch(/rep 1$/);
    await page.getByTestId('replay-speed').selectOption('2');
    const before = await page.getByTestId('replay-scrubber').inputValue();
    await page.getByTestId('replay-play').click();
    await expect.poll(() => page.getByTestId('replay-scrubber').inputValue(), { timeout: 10_000 }).not.toBe(before);
    await page.getByTestId('replay-play').click();
    await page.screenshot({ path: join(SHOTS, 'e2e-replay-1280.png') });

    for (const [w, h] of [[1366, 768], [390, 844]] as const) {
      await page.setViewportSize({ width: w, height: h });
      await page.waitForTimeout(300);
      // The summary, its replay and plots fit the width: nothing to scroll sideways but the rep table.
      const right = await page.evaluate(() =>
        ['set-summary', 'replay', 'angle-plots'].map((id) => Math.round(document.querySelector(`[data-testid="${id}"]`)!.getBoundingClientRect().right)),
      );
      for (const r of right) expect(r).toBeLessThanOrEqual(w);
      const wide = await page.evaluate((vw) => Array.from(document.querySelectorAll('body *')).filter((el) => el.getBoundingClientRect().right > vw + 1 && !el.closest('[data-testid="rep-table"]')).slice(0, 5).map((el) => `${el.tagName}.${el.className}`), w);
      if (wide.length) console.log(`wider than ${w}px:`, wide.join(' | '));
      await page.screenshot({ path: join(SHOTS, `e2e-summary-plots-${w}x${h}.png`), fullPage: true });
    }
  });
});
