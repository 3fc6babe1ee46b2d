/**
 * Two people in front of the camera, in the built app in real Chromium: the fake camera plays a
 * still of two people (two single-person fixture clips side by side, made at test time), and
 * the pose worker's person counter must report them on the frames it returns.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, inject, it } from 'vitest';
import { foreignRequests, launch, type Session } from './support/browser';
import { REPO_ROOT } from './support/paths';
import { makeStillY4m, makeTwoPeopleStill } from './support/two-people';

const baseUrl = inject('baseUrl');
const workDir = inject('workDir');
const SHOTS = join(REPO_ROOT, 'test-results');
mkdirSync(SHOTS, { recursive: true });

interface DebugHandle {
  pose: { personCount?: number; timestampMs: number } | null;
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
    // The lifter is told, on the framing check, why nothing is being judged.
    await expect.poll(async () => session!.page.getByTestId('framing').textContent(), { timeout: 15_000 }).toMatch(/Two people in view/);

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
