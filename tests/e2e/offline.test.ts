/**
 * docs/design.md#reliability, deploy and offline: an installable PWA that works offline after one visit. The built app, served by
 * its own `vite preview`, is loaded once; once the service worker controls the page (it has
 * precached the app, every model and the wasm binaries), the network is pulled twice over
 * (the browser context goes offline and the server is shut down), the page is reloaded, and a
 * set is started on the fake camera: a pose is tracked, still cross-origin isolated.
 */
import { join } from 'node:path';
import { afterEach, describe, expect, inject, it } from 'vitest';
import { launch, overlayInk, type Session } from './support/browser';
import { FIXTURES } from './support/paths';
import { startOwnPreview, type OwnPreview } from './support/own-preview';
import { makeY4m } from './support/y4m';

const workDir = inject('workDir');
const distDir = inject('distDir');
const SIDE_CLIP = join(FIXTURES, 'kickback/cable_kickback_cgi_dosipov.mp4');

let session: Session | undefined;
let own: OwnPreview | undefined;
afterEach(async () => {
  await session?.close();
  session = undefined;
  await own?.close();
  own = undefined;
});

interface CacheReport {
  urls: string[];
  controlled: boolean;
}

async function precached(s: Session): Promise<CacheReport> {
  return s.page.evaluate(async () => {
    const urls: string[] = [];
    for (const name of await caches.keys()) {
      const cache = await caches.open(name);
      for (const req of await cache.keys()) urls.push(new URL(req.url).pathname);
    }
    return { urls, controlled: navigator.serviceWorker.controller !== null };
  });
}

describe('offline after the first visit (PWA)', () => {
  it('serves a manifest an installer accepts', async () => {
    own = await startOwnPreview(distDir);
    const manifest = (await (await fetch(new URL('/manifest.webmanifest', own.url))).json()) as {
      name: string;
      start_url: string;
      display: string;
      icons: { src: string; sizes: string; purpose?: string }[];
    };
    expect(manifest.name).toMatch(/KickCheck/);
    expect(manifest.display).toBe('standalone');
    expect(manifest.start_url).toBe('/');
    const sizes = manifest.icons.map((i) => i.sizes);
    expect(sizes).toContain('192x192');
    expect(sizes).toContain('512x512');
    for (const icon of manifest.icons) {
      const res = await fetch(new URL(icon.src, own.url));
      expect(res.status, icon.src).toBe(200);
      await res.arrayBuffer();
    }
  });

  it('reloads with the network off and tracks a pose from the fake camera, still cross-origin isolated', async () => {
    own = await startOwnPreview(distDir);
    const y4m = makeY4m(SIDE_CLIP, workDir, { maxSeconds: 10 });
    session = await launch(own.url, { y4m, serviceWorkers: 'allow' });
    await session.page.goto('/');
    // The worker takes the page (clientsClaim) only once its install, the whole precache, is done.
    await session.page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, { timeout: 170_000, polling: 500 });
    const cached = await precached(session);
    expect(cached.controlled).toBe(true);
    for (const path of ['/index.html', '/models/blazepose-full.json', '/models/blazepose-full.bin', '/models/blazepose-detector.bin', '/models/tfjs-backend-wasm-threaded-simd.wasm', '/models/tfjs-backend-wasm-simd.wasm']) {
      expect(cached.urls.some((u) => u === path), `${path} precached`).toBe(true);
    }

    // Network off: the context is offline and the server is gone.
    await session.context.setOffline(true);
    await own.close();
    own = undefined;
    const before = session.requests.length;

    await session.page.reload();
    expect(await session.page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
    expect(await session.page.evaluate(() => globalThis.crossOriginIsolated)).toBe(true);

    await session.page.getByTestId('start-camera').click();
    const hud = session.page.getByTestId('hud');
    await expect.poll(async () => Number(await hud.getAttribute('data-processed')), { timeout: 120_000, interval: 500 }).toBeGreaterThanOrEqual(15);
    expect(await overlayInk(session.page)).toBeGreaterThan(500);
    expect(await hud.getAttribute('data-detector')).toBe('blazepose-full');
    const backend = await hud.getAttribute('data-backend');
    if (backend === 'wasm') expect(await hud.textContent()).toContain('+threads');
    // The model really was asked for after the reload (and answered by the service worker).
    expect(session.requests.slice(before).some((u) => u.endsWith('/models/blazepose-full.bin'))).toBe(true);
  });
});
