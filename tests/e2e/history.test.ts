/**
 * History, import and storage (docs/design.md#after-the-set) in real Chromium with real IndexedDB: a database written by the previous
 * release (Dexie schema v1) is upgraded and shown in History; delete with undo; a set found after
 * a reload; "Export all" imported into a fresh profile (and again: nothing added); a single-set
 * export imported; a hostile file refused with nothing changed; "Delete all my data"; and a set
 * recorded from the fixture camera found in History after a reload. Screenshots at 1280×800 and
 * 390×844 go to KICKCHECK_SHOTS (or the run's work folder).
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterEach, describe, expect, inject, it } from 'vitest';
import type { RepMetrics } from '../../src/analysis/types';
import { clearFlags, evaluateRep, summarizeSet } from '../../src/feedback';
import { SCHEMA_V1 } from '../../src/storage/kickcheck-db';
import { setToJson } from '../../src/storage/set-export';
import { parseExport } from '../../src/storage/set-import';
import { makeRep } from '../feedback/rep-factory';
import { handle, openApp } from './support/app';
import { seriousViolations } from './support/axe';
import { launch, type Session } from './support/browser';
import { FIXTURES } from './support/paths';
import { makeY4m } from './support/y4m';

const baseUrl = inject('baseUrl');
const workDir = inject('workDir');
const SHOTS = process.env.KICKCHECK_SHOTS ?? join(workDir, 'shots');
mkdirSync(SHOTS, { recursive: true });

let session: Session | undefined;
afterEach(async () => {
  await session?.close();
  session = undefined;
});

/** v1 rows exactly as the previous release wrote them (no uid; reps with their clear flags). */
interface V1Set {
  startedAt: string;
  endedAt: string | null;
  source: 'camera' | 'file';
  detector: string;
  repCount: number;
  rejected?: unknown[];
  reps: { index: number; rep: RepMetrics; flags: string[] }[];
}

function v1Set(startedAt: string, leg: 'left' | 'right', reps: Partial<RepMetrics>[]): V1Set {
  const made = reps.map((over, i) => makeRep({ index: i + 1, ...over }, { startMs: 1000 + i * 4000 }, leg));
  return {
    startedAt,
    endedAt: new Date(Date.parse(startedAt) + 120_000).toISOString(),
    source: 'camera',
    detector: 'movenet-lightning',
    repCount: made.length,
    reps: made.map((rep) => ({ index: rep.index, rep, flags: clearFlags(evaluateRep(rep)).map((f) => f.ruleId) })),
  };
}

/** Same-day sets of both legs (the left with a smaller range), and one from the day before. */
const SEED: V1Set[] = [
  v1Set('2026-11-30T17:00:00.000Z', 'right', [{}, { peakHipExtensionDeg: 40 }]),
  v1Set('2026-12-01T09:00:00.000Z', 'right', [{ romDeg: 36 }, { romDeg: 36 }, { romDeg: 37, peakHipExtensionDeg: 41 }]),
  v1Set('2026-12-01T09:06:00.000Z', 'left', [{ romDeg: 24 }, { romDeg: 25, concentricS: 0.2 }, { romDeg: 24 }]),
];

/**
 * Writes the v1 database with the plain IndexedDB API, on a same-origin page that does not run
 * the app: object stores and indexes as Dexie made them for SCHEMA_V1 (IndexedDB version 10).
 */
async function writeV1Database(page: Page, sets: V1Set[]): Promise<void> {
  await page.goto('/icons/icon.svg');
  await page.evaluate(
    async ({ schema, sets: rows }) => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const open = indexedDB.open('kickcheck', 10);
        open.onupgradeneeded = () => {
          const d = open.result;
          for (const [name, spec] of Object.entries(schema)) {
            const [primary, ...indexes] = spec.split(',').map((s) => s.trim());
            const store = d.createObjectStore(name, { keyPath: primary!.replace('++', ''), autoIncrement: primary!.startsWith('++') });
            for (const index of indexes) {
              const compound = /^\[(.+)\]$/.exec(index);
              store.createIndex(index, compound ? compound[1]!.split('+') : index);
            }
          }
        };
        open.onsuccess = () => resolve(open.result);
        open.onerror = () => reject(open.error);
      });
      for (const { reps, ...set } of rows) {
        const setId = await new Promise<number>((resolve, reject) => {
          const r = db.transaction('sets', 'readwrite').objectStore('sets').add(set);
          r.onsuccess = () => resolve(r.result as number);
          r.onerror = () => reject(r.error);
        });
        await new Promise<void>((resolve, reject) => {
          const tx = db.transaction('reps', 'readwrite');
          for (const rep of reps) tx.objectStore('reps').add({ setId, ...rep });
          tx.oncomplete = () => resolve();
          tx.onerror = () => reject(tx.error);
        });
      }
      db.close();
    },
    { schema: SCHEMA_V1 as Record<string, string>, sets },
  );
}

