import { defineConfig } from 'vitest/config';
import type { Plugin } from 'vite';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { VitePWA } from 'vite-plugin-pwa';
import { viteStaticCopy } from 'vite-plugin-static-copy';
import { SECURITY_HEADERS, contentSecurityPolicy, netlifyHeadersFile } from './deploy/security-headers';

// One source of truth (deploy/security-headers.ts): COOP/COEP (wasm threads need cross-origin
// isolation), the CSP and the rest, for dev, preview and (as dist/_headers) static hosts.
const securityHeaders = { ...SECURITY_HEADERS };

/**
 * Ships the headers with the build: `dist/_headers` for Netlify / Cloudflare Pages, and the CSP
 * as a <meta> fallback in the HTML for a host that sets no headers at all (it covers the page,
 * not the workers, and cannot say frame-ancestors: the header is the real policy).
 */
function securityHeadersPlugin(): Plugin {
  return {
    name: 'kickcheck-security-headers',
    transformIndexHtml: () => [
      { tag: 'meta', attrs: { 'http-equiv': 'Content-Security-Policy', content: contentSecurityPolicy({ forMeta: true }) }, injectTo: 'head-prepend' },
    ],
    generateBundle() {
      this.emitFile({ type: 'asset', fileName: '_headers', source: netlifyHeadersFile() });
    },
  };
}

// ref: models/ sizes (blazepose-heavy.bin is 27 MB, the largest file); Workbox skips files over
// maximumFileSizeToCacheInBytes (2 MiB by default), which would leave every model uncached.
const PRECACHE_MAX_FILE_BYTES = 32 * 1024 * 1024;

// Worker-only imports are discovered late by Vite's dep optimiser, which then reloads the page
// mid-session (and mid-test): name them up front.
const workerDeps = [
  '@tensorflow-models/pose-detection',
  '@tensorflow/tfjs-core',
  '@tensorflow/tfjs-converter',
  '@tensorflow/tfjs-backend-wasm',
  '@tensorflow/tfjs-backend-webgl',
  '@tensorflow/tfjs-backend-webgpu',
  '@tensorflow/tfjs-backend-cpu',
  'comlink',
  '@mediapipe/pose', // imported by pose-detection's ESM build even when only the tfjs runtime is used
];

export default defineConfig({
  plugins: [
    svelte(),
    // models/ is filled from npm packages by scripts/copy-models.mjs (postinstall); served at
    // /models in dev and copied into dist/models by the build, so nothing comes from a CDN.
    viteStaticCopy({ targets: [{ src: 'models/*', dest: 'models' }] }),
    securityHeadersPlugin(),
    // Installable, and works offline after one visit: the app shell, every model and the wasm
    // binaries are precached by the service worker (registered from src/pwa/register-sw.ts).
    VitePWA({
      strategies: 'generateSW',
      // 'prompt': a new version waits until every tab is closed instead of reloading a live set.
      registerType: 'prompt',
      injectRegister: false,
      // The icons are in public/icons, precached by globPatterns below.
      includeManifestIcons: false,
      manifest: {
        name: 'KickCheck — cable kickback coach',
        short_name: 'KickCheck',
        description: 'Counts cable-kickback reps and checks form from your webcam. Runs on your device, works offline.',
        start_url: '/',
        scope: '/',
        display: 'standalone',
        orientation: 'any',
        background_color: '#101418',
        theme_color: '#101418',
        icons: [
          { src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png' },
          { src: '/icons/icon-512.png', sizes: '512x512', type: 'image/png' },
          { src: '/icons/maskable-192.png', sizes: '192x192', type: 'image/png', purpose: 'maskable' },
          { src: '/icons/maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
          { src: '/icons/icon.svg', sizes: 'any', type: 'image/svg+xml' },
        ],
      },
      workbox: {
        // models/ is copied into dist by viteStaticCopy before the service worker is generated.
        globPatterns: ['**/*.{js,css,html,svg,png,webmanifest,wasm}', 'models/*.{json,bin}'],
        // Test-only page (tests/e2e/parity) built beside the app by the E2E setup.
        globIgnores: ['**/parity.html', '**/parity-*.js'],
        maximumFileSizeToCacheInBytes: PRECACHE_MAX_FILE_BYTES,
        navigateFallback: 'index.html',
        navigateFallbackDenylist: [/^\/models\//],
        // The first install takes the open page at once (it can then reload offline); an update
        // still waits (registerType 'prompt' leaves skipWaiting off).
        clientsClaim: true,
        cleanupOutdatedCaches: true,
      },
    }),
  ],
  server: { headers: securityHeaders },
  preview: { headers: securityHeaders },
  worker: { format: 'es' },
  optimizeDeps: { include: workerDeps },
  build: { target: 'es2022', chunkSizeWarningLimit: 4096 },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          environment: 'node',
          include: ['tests/**/*.test.ts'],
          exclude: ['tests/e2e/**', 'node_modules/**'],
          testTimeout: 60_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          environment: 'node',
          include: ['tests/e2e/**/*.test.ts'],
          globalSetup: ['tests/e2e/global-setup.ts'],
          pool: "forks",
          poolOptions: { forks: { singleFork: true } },
          testTimeout: 180_000,
          hookTimeout: 180_000,
        },
      },
    ],
  },
});
