/**
 * docs/angles.md#lumbar-arch, measured live: the side-view fixture played as the camera, at whatever rate the live app
 * manages here, gives every counted rep a numeric lumbar arch, measured on the back's traced
 * outline (the person mask), and the summary's Arch column shows it.
 */
import { join } from 'node:path';
import { afterEach, describe, expect, inject, it } from 'vitest';
import { launch, type Session } from './support/browser';
import { FIXTURES } from './support/paths';
import { makeY4m } from './support/y4m';

const baseUrl = inject('baseUrl');
const workDir = inject('workDir');

let session: Session | undefined;
afterEach(async () => {
  await session?.close();
  session = undefined;
});

interface LiveRep {
  lumbarArchPeakDeg: number | null;
}

describe('lumbar arch on the live screen', () => {
  it('every rep of the side-view clip played as the camera has a numeric arch, also in the summary table', async () => {
    const y4m = makeY4m(join(FIXTURES, 'kickback/cable_kickback_cgi_dosipov.mp4'), workDir, { maxSeconds: 10 });
    session = await launch(baseUrl, { y4m, bypassCSP: true });
    const page = session.page;
    await page.goto('/');
    await page.getByTestId('start-camera').click();
    const reps = () => page.evaluate(() => (globalThis as unknown as { __kickcheck: { reps: LiveRep[] } }).__kickcheck.reps.map((r) => r.lumbarArchPeakDeg));
    // One labelled rep per 10 s loop (labels.json: peak at 5.2 s): wait for it.
    await expect.poll(async () => (await reps()).length, { timeout: 120_000, interval: 500 }).toBeGreaterThanOrEqual(1);
    // The frames carry the traced back (the worker sends the contour, never the mask).
    const contour = () => page.evaluate(() => (globalThis as unknown as { __kickcheck: { pose: { backContour?: unknown[] } | null } }).__kickcheck.pose?.backContour?.length ?? 0);
    await expect.poll(contour, { timeout: 30_000, interval: 200 }).toBeGreaterThanOrEqual(9);
    // …and the analyser reads the arch from it, not from the trunk-lean proxy.
    const source = () => page.evaluate(() => (globalThis as unknown as { __kickcheck: { analysis: { lumbarArchSource: string | null } | null } }).__kickcheck.analysis?.lumbarArchSource ?? null);
    await expect.poll(source, { timeout: 30_000, interval: 200 }).toBe('contour');
    const live = await reps();
    for (const a of live) expect(typeof a === 'number' && Number.isFinite(a), `arch ${String(a)} while live`).toBe(true);
    await page.getByRole('button', { name: /End set/ }).click();
    await expect.poll(async () => page.evaluate(() => (globalThis as unknown as { __kickcheck: { setStatus: string } }).__kickcheck.setStatus), { timeout: 30_000, interval: 200 }).toBe('done');
    const arches = await reps();
    expect(arches.length).toBeGreaterThanOrEqual(1);
    for (const a of arches) expect(typeof a === 'number' && Number.isFinite(a), `arch ${String(a)}`).toBe(true);
    const cells = await page.getByTestId('rep-table').locator('tbody tr').evaluateAll((rows) =>
      rows.map((row) => {
        const headers = Array.from(row.closest('table')?.querySelectorAll('thead th') ?? [], (th) => th.textContent?.trim());
        return row.querySelectorAll('td')[headers.indexOf('Arch')]?.textContent?.trim() ?? '';
      }),
    );
    expect(cells).toHaveLength(arches.length);
    for (const c of cells) expect(c).toMatch(/^[-−]?\d+°$/);
  });
});
