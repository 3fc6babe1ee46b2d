/**
 * The real thing: the built app in Debian's Chromium, a fixture clip played by Chromium's fake
 * camera, the real worker and models. No mocks.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, inject, it } from 'vitest';
import { foreignRequests, launch, overlayInk, readPose, readStats, type Session } from './support/browser';
import { FIXTURES, REPO_ROOT } from './support/paths';
import { makeY4m } from './support/y4m';

const baseUrl = inject('baseUrl');
const workDir = inject('workDir');
const SHOTS = join(REPO_ROOT, 'test-results');
mkdirSync(SHOTS, { recursive: true });

const SIDE_CLIP = join(FIXTURES, 'kickback/cable_kickback_cgi_dosipov.mp4');
// BlazePose landmark indices: hips 23/24, knees 25/26.
const HIPS_AND_KNEES = [23, 24, 25, 26];

let session: Session | undefined;
afterEach(async () => {
  await session?.close();
  session = undefined;
});

async function startCamera(s: Session, detector?: string) {
  await s.page.goto('/');
  if (detector) {
    await s.page.getByTestId('camera-settings').click();
    await s.page.getByTestId('detector').selectOption(detector);
  }
  await s.page.getByTestId('start-camera').click();
}

async function waitForFrames(s: Session, n: number, timeoutMs = 90_000) {
  await s.page.waitForFunction(
    (min) => ((globalThis as unknown as { __kickcheck?: { stats: { processedFrames: number } } }).__kickcheck?.stats.processedFrames ?? 0) >= min,
    n,
    { timeout: timeoutMs, polling: 250 },
  );
}

describe('live camera in real Chromium', () => {
  it('tracks the person in a side-view clip with the network unplugged, draws the skeleton, and calls no other origin', async () => {
    const y4m = makeY4m(SIDE_CLIP, workDir, { maxSeconds: 10 });
    session = await launch(baseUrl, { y4m, offline: true });
    await startCamera(session);
    await waitForFrames(session, 15);

    const pose = await readPose(session.page);
    expect(pose, 'a pose should have arrived').not.toBeNull();
    expect(pose!.keypointSet).toBe('blazepose33');
    expect(pose!.imageWidth).toBe(640);
    expect(pose!.imageHeight).toBe(480);
    for (const i of HIPS_AND_KNEES) {
      const p = pose!.landmarks[i]!;
      expect(p.visibility, `landmark ${i} visibility`).toBeGreaterThan(0.5);
      expect(p.x).toBeGreaterThan(0);
      expect(p.x).toBeLessThan(640);
      // The clip is letterboxed into 640x480: the person is inside the picture band, not the bars.
      expect(p.y).toBeGreaterThan(60);
      expect(p.y).toBeLessThan(420);
    }
    expect(await overlayInk(session.page)).toBeGreaterThan(500);

    const hud = session.page.getByTestId('hud');
    await expect.poll(async () => hud.getAttribute('data-backend')).toMatch(/wasm|webgl|webgpu|cpu/);
    expect(await hud.getAttribute('data-detector')).toBe('blazepose-full');

    await session.page.screenshot({ path: join(SHOTS, 'e2e-live-skeleton.png') });
    expect(foreignRequests(session.requests, baseUrl)).toEqual([]);
    // The models really came from this origin's /models (no CDN, no hub).
    expect(session.requests.some((u) => u.includes('/models/blazepose-full.json'))).toBe(true);
    expect(session.requests.some((u) => /\/models\/tfjs-backend-wasm.*\.wasm$/.test(u))).toBe(true);
  });

  it('drops frames instead of falling behind when the model is slower than the camera', async () => {
    const y4m = makeY4m(SIDE_CLIP, workDir, { maxSeconds: 10 });
    session = await launch(baseUrl, { y4m });
    await startCamera(session, 'blazepose-heavy');
    await waitForFrames(session, 8);
    const early = await readStats(session.page);
    await waitForFrames(session, early.processedFrames + 20);
    const late = await readStats(session.page);

    expect(late.droppedFrames).toBeGreaterThan(early.droppedFrames);
    // A queue would make latency climb by one inference per dropped frame; latest-frame-wins
    // keeps it near one or two inferences. Compare the two samples, not a wall-clock budget.
    expect(late.latencyMs).toBeLessThan(early.latencyMs + 3 * late.inferenceMs);
    const shown = Number(await session.page.getByTestId('hud').getAttribute('data-dropped'));
    expect(shown).toBeGreaterThan(0);
  });

  it('says clearly when camera permission is denied', async () => {
    const y4m = makeY4m(SIDE_CLIP, workDir, { maxSeconds: 10 });
    session = await launch(baseUrl, { y4m, grantCamera: false });
    await session.page.goto('/');
    await session.page.getByTestId('start-camera').click();
    await expect.poll(async () => session!.page.getByTestId('error').textContent(), { timeout: 20_000 }).toMatch(/permission denied.*allow camera access/is);
  });

  it('says clearly when there is no camera at all', async () => {
    session = await launch(baseUrl);
    await session.page.goto('/');
    await session.page.getByTestId('start-camera').click();
    await expect.poll(async () => session!.page.getByTestId('error').textContent(), { timeout: 20_000 }).toMatch(/no camera found/i);
  });

  it('falls back to another detector when a model file is missing, and says so', async () => {
    const y4m = makeY4m(SIDE_CLIP, workDir, { maxSeconds: 10 });
    session = await launch(baseUrl, { y4m });
    await session.page.route('**/models/blazepose-full.*', (route) => route.fulfill({ status: 404, body: 'gone' }));
    await startCamera(session);
    await waitForFrames(session, 5);
    await expect.poll(async () => session!.page.getByTestId('notice').textContent()).toMatch(/blazepose-full.*movenet-lightning/is);
    const pose = await readPose(session.page);
    expect(pose!.keypointSet).toBe('movenet17');
  });

  it('restarts a crashed worker and keeps tracking', async () => {
    const y4m = makeY4m(SIDE_CLIP, workDir, { maxSeconds: 10 });
    session = await launch(baseUrl, { y4m });
    await startCamera(session, 'movenet-lightning');
    await waitForFrames(session, 5);
    await session.page.evaluate(() => (globalThis as unknown as { __kickcheck: { crashWorker(): void } }).__kickcheck.crashWorker());
    await expect.poll(async () => session!.page.getByTestId('notice').textContent(), { timeout: 30_000 }).toMatch(/crashed.*restarted/i);
    const before = (await readStats(session.page)).processedFrames;
    await waitForFrames(session, before + 5);
    expect(await session.page.getByTestId('error').count()).toBe(0);
  });

  it('rejects an unreadable video file with a clear message', async () => {
    session = await launch(baseUrl);
    await session.page.goto('/');
    await session.page.getByTestId('file-input').setInputFiles({ name: 'broken.mp4', mimeType: 'video/mp4', buffer: Buffer.from('this is not a video') });
    await expect.poll(async () => session!.page.getByTestId('error').textContent(), { timeout: 20_000 }).toMatch(/could not be read.*broken\.mp4/is);
  });
});