interface RawDb {
  version: number;
  stores: string[];
  sets: { id: number; uid?: string; startedAt: string; endedAt: string | null; repCount: number }[];
  reps: number;
}

/** The database as it is, read with the plain API (not the app's code). */
async function rawDb(page: Page): Promise<RawDb> {
  return page.evaluate(
    () =>
      new Promise<RawDb>((resolve, reject) => {
        const open = indexedDB.open('kickcheck');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const stores = Array.from({ length: db.objectStoreNames.length }, (_, i) => db.objectStoreNames.item(i) ?? '');
          if (!stores.includes('sets')) {
            db.close();
            resolve({ version: db.version, stores, sets: [], reps: 0 });
            return;
          }
          const tx = db.transaction(['sets', 'reps']);
          const sets = tx.objectStore('sets').getAll();
          const reps = tx.objectStore('reps').count();
          tx.oncomplete = () => {
            db.close();
            resolve({ version: db.version, stores, sets: sets.result as RawDb['sets'], reps: reps.result });
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
  );
}

async function openHistory(page: Page): Promise<void> {
  await page.getByTestId('history-toggle').click();
  await expect.poll(async () => page.getByTestId('history-count').textContent(), { timeout: 15_000 }).toMatch(/\d+ sets? stored/);
}

const rows = (page: Page) => page.getByTestId('history-set');

/** What each review plot drew: rep bands inside its view. */
const plotBands = (page: Page) =>
  page.evaluate(() => Array.from(document.querySelectorAll('[data-testid="set-review"] [data-testid^="plot-"] .uplot')).map((el) => Number((el as HTMLElement).dataset.bands ?? -1)));
const focused = (page: Page) => page.evaluate(() => document.activeElement?.getAttribute('data-testid') ?? document.activeElement?.id ?? '');

/** The review at both sizes, from its top (and the whole page on a phone). */
async function shootReview(page: Page, name: string): Promise<void> {
  for (const [w, h] of [[1280, 800], [390, 844]] as const) {
    await page.setViewportSize({ width: w, height: h });
    await page.waitForTimeout(300);
    await page.getByTestId('set-review').evaluate((el) => el.scrollIntoView({ block: 'start' }));
    await page.screenshot({ path: join(SHOTS, `${name}-${w}x${h}.png`) });
    if (w === 390) await page.screenshot({ path: join(SHOTS, `${name}-${w}x${h}-full.png`), fullPage: true });
  }
  await page.setViewportSize({ width: 1280, height: 800 });
}

async function shoot(page: Page, name: string): Promise<void> {
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.getByTestId('history').scrollIntoViewIfNeeded();
  await page.screenshot({ path: join(SHOTS, `${name}-1280x800.png`) });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.getByTestId('history').scrollIntoViewIfNeeded();
  await page.screenshot({ path: join(SHOTS, `${name}-390x844.png`) });
  await page.screenshot({ path: join(SHOTS, `${name}-390x844-full.png`), fullPage: true });
  await page.setViewportSize({ width: 1280, height: 800 });
}

describe('history in real Chromium', () => {
  it('a database written by the previous release (schema v1) is upgraded: every set and rep kept, each set given a uid, shown in History with left vs right', async () => {
    session = await launch(baseUrl, { grantCamera: false, bypassCSP: true });
    const { page } = session;
    await writeV1Database(page, SEED);
    // The SVG page's own favicon request 404s: only the app's errors count.
    session.consoleErrors.length = 0;
    const before = await rawDb(page);
    expect(before.version).toBe(10);
    expect(before.sets).toHaveLength(3);
    expect(before.sets.every((s) => s.uid === undefined)).toBe(true);

    await openApp(page);
    await openHistory(page);
    await expect.poll(async () => rows(page).count()).toBe(3);
    const after = await rawDb(page);
    expect(after.version).toBe(20);
    expect(after.stores.sort()).toEqual(['landmarks', 'reps', 'series', 'sets']);
    expect(after.reps).toBe(before.reps);
    expect(after.sets.map(({ uid: _u, ...rest }) => rest)).toEqual(before.sets);
    expect(new Set(after.sets.map((s) => s.uid)).size).toBe(3);
    expect(after.sets.every((s) => typeof s.uid === 'string' && s.uid.length > 0)).toBe(true);

    // Newest first, with count, score and top fix.
    const first = rows(page).first();
    expect(await first.textContent()).toMatch(/Left leg.*3 reps/s);
    const counts = await page.getByTestId('history-set-count').allTextContents();
    expect(counts.map((c) => Number(c.match(/\d+/)?.[0]))).toEqual([3, 3, 2]);
    expect(await rows(page).nth(1).textContent()).toMatch(/Fix: Kick too high/);
    const asym = page.getByTestId('asymmetry');
    expect(await asym.textContent()).toMatch(/Your left leg's range was 1[12]° smaller than your right/);
    expect(await page.getByTestId('progress-angles').locator('canvas').count()).toBeGreaterThan(0);

    // Filter by leg, then by date.
    await page.getByTestId('filter-leg').selectOption('right');
    await expect.poll(async () => rows(page).count()).toBe(2);
    await page.getByTestId('filter-leg').selectOption('all');
    await page.getByTestId('filter-from').fill('2026-12-01');
    await page.getByTestId('filter-from').dispatchEvent('change');
    await expect.poll(async () => rows(page).count()).toBe(2);
    await page.getByTestId('filter-from').fill('');
    await page.getByTestId('filter-from').dispatchEvent('change');
    await expect.poll(async () => rows(page).count()).toBe(3);
    await shoot(page, 'history');
    const violations = await seriousViolations(page);
    expect(violations, `history screen, dark theme: ${JSON.stringify(violations)}`).toEqual([]);
    await page.getByRole('button', { name: /switch to light theme/i }).click();
    await expect.poll(() => page.evaluate(() => document.documentElement.dataset.theme)).toBe('light');
    const light = await seriousViolations(page);
    expect(light, `history screen, light theme: ${JSON.stringify(light)}`).toEqual([]);
    await page.getByTestId('history').scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(SHOTS, 'history-light-1280x800.png') });
    await page.getByTestId('left-right').scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(SHOTS, 'left-right-1280x800.png') });

    // A set of the previous release kept no series and no landmarks: its review plots the reps'
    // own samples, says why there is no replay, and links the same day's other leg.
    await rows(page).first().getByTestId('open-set').press('Enter');
    const review = page.getByTestId('set-review');
    await review.waitFor();
    await expect.poll(() => focused(page)).toBe('review-title');
    await expect.poll(() => plotBands(page)).toEqual([3, 3, 3, 3]);
    expect(await review.getByTestId('replay').count()).toBe(0);
    expect(await review.getByTestId('replay-missing').textContent()).toMatch(/No replay for this set: it did not end normally/);
    expect(await review.getByTestId('plots-from-reps').textContent()).toMatch(/rebuilt from the counted reps/);
    expect(await review.getByTestId('rep-table').locator('tbody tr').count()).toBe(3);
    expect(await review.getByTestId('review-asymmetry').textContent()).toMatch(/left leg's range was 1[12]° smaller/);
    const lightReview = await seriousViolations(page);
    expect(lightReview, `review of a v1 set, light theme: ${JSON.stringify(lightReview)}`).toEqual([]);
    await page.getByRole('button', { name: /switch to dark theme/i }).click();
    await expect.poll(() => page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
    const darkReview = await seriousViolations(page);
    expect(darkReview, `review of a v1 set, dark theme: ${JSON.stringify(darkReview)}`).toEqual([]);
    await shootReview(page, 'history-review-v1');
    await review.locator('#review-title').focus();
    const leftId = await review.getAttribute('data-set-id');
    await review.getByTestId('open-other-leg').click();
    await expect.poll(() => review.getAttribute('data-set-id')).not.toBe(leftId);
    expect(await review.locator('#review-title').textContent()).toMatch(/right leg/);
    await expect.poll(() => focused(page)).toBe('review-title');
    // Esc closes the review; focus is back on that set's Open button.
    await page.keyboard.press('Escape');
    await expect.poll(() => review.count()).toBe(0);
    const rightId = await page.evaluate(() => document.activeElement?.getAttribute('data-set-id'));
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('open-set');
    expect(rightId).not.toBe(leftId);
    expect(session.consoleErrors).toEqual([]);
  });

  it('delete with undo; a deleted set stays deleted and the others are found after a reload', async () => {
    session = await launch(baseUrl, { grantCamera: false });
    const { page } = session;
    await writeV1Database(page, SEED);
    await openApp(page);
    await openHistory(page);
    await expect.poll(async () => rows(page).count()).toBe(3);

    await rows(page).first().getByTestId('delete-set').click();
    await expect.poll(async () => rows(page).count()).toBe(2);
    expect((await rawDb(page)).sets).toHaveLength(2);
    // Focus went to Undo with the row: Enter there undoes.
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('undo');
    expect(await page.getByTestId('undo-toast').textContent()).toMatch(/deleted/);
    await page.getByTestId('undo').click();
    await expect.poll(async () => rows(page).count()).toBe(3);
    const restored = await rawDb(page);
    expect(restored.sets).toHaveLength(3);
    expect(restored.reps).toBe(8);

    await rows(page).last().getByTestId('delete-set').click();
    await expect.poll(async () => (await rawDb(page)).sets.length).toBe(2);
    await page.reload();
    await page.waitForFunction(() => '__kickcheck' in globalThis);
    await openHistory(page);
    await expect.poll(async () => rows(page).count()).toBe(2);
    expect((await rawDb(page)).reps).toBe(6);
  });

  it('Export all, imported into a fresh profile, shows the sets; a second import adds nothing; a single-set export imports too', async () => {
    session = await launch(baseUrl, { grantCamera: false });
    const { page } = session;
    await writeV1Database(page, SEED);
    await openApp(page);
    await openHistory(page);
    await expect.poll(async () => rows(page).count()).toBe(3);
    const uids = (await rawDb(page)).sets.map((s) => s.uid).sort();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-all').click()]);
    const file = join(workDir, 'history-export.json');
    await download.saveAs(file);
    const exported = JSON.parse(readFileSync(file, 'utf8')) as { format: string; version: number; sets: unknown[] };
    expect([exported.format, exported.version, exported.sets.length]).toEqual(['kickcheck-history', 2, 3]);

    // A fresh profile: a new browser context has its own, empty IndexedDB.
    const fresh = await session.browser.newContext({ viewport: { width: 1280, height: 800 }, baseURL: baseUrl, serviceWorkers: 'block' });
    const other = await fresh.newPage();
    await openApp(other);
    await openHistory(other);
    expect(await other.getByTestId('history-empty').textContent()).toMatch(/No set stored yet/);
    await other.getByTestId('import-input').setInputFiles(file);
    await expect.poll(async () => other.getByTestId('history-message').textContent()).toMatch(/Imported 3 sets/);
    await expect.poll(async () => rows(other).count()).toBe(3);
    expect((await rawDb(other)).sets.map((s) => s.uid).sort()).toEqual(uids);
    expect((await rawDb(other)).reps).toBe(8);
    expect(await other.getByTestId('asymmetry').textContent()).toMatch(/left leg's range/);

    await other.getByTestId('import-input').setInputFiles(file);
    await expect.poll(async () => other.getByTestId('history-message').textContent()).toMatch(/Nothing new: the file's 3 sets are already here/);
    expect((await rawDb(other)).sets).toHaveLength(3);

    // The summary's single-set export (format v1): added once, then recognised.
    const reps = [makeRep({ index: 1 }, { startMs: 90_000 }, 'left'), makeRep({ index: 2, peakHipExtensionDeg: 38 }, { startMs: 95_000 }, 'left')];
    const verdicts = reps.map((r) => evaluateRep(r));
    const single = join(workDir, 'single-set.json');
    writeFileSync(single, setToJson({ exportedAt: '2026-12-02T08:00:00.000Z', source: 'camera', detector: 'movenet-lightning', summary: summarizeSet(reps, verdicts), reps, verdicts, rejected: [], framing: [] }));
    await other.getByTestId('import-input').setInputFiles(single);
    await expect.poll(async () => other.getByTestId('history-message').textContent()).toMatch(/Imported 1 set\b/);
    await expect.poll(async () => rows(other).count()).toBe(4);
    await other.getByTestId('import-input').setInputFiles(single);
    await expect.poll(async () => other.getByTestId('history-message').textContent()).toMatch(/Nothing new/);
    expect((await rawDb(other)).sets).toHaveLength(4);
    await fresh.close();
  });

  it('a hostile or wrong-version file gets a clear message and changes nothing; "Delete all my data" asks, then empties storage', async () => {
    session = await launch(baseUrl, { grantCamera: false });
    const { page } = session;
    await writeV1Database(page, SEED);
    await page.evaluate(() => localStorage.setItem('kickcheck.settings.v1', '{"muted":true}'));
    await openApp(page);
    await openHistory(page);
    await expect.poll(async () => rows(page).count()).toBe(3);
    const before = await rawDb(page);

    const hostile = join(workDir, 'hostile.json');
    writeFileSync(hostile, '{"format":"kickcheck-history","version":2,"exportedAt":"2026-12-01T00:00:00.000Z","sets":[],"__proto__":{"isAdmin":true}}');
    await page.getByTestId('import-input').setInputFiles(hostile);
    await expect.poll(async () => page.getByTestId('history-message').textContent()).toMatch(/can't be imported: it holds a "__proto__" key.*Nothing was changed/);
    expect(await page.getByTestId('history-message').getAttribute('role')).toBe('alert');
    await shoot(page, 'import-error');

    const newer = join(workDir, 'newer.json');
    writeFileSync(newer, JSON.stringify({ format: 'kickcheck-history', version: 7, exportedAt: '2026-12-01T00:00:00.000Z', sets: [] }));
    await page.getByTestId('import-input').setInputFiles(newer);
    await expect.poll(async () => page.getByTestId('history-message').textContent()).toMatch(/newer KickCheck \(kickcheck-history version 7/);
    const wrongType = join(workDir, 'wrong-type.json');
    const good = JSON.parse(JSON.stringify({ format: 'kickcheck-history', version: 2, exportedAt: '2026-12-01T00:00:00.000Z', sets: [{ uid: 'x', startedAt: '2026-12-01T00:00:00.000Z', endedAt: null, source: 'camera', detector: 'd', reps: [{ rep: SEED[0]!.reps[0]!.rep, flags: [] }], rejected: [], framing: [], series: null }] })) as { sets: { reps: { rep: Record<string, unknown> }[] }[] };
    good.sets[0]!.reps[0]!.rep.romDeg = '36';
    writeFileSync(wrongType, JSON.stringify(good));
    await page.getByTestId('import-input').setInputFiles(wrongType);
    await expect.poll(async () => page.getByTestId('history-message').textContent()).toMatch(/sets\[0\]\.reps\[0\]\.rep\.romDeg: expected number, got "36"/);
    expect(await rawDb(page)).toEqual(before);

    await page.getByTestId('delete-all').click();
    expect(await page.getByTestId('delete-all-confirm').textContent()).toMatch(/All 3 sets.*cannot be undone/s);
    await Promise.all([page.waitForEvent('load'), page.getByTestId('delete-all-yes').click()]);
    await page.waitForFunction(() => '__kickcheck' in globalThis);
    const empty = await rawDb(page);
    expect([empty.sets.length, empty.reps]).toEqual([0, 0]);
    expect(await page.evaluate(() => localStorage.getItem('kickcheck.settings.v1'))).toBeNull();
    await openHistory(page);
    expect(await page.getByTestId('history-empty').textContent()).toMatch(/No set stored yet/);
    expect(await page.getByTestId('persist-status').getAttribute('data-state')).toMatch(/^(persisted|not-persisted|unsupported)$/);
  });

  it('a set recorded from the fixture camera is in History after a reload', async () => {
    const y4m = makeY4m(join(FIXTURES, 'kickback/cable_kickback_cgi_dosipov.mp4'), workDir, { maxSeconds: 10 });
    session = await launch(baseUrl, { y4m, bypassCSP: true });
    const { page } = session;
    await openApp(page);
    // The default detector (BlazePose Full), as a new user has it; the set starts with the first rep.
    await page.getByTestId('start-camera').click();
    // Two reps (one per 10 s loop of the clip): the review's replay has a rep to step to and back.
    await expect.poll(() => handle(page, (k) => k.reps.length), { timeout: 150_000, interval: 500 }).toBeGreaterThanOrEqual(2);
    // History open while the set is recorded: the set shows as recording, then as ended.
    await openHistory(page);
    await expect.poll(async () => rows(page).first().textContent()).toMatch(/recording…/);
    await page.getByTestId('set-toggle').click();
    await expect.poll(() => handle(page, (k) => k.setStatus)).toBe('done');
    const counted = await handle(page, (k) => k.reps.length);
    await handle(page, (k) => k.flushed());
    await expect.poll(async () => rows(page).first().textContent()).not.toMatch(/recording…/);
    expect(await rows(page).first().getByTestId('delete-set').count()).toBe(1);
    await page.getByTestId('stop').click();
    await page.reload();
    await page.waitForFunction(() => '__kickcheck' in globalThis);
    await openHistory(page);
    await expect.poll(async () => rows(page).count()).toBe(1);
    expect(Number((await page.getByTestId('history-set-count').first().textContent())?.match(/\d+/)?.[0])).toBe(counted);
    await shoot(page, 'history-recorded');

    // Opened from History after the reload: the summary's four plots with a band per rep, and a
    // replay of the stored skeleton that steps rep by rep.
    await rows(page).first().getByTestId('open-set').click();
    const review = page.getByTestId('set-review');
    await review.waitFor();
    await expect.poll(() => plotBands(page), { timeout: 10_000 }).toEqual([counted, counted, counted, counted]);
    expect(await review.getByTestId('replay-missing').count()).toBe(0);
    await expect.poll(async () => Number(await review.getByTestId('replay-canvas').getAttribute('data-joints'))).toBeGreaterThan(0);
    await review.getByTestId('replay-scrubber').focus();
    await page.keyboard.press('Home');
    await expect.poll(() => review.getByTestId('replay-reps').textContent()).toBe('0');
    // The recording starts with the set, inside the first rep when its lift began before: then the
    // replay opens on rep 1, and the next step is rep 2.
    const atStart = Number((await review.getByTestId('replay-time').textContent())?.match(/rep (\d+)$/)?.[1] ?? 0);
    expect(atStart).toBeLessThanOrEqual(1);
    for (let i = atStart + 1; i <= counted; i++) {
      await review.getByTestId('replay-next').click();
      await expect.poll(() => review.getByTestId('replay-time').textContent()).toMatch(new RegExp(`rep ${i}$`));
    }
    await review.getByTestId('replay-prev').click();
    await expect.poll(() => review.getByTestId('replay-time').textContent()).toMatch(new RegExp(`rep ${counted - 1}$`));
    await review.getByTestId('replay-scrubber').focus();
    await page.keyboard.press('End');
    await expect.poll(() => review.getByTestId('replay-reps').textContent()).toBe(String(counted));
    // The stepped-to rep picked again: back to the whole set, every band in view.
    await review.getByTestId(`rep-pick-${counted - 1}`).click();
    await expect.poll(() => review.locator('tr[data-selected="true"]').count()).toBe(0);
    await shootReview(page, 'history-review-recorded');
    const violations = await seriousViolations(page);
    expect(violations, `review of a recorded set: ${JSON.stringify(violations)}`).toEqual([]);
    // The review's export of a really recorded set (its series, not its landmarks) passes the import's strict schema.
    const [download] = await Promise.all([page.waitForEvent('download'), review.getByTestId('review-export').click()]);
    await review.getByTestId('review-close').click();
    await expect.poll(() => focused(page)).toBe('open-set');
    const file = join(workDir, 'recorded-export.json');
    await download.saveAs(file);
    const text = readFileSync(file, 'utf8');
    expect(text).not.toMatch(/"(landmarks|frames|points)"/);
    const parsed = parseExport(text);
    if (!parsed.ok) throw new Error(parsed.message);
    expect(parsed.sets).toHaveLength(1);
    expect(parsed.sets[0]!.reps).toHaveLength(counted);
    expect(parsed.sets[0]!.series?.tMs.length ?? 0).toBeGreaterThan(0);

    // Imported into a fresh profile, the set's plots come back from its series; its skeleton stayed here.
    const fresh = await session.browser.newContext({ viewport: { width: 1280, height: 800 }, baseURL: baseUrl, serviceWorkers: 'block', bypassCSP: true });
    const other = await fresh.newPage();
    await openApp(other);
    await openHistory(other);
    await other.getByTestId('import-input').setInputFiles(file);
    await expect.poll(async () => other.getByTestId('history-message').textContent()).toMatch(/Imported 1 set\b/);
    await rows(other).first().getByTestId('open-set').click();
    await other.getByTestId('set-review').waitFor();
    await expect.poll(() => plotBands(other), { timeout: 10_000 }).toEqual([counted, counted, counted, counted]);
    expect(await other.getByTestId('plots-from-reps').count()).toBe(0);
    expect(await other.getByTestId('replay-missing').textContent()).toMatch(/imported set/);
    await fresh.close();
  });
});
