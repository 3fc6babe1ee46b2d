/**
 * The live screen layout (docs/design.md#after-the-set) in real Chromium: the live screen keeps the lifter's body in sight. A landscape
 * kickback clip and a portrait clip (a phone held upright) as the camera, each at 1280×800,
 * 1366×768 and 390×844: nothing the app shows (counter, timer, gauge, cue, framing) lies over the
 * picture, the cue is in large type, and on a laptop the picture and the cue fit the screen.
 * Screenshots go to test-results/ to be looked at.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterEach, describe, expect, inject, it } from 'vitest';
import { chooseDetector, openApp, waitForFrames } from './support/app';
import { launch, type Session } from './support/browser';
import { FIXTURES, REPO_ROOT, ffmpegPath } from './support/paths';
import { makeY4m } from './support/y4m';

const baseUrl = inject('baseUrl');
const workDir = inject('workDir');
const SHOTS = join(REPO_ROOT, 'test-results');
mkdirSync(SHOTS, { recursive: true });

const SIZES = [[1280, 800], [1366, 768], [390, 844]] as const;
/**
 * ref: src/ui/LiveOverlay.svelte .cue — the US Sign Council's ~30 ft per inch of letter height
 * puts 2 m at ≥ 5.6 mm capitals: 2.2rem (35 px) on a phone, more on a laptop.
 */
const MIN_CUE_PX = { phone: 35, laptop: 50 };

/** A portrait y4m (480×640, a phone held upright): the fake camera delivers the file's own size. */
function portraitY4m(clip: string, maxSeconds: number): string {
  const out = join(workDir, 'portrait-480x640.y4m');
  if (!existsSync(out)) {
    execFileSync(ffmpegPath(), [
      '-v', 'error', '-y', '-i', clip, '-t', String(maxSeconds),
      '-vf', 'fps=30,scale=480:640:force_original_aspect_ratio=decrease,pad=480:640:(ow-iw)/2:(oh-ih)/2,format=yuv420p',
      '-f', 'yuv4mpegpipe', out,
    ], { stdio: ['ignore', 'ignore', 'pipe'] });
  }
  return out;
}

let session: Session | undefined;
afterEach(async () => {
  await session?.close();
  session = undefined;
});

interface Box { x: number; y: number; width: number; height: number }
const overlaps = (a: Box, b: Box) => a.x < b.x + b.width - 1 && b.x < a.x + a.width - 1 && a.y < b.y + b.height - 1 && b.y < a.y + a.height - 1;

/** Every live panel's box, the picture's, the cue's font size, and the picture's pixel size. */
function measure(page: Page) {
  return page.evaluate(() => {
    const box = (el: Element) => {
      const r = el.getBoundingClientRect();
      return { x: r.x, y: r.y + scrollY, width: r.width, height: r.height };
    };
    const picture = document.querySelector('[data-testid="picture"]')!;
    const panels = ['rep-counter', 'set-timer', 'hip-gauge', 'cue', 'framing', 'phase', 'lifter-lock', 'rejected-reps']
      .flatMap((id) => Array.from(document.querySelectorAll(`[data-testid="${id}"]`)).map((el) => ({ id, box: box(el) })))
      .filter((p) => p.box.width > 0 && p.box.height > 0);
    const cue = document.querySelector('[data-testid="cue"]');
    const video = document.querySelector('video')!;
    return {
      stageRight: document.querySelector('[data-testid="stage"]')!.getBoundingClientRect().right,
      pageWidth: document.documentElement.scrollWidth,
      picture: box(picture),
      panels,
      cueFontPx: cue ? parseFloat(getComputedStyle(cue).fontSize) : null,
      cueBottom: cue ? box(cue).y + box(cue).height : null,
      video: { w: video.videoWidth, h: video.videoHeight },
    };
  });
}

async function checkSizes(page: Page, name: string, wantPortrait: boolean) {
  for (const [w, h] of SIZES) {
    await page.setViewportSize({ width: w, height: h });
    await page.waitForTimeout(400);
    const m = await measure(page);
    expect(m.video.h > m.video.w, `${name}: the camera's picture is ${m.video.w}x${m.video.h}`).toBe(wantPortrait);
    expect(m.stageRight, `${name} ${w}x${h}: the stage fits the width`).toBeLessThanOrEqual(w);
    expect(m.pageWidth, `${name} ${w}x${h}: nothing to scroll sideways`).toBeLessThanOrEqual(w);
    expect(m.panels.map((p) => p.id)).toEqual(expect.arrayContaining(['rep-counter', 'set-timer', 'hip-gauge']));
    for (const p of m.panels) expect(overlaps(p.box, m.picture), `${name} ${w}x${h}: ${p.id} over the picture ${JSON.stringify(p.box)} / ${JSON.stringify(m.picture)}`).toBe(false);
    // The picture keeps a useful size: at least half the width (phone) or 40 % of the height (laptop).
    if (w < 600) expect(m.picture.width).toBeGreaterThan(w * 0.5);
    else expect(m.picture.height).toBeGreaterThan(h * 0.4);
    if (m.cueFontPx !== null) {
      expect(m.cueFontPx).toBeGreaterThanOrEqual(w < 600 ? MIN_CUE_PX.phone : MIN_CUE_PX.laptop);
      // On a laptop the cue is read without scrolling, with the picture above it.
      if (w >= 600) expect(m.cueBottom!).toBeLessThanOrEqual(h + 2);
    }
    await page.screenshot({ path: join(SHOTS, `e2e-layout-${name}-${w}x${h}.png`) });
  }
}

describe('live screen layout in real Chromium', () => {
  it('landscape camera: counter, gauge and cue around the picture at 1280×800, 1366×768 and 390×844', async () => {
    session = await launch(baseUrl, { y4m: makeY4m(join(FIXTURES, 'kickback/cable_kickback_cgi_dosipov.mp4'), workDir, { maxSeconds: 10 }) });
    const { page } = session;
    await page.setViewportSize({ width: 1280, height: 800 });
    await openApp(page);
    // Before the camera starts, the how-to stands on the (black) picture, not beside it.
    const intro = (await page.getByText('Stand side-on').boundingBox())!;
    const idlePicture = (await page.getByTestId('picture').boundingBox())!;
    expect(intro.x).toBeGreaterThanOrEqual(idlePicture.x);
    expect(intro.x + intro.width).toBeLessThanOrEqual(idlePicture.x + idlePicture.width + 1);
    await page.screenshot({ path: join(SHOTS, 'e2e-layout-idle-1280x800.png') });
    await chooseDetector(page, 'movenet-lightning');
    await page.getByTestId('start-camera').click();
    await waitForFrames(page, 3);
    // The rep's cue (labels.json: kick too high, torso flat) shows once the rep at 5.2 s completes.
    await page.getByTestId('cue').waitFor({ timeout: 30_000 }).catch(() => {});
    await checkSizes(page, 'landscape', false);
  });

  it('portrait camera: the same at the three sizes', async () => {
    session = await launch(baseUrl, { y4m: portraitY4m(join(FIXTURES, 'other/squat_side_aitrainer.mp4'), 6) });
    const { page } = session;
    await openApp(page);
    await chooseDetector(page, 'movenet-lightning');
    await page.getByTestId('start-camera').click();
    await waitForFrames(page, 3);
    await page.getByTestId('rep-counter').waitFor();
    await checkSizes(page, 'portrait', true);
  });
});
