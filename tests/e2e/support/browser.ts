import { chromium, type Browser, type BrowserContext, type Page, type Request } from 'playwright-core';
import { chromiumPath } from './paths';

/** Flags that keep Chromium from calling home, so any outside request is the app's doing. */
const QUIET_FLAGS = [
  '--no-sandbox', // root in CI containers
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
  '--no-first-run',
  '--disable-default-apps',
  '--disable-domain-reliability',
  '--metrics-recording-only',
];

export interface LaunchOptions {
  /** y4m file the fake camera plays; omit for no camera at all. */
  y4m?: string;
  /** Resolve every host but loopback to nothing: the network is "unplugged". */
  offline?: boolean;
  /** Grant camera permission (default true). */
  grantCamera?: boolean;
  /** Let the test inject scripts despite the page's CSP (axe-core via page.addScriptTag). */
  bypassCSP?: boolean;
  /**
   * Let the app's offline service worker register (default 'block'): it precaches ~70 MB of
   * models in the background and then answers requests itself, which page.route cannot see.
   * Only the offline/PWA tests need it.
   */
  serviceWorkers?: 'allow' | 'block';
}

export interface Session {
  browser: Browser;
  context: BrowserContext;
  page: Page;
  /** Every request the page made (URLs), for the same-origin assertion. */
  requests: string[];
  consoleErrors: string[];
  close(): Promise<void>;
}

export async function launch(baseUrl: string, options: LaunchOptions = {}): Promise<Session> {
  const args = [...QUIET_FLAGS];
  if (options.y4m) {
    args.push('--use-fake-device-for-media-stream', `--use-file-for-fake-video-capture=${options.y4m}`);
  }
  if (options.offline) args.push('--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1');
  const browser = await chromium.launch({ executablePath: chromiumPath(), headless: true, args });
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, baseURL: baseUrl, bypassCSP: options.bypassCSP ?? false, serviceWorkers: options.serviceWorkers ?? 'block' });
  if (options.grantCamera ?? true) await context.grantPermissions(['camera'], { origin: new URL(baseUrl).origin });
  const page = await context.newPage();
  const requests: string[] = [];
  const consoleErrors: string[] = [];
  const record = (r: Request) => requests.push(r.url());
  page.on('request', record);
  context.on('request', record);
  page.on('console', (m) => {
    if (m.type() === 'error') consoleErrors.push(m.text());
  });
  page.on('pageerror', (e) => consoleErrors.push(String(e)));
  return {
    browser,
    context,
    page,
    requests,
    consoleErrors,
    close: () => browser.close(),
  };
}

/** Requests whose origin is not the app's (data:/blob: URLs stay on the device). */
export function foreignRequests(requests: string[], baseUrl: string): string[] {
  const origin = new URL(baseUrl).origin;
  return requests.filter((u) => !u.startsWith('data:') && !u.startsWith('blob:') && new URL(u).origin !== origin);
}

export interface DebugPose {
  imageWidth: number;
  imageHeight: number;
  keypointSet: string;
  landmarks: { x: number; y: number; visibility: number }[];
  score: number;
  inferenceMs: number;
}

export async function readPose(page: Page): Promise<DebugPose | null> {
  return page.evaluate(() => {
    const k = (globalThis as unknown as { __kickcheck?: { pose: unknown } }).__kickcheck;
    return (k?.pose ?? null) as never;
  });
}

export async function readStats(page: Page): Promise<{ processedFrames: number; droppedFrames: number; latencyMs: number; inferenceMs: number; cameraFps: number }> {
  return page.evaluate(() => (globalThis as unknown as { __kickcheck: { stats: never } }).__kickcheck.stats);
}

/** Non-transparent pixels on the overlay canvas: proof the skeleton was drawn. */
export async function overlayInk(page: Page): Promise<number> {
  return page.evaluate(() => {
    const canvas = document.querySelector('[data-testid="overlay"]') as HTMLCanvasElement | null;
    const ctx = canvas?.getContext('2d');
    if (!canvas || !ctx) return -1;
    const data = ctx.getImageData(0, 0, canvas.width, canvas.height).data;
    let ink = 0;
    for (let i = 3; i < data.length; i += 4) if (data[i]! > 0) ink++;
    return ink;
  });
}
