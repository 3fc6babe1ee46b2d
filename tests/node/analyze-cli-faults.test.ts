/**
 * Faults a user (or a hostile one) meets with the command-line analyser (docs/reliability.md#command-line-npm-run-analyze): a file
 * that stops decoding early, a decoder killed mid-file among several files, a relative name
 * with a colon, an audio-only mp4. Real ffmpeg, real files, made in a temp dir at test time.
 */
import { spawn, spawnSync } from 'node:child_process';
import { closeSync, copyFileSync, mkdtempSync, openSync, readFileSync, readSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { EXIT_CODE } from '../../src/node/analyze-args';
import type { ClipReport } from '../../src/node/clip-report';
import { ffmpegPath } from '../../src/node/ffmpeg-path';
import { REPO_ROOT, SHARED_FIXTURES_DIR } from '../../src/node/repo-paths';

const TSX = join(REPO_ROOT, 'node_modules', '.bin', 'tsx');
const ANALYZE = join(REPO_ROOT, 'scripts', 'analyze.ts');
/** An mp4 with its index (moov) at the front: its first 200 KB still probe as the whole clip. */
const FRONT_INDEXED = join(SHARED_FIXTURES_DIR, 'kickback/cable_kickback_cgi_dosipov.mp4');
/** A long clip (615 frames, 205 analysed), so its decoder is still running when the test kills it. */
const LONG_CLIP = join(SHARED_FIXTURES_DIR, 'kickback/cable_kickback_real_side_curvelog.mp4');

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the CLI without blocking the test worker (spawnSync would starve vitest's own messages). */
function analyze(cwd: string, ...args: string[]): Promise<Run> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(TSX, [ANALYZE, ...args], { cwd });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => resolvePromise({ code, stdout, stderr }));
  });
}

function ffmpeg(...args: string[]): void {
  const made = spawnSync(ffmpegPath(), ['-hide_banner', '-loglevel', 'error', '-nostdin', ...args]);
  if (made.status !== 0) throw new Error(`expected ffmpeg to make a test file, got exit ${made.status}: ${made.stderr?.toString()}`);
}

/** The first `bytes` of `source`, written to `target`: a download cut short. */
function truncatedCopy(source: string, target: string, bytes: number): void {
  const buffer = Buffer.alloc(bytes);
  const fd = openSync(source, 'r');
  try {
    readSync(fd, buffer, 0, bytes, 0);
  } finally {
    closeSync(fd);
  }
  writeFileSync(target, buffer);
}

/**
 * Pids of running ffmpeg decoders (rawvideo out) reading `path` that have written at least
 * `minBytesOut` (from /proc/<pid>/io). Only this test's unique temp path matches.
 */
function decodersOf(path: string, minBytesOut: number): number[] {
  const pids: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    let cmdline: string;
    try {
      cmdline = readFileSync(`/proc/${entry}/cmdline`, 'utf8');
    } catch {
      continue; // exited meanwhile
    }
    const argv = cmdline.split('\0');
    if (!argv.some((a) => a.endsWith(path)) || !argv.includes('rawvideo')) continue;
    try {
      const written = Number(/wchar:\s*(\d+)/.exec(readFileSync(`/proc/${entry}/io`, 'utf8'))?.[1] ?? 0);
      if (written >= minBytesOut) pids.push(Number(entry));
    } catch {
      continue;
    }
  }
  return pids;
}

// Each test starts the CLI (model load included) once or twice, on a 2-core machine shared with
// others: generous time, never a timing assertion.
vi.setConfig({ testTimeout: 300_000 });

let dir: string;
/** 0.3 s of grey at 10 fps: decodes fully, no person (exit 4 alone). */
let emptyRoom: string;
let truncated: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'kickcheck-cli-faults-'));
  emptyRoom = join(dir, 'empty-room.mp4');
  ffmpeg('-f', 'lavfi', '-i', 'color=c=gray:s=160x120:d=0.3:r=10', '-pix_fmt', 'yuv420p', emptyRoom);
  truncated = join(dir, 'first-200k.mp4');
  truncatedCopy(FRONT_INDEXED, truncated, 200 * 1024);
});

