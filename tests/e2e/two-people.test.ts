/**
 * Two people in front of the camera, in the built app in real Chromium (docs/lifter-lock.md):
 * the fake camera plays the kickback clip beside its own mirror (made at test time) and the app
 * must lock on one lifter, count their rep and say "Tracking you"; a still of two people must
 * be reported on the frames; the counter's absence must not stop tracking.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, inject, it } from 'vitest';
import { foreignRequests, launch, type Session } from './support/browser';
import { REPO_ROOT } from './support/paths';
import { makeStillY4m, makeTwoPeopleStill, makeTwoPersonClip } from './support/two-people';

const baseUrl = inject('baseUrl');
const workDir = inject('workDir');
const SHOTS = join(REPO_ROOT, 'test-results');
mkdirSync(SHOTS, { recursive: true });

interface DebugHandle {
  pose: { personCount?: number; lifterLock?: string; lifterBox?: { x: number; width: number }; timestampMs: number } | null;
  report: { personCounter?: boolean; personCounterError?: string; personCheckIntervalMs?: number } | null;
}

let session: Session | undefined;
afterEach(async () => {
  await session?.close();
  session = undefined;
});

async function startCamera(s: Session) {
  await s.page.goto('/');
  await s.page.getByTestId('start-camera').click();
}

/** Waits until a PoseFrame carries a personCount satisfying `min`..`max`, and returns it. */
async function waitForPersonCount(s: Session, min: number, max = Number.POSITIVE_INFINITY): Promise<number> {
  const handle = await s.page.waitForFunction(
    ([lo, hi]) => {
      const count = (globalThis as unknown as { __kickcheck?: DebugHandle }).__kickcheck?.pose?.personCount;
      return count !== undefined && count >= lo! && count <= hi! ? count : null;
    },
    [min, max],
    { timeout: 90_000, polling: 250 },
  );
  return (await handle.jsonValue()) as number;
}

async function readReport(s: Session): Promise<DebugHandle['report']> {
  return s.page.evaluate(() => (globalThis as unknown as { __kickcheck: DebugHandle }).__kickcheck.report);
}

describe('two people in view, real Chromium', () => {
  it("locks on the lifter when two people kick side by side, counts the lifter's rep and says 'Tracking you'", async () => {
    // labels.json: one rep per 10 s loop of the clip (peak at 5.2 s).
    const y4m = makeTwoPersonClip('mirror', join(workDir, 'two-person'), { format: 'y4m', fps: 30 });
    session = await launch(baseUrl, { y4m, offline: true });
    const page = session.page;
    await startCamera(session);

    const lock = page.getByTestId('lifter-lock');
    await expect.poll(async () => ((await lock.count()) ? lock.textContent() : ''), { timeout: 90_000, interval: 250 }).toMatch(/^Tracking you/);
    const counter = page.getByTestId('rep-counter');
    await expect.poll(async () => Number((await counter.textContent())?.match(/\d+/)?.[0] ?? 0), { timeout: 90_000, interval: 500 }).toBeGreaterThanOrEqual(1);
    await page.screenshot({ path: join(SHOTS, 'e2e-two-people-lock.png') });
    const pose = await page.evaluate(() => (globalThis as unknown as { __kickcheck: DebugHandle }).__kickcheck.pose);
    expect(pose?.personCount).toBeGreaterThanOrEqual(2);
    expect(pose?.lifterLock).toBe('locked');
    expect(pose?.lifterBox?.width).toBeGreaterThan(0);
    // One loop of the clip holds one rep: the lock must not have added one from the other person.
    const reps = await page.evaluate(() => (globalThis as unknown as { __kickcheck: { reps: unknown[] } }).__kickcheck.reps.length);
    expect(reps).toBeLessThanOrEqual(2);
    expect(foreignRequests(session.requests, baseUrl)).toEqual([]);
  });

  it('loads the person counter from this origin and reports two people on the pose frames', async () => {
    const still = makeTwoPeopleStill(join(workDir, 'two-people'));
    const y4m = makeStillY4m(still.both, workDir);
    session = await launch(baseUrl, { y4m, offline: true });
    await startCamera(session);

    const count = await waitForPersonCount(session, 2);
    expect(count).toBeGreaterThanOrEqual(2);
    const report = await readReport(session);
    expect(report?.personCounterError).toBeUndefined();
    expect(report?.personCounter).toBe(true);
    expect(report?.personCheckIntervalMs).toBeGreaterThan(0);
    // Two people apart: one is locked on and coached, and the screen says so.
    expect(['locked', undefined]).toContain(
      await session.page.evaluate(() => (globalThis as unknown as { __kickcheck: DebugHandle }).__kickcheck.pose?.lifterLock),
    );

    await session.page.screenshot({ path: join(SHOTS, 'e2e-two-people.png') });
    expect(session.requests.some((u) => u.includes('/models/movenet-multipose.json'))).toBe(true);
    expect(foreignRequests(session.requests, baseUrl)).toEqual([]);
  });

  it('reports one person when only one of the two is in the picture', async () => {
    const still = makeTwoPeopleStill(join(workDir, 'two-people'));
    const y4m = makeStillY4m(still.left, workDir);
    session = await launch(baseUrl, { y4m });
    await startCamera(session);
    // The same picture less the second person: the count must come down to exactly one.
    expect(await waitForPersonCount(session, 0)).toBe(1);
  });

  it('keeps tracking without a person count when the counter model is missing, and says why', async () => {
    const still = makeTwoPeopleStill(join(workDir, 'two-people'));
    const y4m = makeStillY4m(still.both, workDir);
    session = await launch(baseUrl, { y4m });
    await session.page.route('**/models/movenet-multipose.*', (route) => route.fulfill({ status: 404, body: 'gone' }));
    await startCamera(session);
    await session.page.waitForFunction(
      () => ((globalThis as unknown as { __kickcheck?: { stats: { processedFrames: number } } }).__kickcheck?.stats.processedFrames ?? 0) >= 5,
      undefined,
      { timeout: 90_000, polling: 250 },
    );
    const report = await readReport(session);
    expect(report?.personCounter).toBe(false);
    expect(report?.personCounterError).toMatch(/\S/);
    const pose = await session.page.evaluate(() => (globalThis as unknown as { __kickcheck: DebugHandle }).__kickcheck.pose);
    expect(pose).not.toBeNull();
    expect(pose?.personCount).toBeUndefined();
    expect(await session.page.getByTestId('error').count()).toBe(0);
  });
});
