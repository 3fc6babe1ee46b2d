import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { EXIT_CODE } from '../../src/node/analyze-args';
import { ffmpegPath } from '../../src/node/ffmpeg-path';
import { REPO_ROOT, SHARED_FIXTURES_DIR } from '../../src/node/repo-paths';

const TSX = join(REPO_ROOT, 'node_modules', '.bin', 'tsx');

/** Runs the CLI without blocking the test worker (spawnSync would starve vitest's own messages). */
function analyze(...args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(TSX, [join(REPO_ROOT, 'scripts', 'analyze.ts'), ...args], { cwd: REPO_ROOT });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => resolvePromise({ code, stdout, stderr }));
  });
}

describe('scripts/analyze.ts', () => {
  // The CLI loads the model in each test, on a 2-core machine shared with others: generous time.
  vi.setConfig({ testTimeout: 300_000 });
  it('exits 2 with the usage on bad arguments', async () => {
    const run = await analyze('--detector', 'posenet', 'a.mp4');
    expect(run.code).toBe(EXIT_CODE.usage);
    expect(run.stderr).toContain('expected --detector to be one of');
    expect(run.stderr).toContain('usage: analyze <video>');
    expect(run.stdout).toBe('');
  });

  it('exits 3 for an unreadable file and says why in the JSON', async () => {
    const run = await analyze('/nonexistent/clip.mp4', '--json');
    expect(run.code).toBe(EXIT_CODE['unreadable-file']);
    expect(run.stderr).toContain('expected a readable video, got /nonexistent/clip.mp4');
    const report = JSON.parse(run.stdout) as { error: { code: string }; summary: { repCount: number } };
    expect(report.error.code).toBe('unreadable-file');
    expect(report.summary.repCount).toBe(0);
  });

  it('exits 4 when no person is in the video', async () => {
    const clip = join(mkdtempSync(join(tmpdir(), 'kickcheck-')), 'empty-room.mp4');
    const made = spawnSync(ffmpegPath(), ['-hide_banner', '-loglevel', 'error', '-f', 'lavfi', '-i', 'color=c=gray:s=160x120:d=0.3:r=10', '-pix_fmt', 'yuv420p', clip]);
    expect(made.status, made.stderr?.toString()).toBe(0);
    const run = await analyze(clip, '--json', '--detector', 'movenet-lightning');
    expect(run.code).toBe(EXIT_CODE['no-person']);
    const report = JSON.parse(run.stdout) as Record<string, unknown>;
    expect(report).toMatchObject({ detector: 'movenet-lightning', backend: 'wasm', framesAnalysed: 3, reps: [], error: { code: 'no-person' } });
  });

  it('exits 5 for a front view: the person is found but reps cannot be judged', async () => {
    const run = await analyze(join(SHARED_FIXTURES_DIR, 'keypoints/tfjs-models/pose.jpg'), '--json');
    expect(run.code).toBe(EXIT_CODE['unusable-view']);
    const report = JSON.parse(run.stdout) as Record<string, unknown>;
    for (const key of ['source', 'durationS', 'framesAnalysed', 'detector', 'backend', 'workingLeg', 'facing', 'view', 'reps', 'summary']) {
      expect(report).toHaveProperty(key);
    }
    expect(report).toMatchObject({ framesAnalysed: 1, framesWithPerson: 1, summary: { repCount: 0 }, error: { code: 'unusable-view' } });
  });

  it('analyses 10 frames a second at 640 px by default, every frame with --all-frames', async () => {
    const clip = join(mkdtempSync(join(tmpdir(), 'kickcheck-')), 'one-second.mp4');
    const made = spawnSync(ffmpegPath(), ['-hide_banner', '-loglevel', 'error', '-f', 'lavfi', '-i', 'color=c=gray:s=1280x720:d=1:r=30', '-pix_fmt', 'yuv420p', clip]);
    expect(made.status, made.stderr?.toString()).toBe(0);
    const sampled = JSON.parse((await analyze(clip, '--json', '--detector', 'movenet-lightning')).stdout) as Record<string, unknown>;
    expect(sampled).toMatchObject({ framesAnalysed: 10, analysisFps: 10 });
    expect(sampled.partial).toBeUndefined();
    const all = JSON.parse((await analyze(clip, '--json', '--detector', 'movenet-lightning', '--all-frames')).stdout) as Record<string, unknown>;
    expect(all).toMatchObject({ framesAnalysed: 30, analysisFps: 30 });
    expect(all.partial).toBeUndefined();
  });
});