describe('analyze: a decode that stops short', () => {
  it('reports the first 200 KB of a front-indexed mp4 as partial, with how much was read, and exits 6', async () => {
    const run = await analyze(dir, truncated, '--json', '--detector', 'movenet-lightning');
    expect(run.code, run.stderr).toBe(EXIT_CODE.partial);
    const report = JSON.parse(run.stdout) as ClipReport;
    // The index still promises the whole clip: 10.1 s at 30 fps, analysed at 10 frames a second.
    expect(report.analysisFps).toBe(10);
    expect(report.partial?.framesExpected).toBe(101);
    expect(report.partial?.secondsExpected).toBe(10.1);
    expect(report.partial?.framesRead).toBe(report.framesAnalysed);
    expect(report.framesAnalysed).toBeGreaterThan(0);
    expect(report.framesAnalysed).toBeLessThan(101 / 4);
    expect(report.partial?.secondsRead).toBeCloseTo(report.framesAnalysed / 10, 2);
    expect(run.stderr).toContain('partial: expected 101 frames (10.1 s)');
  });

  it('says PARTIAL in the readable output', async () => {
    const run = await analyze(dir, truncated, '--detector', 'movenet-lightning', '--quiet');
    expect(run.code).toBe(EXIT_CODE.partial);
    expect(run.stdout).toMatch(/PARTIAL: expected 101 frames \(10\.1 s\), got \d+ \(/);
  });
});

describe('analyze: several files', () => {
  it('reports every file when one is partial and one is missing, and exits 7', async () => {
    const run = await analyze(dir, truncated, join(dir, 'missing.mp4'), emptyRoom, '--json', '--detector', 'movenet-lightning');
    expect(run.code, run.stderr).toBe(EXIT_CODE['some-failed']);
    const reports = JSON.parse(run.stdout) as ClipReport[];
    expect(reports.map((r) => r.source)).toEqual([truncated, join(dir, 'missing.mp4'), emptyRoom]);
    expect(reports[0]?.partial?.framesExpected).toBe(101);
    expect(reports[1]?.error?.code).toBe('unreadable-file');
    expect(reports[2]).toMatchObject({ framesAnalysed: 3, error: { code: 'no-person' } });
    expect(reports[2]?.partial).toBeUndefined();
  });

  it('still reports the other files when ffmpeg is killed mid-decode', async () => {
    // A copy at a unique temp path: the decoder reading it is the one (and only one) the test kills.
    const long = join(dir, 'long-for-kill.mp4');
    copyFileSync(LONG_CLIP, long);
    const child = spawn(TSX, [ANALYZE, long, emptyRoom, '--json', '--detector', 'movenet-lightning'], { cwd: dir });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    const exited = new Promise<number | null>((resolvePromise) => child.on('close', (code) => resolvePromise(code)));

    // The decoder blocks on its full pipe until the analyser takes the next frame, so it lives
    // for as long as the clip takes to analyse; poll until it has written two frames
    // (whatever of them is in the pipe is still read), then kill it. 1280x720 decoded at 640 px.
    const frameBytes = 640 * 360 * 3;
    let killed: number[] = [];
    let running = true;
    void exited.then(() => (running = false));
    while (running && killed.length === 0) {
      killed = decodersOf(long, 2 * frameBytes);
      for (const pid of killed) process.kill(pid, 'SIGKILL');
      if (killed.length === 0) await new Promise((r) => setTimeout(r, 20));
    }
    const code = await exited;
    expect(killed.length, `no decoder of ${long} was seen running; stderr: ${stderr}`).toBe(1);
    expect(code, stderr).toBe(EXIT_CODE['some-failed']);
    const reports = JSON.parse(stdout) as ClipReport[];
    expect(reports).toHaveLength(2);
    expect(reports[0]?.source).toBe(long);
    // 20.63 s at 30 fps, analysed at 10 frames a second: 206 expected, 205 in a whole decode.
    expect(reports[0]?.partial?.framesExpected).toBe(206);
    expect(reports[0]?.framesAnalysed).toBeGreaterThan(0);
    expect(reports[0]?.partial?.framesRead).toBe(reports[0]?.framesAnalysed);
    expect(reports[0]?.partial?.framesRead).toBeLessThan(205);
    expect(reports[0]?.partial?.message).toContain('ffmpeg was stopped by SIGKILL');
    expect(reports[1]).toMatchObject({ source: emptyRoom, framesAnalysed: 3, error: { code: 'no-person' } });
  });

  it('prints every readable report too', async () => {
    const run = await analyze(dir, join(dir, 'missing.mp4'), emptyRoom, '--detector', 'movenet-lightning', '--quiet');
    expect(run.code).toBe(EXIT_CODE['some-failed']);
    expect(run.stdout).toContain(`${join(dir, 'missing.mp4')} — 0.0 s, 0 frames`);
    expect(run.stdout).toContain(`${emptyRoom} — 0.3 s, 3 frames`);
  });
});

describe('analyze: file names and streams', () => {
  it('reads a relative name with a colon (set:1.mp4) as a file, not a protocol', async () => {
    const colonDir = mkdtempSync(join(tmpdir(), 'kickcheck-colon-'));
    ffmpeg('-f', 'lavfi', '-i', 'color=c=gray:s=160x120:d=0.3:r=10', '-pix_fmt', 'yuv420p', join(colonDir, 'set:1.mp4'));
    const run = await analyze(colonDir, 'set:1.mp4', '--json', '--detector', 'movenet-lightning');
    // Decoded in full (3 frames): the file was read; it has no one in it.
    expect(run.code, run.stderr).toBe(EXIT_CODE['no-person']);
    expect(JSON.parse(run.stdout)).toMatchObject({ source: 'set:1.mp4', framesAnalysed: 3, error: { code: 'no-person' } });
  });

  it('says "no video stream" in plain words for an audio-only mp4', async () => {
    const audio = join(dir, 'voice-memo.mp4');
    ffmpeg('-f', 'lavfi', '-i', 'sine=frequency=440:duration=1', '-c:a', 'aac', audio);
    const run = await analyze(dir, audio, '--json', '--detector', 'movenet-lightning');
    expect(run.code).toBe(EXIT_CODE['unreadable-file']);
    const report = JSON.parse(run.stdout) as ClipReport;
    expect(report.error?.message).toBe(`expected a readable video, got ${audio} (no video stream: the file holds only audio)`);
    expect(run.stderr).not.toContain('At least one output file');
  });
});
