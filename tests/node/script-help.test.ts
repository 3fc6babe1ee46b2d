import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../src/node/repo-paths';

const TSX = join(REPO_ROOT, 'node_modules', '.bin', 'tsx');
/** Generous: tsx compiles each script on a loaded machine; a script that waits would still be stopped. */
const SPAWN_TIMEOUT_MS = 90_000;

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs a script without blocking the test worker. */
function runScript(script: string, args: string[]): Promise<Run> {
  return new Promise((resolvePromise) => {
    execFile(TSX, [join(REPO_ROOT, 'scripts', script), ...args], { cwd: REPO_ROOT, timeout: SPAWN_TIMEOUT_MS }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === 'number' ? error.code : null) : 0;
      resolvePromise({ code, stdout, stderr });
    });
  });
}

/** Each script, and options its usage must name (so --help is that script's, not a generic text). */
const SCRIPTS: readonly [string, readonly string[]][] = [
  ['analyze.ts', ['--json', '--detector', '--fps', '--all-frames', '--max-side', '--full-size', '--quiet']],
  ['eval.ts', ['--json', '--detector', '--from-fixtures', '--no-angles', '--rates', '--variants', '--fps', '--all-frames', '--max-side', '--full-size']],
  ['extract-landmarks.ts', ['--detector']],
  ['extract-variants.ts', ['--variants', '--clips', '--force', '--max-frames', '--keep-videos', '--estimator-only']],
  ['bench-core.ts', ['--json', '--seconds']],
  ['measure-signal-noise.ts', ['--json', '--variants', '--stand-in']],
  ['measure-smoothing.ts', ['--json', '--fps']],
];

describe('every script answers --help', () => {
  it.each(SCRIPTS)('%s --help prints its usage and exits 0', async (script, options) => {
    const run = await runScript(script, ['--help']);
    expect(run.code, run.stderr).toBe(0);
    expect(options.length).toBeGreaterThan(0);
    for (const option of options) expect(run.stdout).toContain(option);
  }, SPAWN_TIMEOUT_MS + 10_000);
});

describe('unknown options', () => {
  // measure-smoothing is not listed: it keeps parseArgs' own strict error.
  it.each(SCRIPTS.filter(([script]) => script !== 'measure-smoothing.ts'))('%s --bogus exits 2 naming the options it knows', async (script, options) => {
    const run = await runScript(script, ['--bogus']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`expected one of ${options[0]}`);
    expect(run.stderr).toMatch(/, got --bogus\n/);
    expect(run.stdout).toBe('');
  }, SPAWN_TIMEOUT_MS + 10_000);
});
