import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

// The check `npm run lint:layers` runs: the same CLI and config, so a pass here is a pass there.
const REPO_DIR = fileURLToPath(new URL('../../', import.meta.url));
const FIXTURE_DIR = fileURLToPath(new URL('../fixtures/layers/', import.meta.url));
const DEPCRUISE = `${REPO_DIR}node_modules/dependency-cruiser/bin/dependency-cruise.mjs`;
const CONFIG = `${REPO_DIR}.dependency-cruiser.cjs`;
// ref: a full cruise of src, workers and scripts takes about 10 s on the 2-core dev box; the
// generous limit keeps a loaded machine from failing the test on time.
const CRUISE_TIMEOUT_MS = 180_000;

interface Violation {
  from: string;
  to: string;
  rule: { name: string; severity: string };
}

function depcruise(cwd: string, outputType: 'json' | 'err', targets: string[]) {
  const run = spawnSync(process.execPath, [DEPCRUISE, '--config', CONFIG, '--output-type', outputType, ...targets], {
    cwd,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  if (run.error) throw run.error;
  return run;
}

/** Every violation, as the JSON reporter lists them (that reporter always exits 0). */
function violationsIn(cwd: string, targets: string[]): Violation[] {
  const run = depcruise(cwd, 'json', targets);
  if (!run.stdout.startsWith('{')) {
    throw new Error(`expected depcruise JSON on stdout, got ${JSON.stringify(run.stdout.slice(0, 200))}; stderr: ${run.stderr}`);
  }
  return (JSON.parse(run.stdout) as { summary: { violations: Violation[] } }).summary.violations;
}

/** `rule: from → to`, with a package path cut to its package name. */
function describeViolation(v: Violation): string {
  const to = v.to.replace(/^.*node_modules\/((@[^/]+\/)?[^/]+)\/.*$/, 'npm:$1');
  return `${v.rule.name}: ${v.from} → ${to}`;
}

describe('layer boundaries (.dependency-cruiser.cjs)', () => {
  it('reports each wrong-way import of the fixture tree, and nothing else', () => {
    const violations = violationsIn(FIXTURE_DIR, ['src']);
    expect(violations.map(describeViolation).sort()).toEqual([
      'core-no-packages: src/feedback/reactive.ts → npm:svelte',
      'core-no-packages: src/signal/clock.ts → perf_hooks',
      'layer-order-geometry: src/geometry/upward.ts → src/analysis/reading.ts',
      'layer-order-state: src/state/session.ts → src/ui/voice.ts',
      'outside-not-to-app: src/capture/camera.ts → src/state/session.ts',
      'state-not-to-platform: src/state/session.ts → src/storage/store.ts',
      'state-not-to-ui: src/state/session.ts → src/ui/voice.ts',
    ]);
    expect(violations.every((v) => v.rule.severity === 'error')).toBe(true);
    // The err reporter (the one `npm run lint:layers` uses) exits non-zero, so `npm run check` fails.
    const check = depcruise(FIXTURE_DIR, 'err', ['src']);
    expect(check.status).not.toBe(0);
    expect(check.stdout).toContain('error layer-order-geometry: src/geometry/upward.ts → src/analysis/reading.ts');
  }, CRUISE_TIMEOUT_MS);

  it('finds no violation in the real tree', () => {
    const check = depcruise(REPO_DIR, 'err', ['src', 'workers', 'scripts']);
    expect(check.stdout + check.stderr).toContain('no dependency violations found');
    expect(check.status).toBe(0);
  }, CRUISE_TIMEOUT_MS);
});
