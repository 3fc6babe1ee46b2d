import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXIT_CODE } from '../../src/node/analyze-args';
import { ffmpegPath } from '../../src/node/ffmpeg-path';
import { REPO_ROOT, SHARED_FIXTURES_DIR } from '../../src/node/repo-paths';

const TSX = join(REPO_ROOT, 'node_modules', '.bin', 'tsx');

function analyze(...args: string[]) {
  const result = spawnSync(TSX, [join(REPO_ROOT, 'scripts', 'analyze.ts'), ...args], { cwd: REPO_ROOT, encoding: 'utf8', timeout: 120_000 });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('scripts/analyze.ts', () => {
  it('exits 2 with the usage on bad arguments', () => {
    const run = analyze('--detector', 'posenet', 'a.mp4');
    expect(run.code).toBe(EXIT_CODE.usage);
    expect(run.stderr).toContain('expected --detector to be one of');
    expect(run.stderr).toContain('usage: analyze <video>');
    expect(run.stdout).toBe('');
  });

  it('exits 3 for an unreadable file and says why in the JSON', () => {
    const run = analyze('/nonexistent/clip.mp4', '--json');
    expect(run.code).toBe(EXIT_CODE['unreadable-file']);
    expect(run.stderr).toContain('expected a readable video, got /nonexistent/clip.mp4');
    const report = JSON.parse(run.stdout) as { error: { code: string }; summary: { repCount: number } };
    expect(report.error.code).toBe('unreadable-file');
    expect(report.summary.repCount).toBe(0);
  });

  it('exits 4 when no person is in the video', () => {
    const clip = join(mkdtempSync(join(tmpdir(), 'kickcheck-')), 'empty-room.mp4');
    const made = spawnSync(ffmpegPath(), ['-hide_banner', '-loglevel', 'error', '-f', 'lavfi', '-i', 'color=c=gray:s=160x120:d=0.3:r=10', '-pix_fmt', 'yuv420p', clip]);
    expect(made.status, made.stderr?.toString()).toBe(0);
    const run = analyze(clip, '--json', '--detector', 'movenet-lightning');
    expect(run.code).toBe(EXIT_CODE['no-person']);
    const report = JSON.parse(run.stdout) as Record<string, unknown>;
    expect(report).toMatchObject({ detector: 'movenet-lightning', backend: 'wasm', framesAnalysed: 3, reps: [], error: { code: 'no-person' } });
  });

  it('exits 5 for a front view: the person is found but reps cannot be judged', () => {
    const run = analyze(join(SHARED_FIXTURES_DIR, 'keypoints/tfjs-models/pose.jpg'), '--json');
    expect(run.code).toBe(EXIT_CODE['unusable-view']);
    const report = JSON.parse(run.stdout) as Record<string, unknown>;
    for (const key of ['source', 'durationS', 'framesAnalysed', 'detector', 'backend', 'workingLeg', 'facing', 'view', 'reps', 'summary']) {
      expect(report).toHaveProperty(key);
    }
    expect(report).toMatchObject({ framesAnalysed: 1, framesWithPerson: 1, summary: { repCount: 0 }, error: { code: 'unusable-view' } });
  });
});
