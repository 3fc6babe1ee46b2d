/**
 * docs/design.md#reliability, deploy and offline: the security headers ship with the build. `vite preview` (the E2E server and
 * `npm run preview` as its own process) sends them on every kind of file, and the built app in
 * real Chromium is cross-origin isolated and tracks a pose with no CSP violation in the page,
 * the pose worker or the wasm threads.
 */
import { spawn } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { afterEach, describe, expect, inject, it } from 'vitest';
import { SECURITY_HEADERS, contentSecurityPolicy } from '../../deploy/security-headers';
import { launch, overlayInk, type Session } from './support/browser';
import { FIXTURES, REPO_ROOT } from './support/paths';
import { CSP_REPORT_PATH, startOwnPreview, type OwnPreview } from './support/own-preview';
import { makeY4m } from './support/y4m';

const baseUrl = inject('baseUrl');
const workDir = inject('workDir');
const distDir = inject('distDir');
const SIDE_CLIP = join(FIXTURES, 'kickback/cable_kickback_cgi_dosipov.mp4');

/** One file of each kind the app loads: page, app script, pose worker, model, wasm, SW, manifest. */
function builtPaths(): string[] {
  const assets = readdirSync(join(distDir, 'assets'));
  const pick = (re: RegExp) => {
    const name = assets.find((a) => re.test(a));
    if (!name) throw new Error(`expected a built asset matching ${re}, got ${assets.join(', ')}`);
    return `/assets/${name}`;
  };
  const html = readFileSync(join(distDir, 'index.html'), 'utf8');
  const appScript = /<script type="module"[^>]* src="([^"]+)"/.exec(html)?.[1];
  if (!appScript) throw new Error(`expected a module script in ${distDir}/index.html, got none`);
  return [
    '/',
    '/index.html',
    appScript,
    pick(/^pose\.worker-.*\.js$/),
    '/models/blazepose-full.json',
    '/models/blazepose-full.bin',
    '/models/tfjs-backend-wasm-threaded-simd.wasm',
    '/sw.js',
    '/manifest.webmanifest',
  ];
}

async function expectSecurityHeaders(origin: string): Promise<void> {
  const paths = builtPaths();
  expect(paths.length).toBeGreaterThan(5);
  for (const path of paths) {
    const res = await fetch(new URL(path, origin));
    expect(res.status, path).toBe(200);
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) expect(res.headers.get(name), `${name} on ${path}`).toBe(value);
    await res.arrayBuffer();
  }
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const address = s.address();
      s.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('expected a port, got none'))));
    });
  });
}

let session: Session | undefined;
let own: OwnPreview | undefined;
afterEach(async () => {
  await session?.close();
  session = undefined;
  await own?.close();
  own = undefined;
});

describe('security headers served with the build', () => {
  it('vite preview sends every header on the page, scripts, the worker, models, wasm, the service worker and the manifest', async () => {
    await expectSecurityHeaders(baseUrl);
    const wasm = await fetch(new URL('/models/tfjs-backend-wasm.wasm', baseUrl));
    expect(wasm.headers.get('content-type')).toBe('application/wasm');
    await wasm.arrayBuffer();
  });

  it('`npm run preview`, started as its own process, sends them too', async () => {
    const port = await freePort();
    // Own process group, so the npm → vite pair is stopped together, by its id.
    const child = spawn('npm', ['run', 'preview', '--', '--outDir', distDir, '--host', '127.0.0.1', '--port', String(port), '--strictPort'], {
      cwd: REPO_ROOT,
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr.on('data', (d: Buffer) => (output += d.toString()));
    try {
      const origin = `http://127.0.0.1:${port}`;
      await expect
        .poll(
          async () => {
            if (child.exitCode !== null) throw new Error(`expected npm run preview to keep running, got exit ${child.exitCode}: ${output}`);
            return fetch(origin).then(
              (r) => r.status,
              () => 0,
            );
          },
          { timeout: 60_000, interval: 250 },
        )
        .toBe(200);
      await expectSecurityHeaders(origin);
    } finally {
      if (child.pid !== undefined && child.exitCode === null) process.kill(-child.pid, 'SIGTERM');
    }
  });

  it('the built app in Chromium is cross-origin isolated and tracks a pose with no CSP violation (page, worker, wasm threads)', async () => {
    // The shipped policy plus a report-uri (test only), so violations inside workers, which the
    // page's console does not show, are reported too.
    own = await startOwnPreview(distDir, {
      headers: { ...SECURITY_HEADERS, 'Content-Security-Policy': `${contentSecurityPolicy()}; report-uri ${CSP_REPORT_PATH}` },
      collectCspReports: true,
    });
    const y4m = makeY4m(SIDE_CLIP, workDir, { maxSeconds: 10 });
    session = await launch(own.url, { y4m });
    const cspConsole: string[] = [];
    session.page.on('console', (m) => {
      if (/content security policy|refused to/i.test(m.text())) cspConsole.push(m.text());
    });
    await session.page.goto('/');
    expect(await session.page.evaluate(() => globalThis.crossOriginIsolated)).toBe(true);
    // The header, not only the <meta> fallback, is what the page got.
    const nav = await session.page.evaluate(() => fetch('/').then((r) => r.headers.get('content-security-policy')));
    expect(nav).toContain("frame-ancestors 'none'");

    await session.page.getByTestId('start-camera').click();
    const hud = session.page.getByTestId('hud');
    await expect.poll(async () => Number(await hud.getAttribute('data-processed')), { timeout: 120_000, interval: 500 }).toBeGreaterThanOrEqual(15);
    expect(await overlayInk(session.page)).toBeGreaterThan(500);
    const backend = await hud.getAttribute('data-backend');
    expect(backend).toMatch(/^(wasm|webgl|webgpu|cpu)$/);
    // On wasm (headless Chromium: software WebGL is skipped for wasm) the threads must be up:
    // they need both the isolation headers and the CSP's blob: worker.
    if (backend === 'wasm') expect(await hud.textContent()).toContain('+threads');

    // Reports are POSTed as they happen; give any last one a moment before reading the list.
    await session.page.evaluate(() => new Promise((r) => setTimeout(r, 500)));
    expect(own.cspReports).toEqual([]);
    expect(cspConsole).toEqual([]);
    expect(session.consoleErrors.filter((e) => /policy/i.test(e))).toEqual([]);
  });
});
