import { defineConfig } from 'vitest/config';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { viteStaticCopy } from 'vite-plugin-static-copy';

// wasm threads need SharedArrayBuffer, which needs cross-origin isolation; the app loads
// nothing cross-origin, so require-corp costs nothing.
const isolationHeaders = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
};

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
  ],
  server: { headers: isolationHeaders },
  preview: { headers: isolationHeaders },
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
