/**
 * Reads the extracted landmark sequences in tests/fixtures/landmarks (written by
 * scripts/extract-landmarks.ts), checking the shape so a stale or hand-edited file fails loudly.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { basename, extname, join } from 'node:path';
import type { DetectorId } from '../pose/types';
import type { LandmarkFixture } from './landmark-fixture';
import { REPO_ROOT } from './repo-paths';

export type { LandmarkFixture } from './landmark-fixture';

export const LANDMARK_FIXTURES_DIR = join(REPO_ROOT, 'tests', 'fixtures', 'landmarks');

/** "cable_kickback_cgi_dosipov.mp4" + "blazepose-full" → "cable_kickback_cgi_dosipov.blazepose-full.json". */
export function landmarkFixtureFileName(clipFileName: string, detector: DetectorId): string {
  const name = basename(clipFileName);
  return `${name.slice(0, name.length - extname(name).length)}.${detector}.json`;
}

function check(condition: boolean, expected: string, got: unknown, file: string): void {
  if (!condition) throw new Error(`expected ${expected} in ${file}, got ${JSON.stringify(got)?.slice(0, 120)}`);
}

/** Validates the parsed JSON (header and every frame's basic shape). */
export function parseLandmarkFixture(value: unknown, file = 'landmark fixture'): LandmarkFixture {
  check(typeof value === 'object' && value !== null, 'an object', value, file);
  const v = value as Record<string, unknown>;
  check(typeof v.source === 'string', 'a string "source"', v.source, file);
  check(typeof v.detector === 'string', 'a string "detector"', v.detector, file);
  check(typeof v.fps === 'number' && v.fps >= 0, 'a number "fps" >= 0', v.fps, file);
  check(typeof v.imageWidth === 'number' && typeof v.imageHeight === 'number', 'numbers imageWidth/imageHeight', [v.imageWidth, v.imageHeight], file);
  check(Array.isArray(v.frames), 'an array "frames"', typeof v.frames, file);
  let previousMs = Number.NEGATIVE_INFINITY;
  for (const [index, frame] of (v.frames as unknown[]).entries()) {
    const f = frame as Record<string, unknown>;
    check(typeof f.timestampMs === 'number' && f.timestampMs > previousMs, `frame ${index} with increasing timestampMs`, f.timestampMs, file);
    check(Array.isArray(f.landmarks), `frame ${index} with a landmarks array`, f.landmarks, file);
    previousMs = f.timestampMs as number;
  }
  return value as LandmarkFixture;
}

/** Loads by clip name ("donkey_kick_cgi_kinkatsu" or "…mp4") and detector, or by file path. */
export function loadLandmarkFixture(clipOrPath: string, detector: DetectorId = 'blazepose-full'): LandmarkFixture {
  const file = clipOrPath.endsWith('.json')
    ? clipOrPath
    : join(LANDMARK_FIXTURES_DIR, landmarkFixtureFileName(extname(clipOrPath) ? clipOrPath : `${clipOrPath}.mp4`, detector));
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    throw new Error(`expected a landmark fixture at ${file}, got none (run npx tsx scripts/extract-landmarks.ts)`);
  }
  return parseLandmarkFixture(JSON.parse(text), file);
}

/** File names of every extracted fixture, e.g. for a test that runs over all of them. */
export function listLandmarkFixtures(detector?: DetectorId): string[] {
  let names: string[];
  try {
    names = readdirSync(LANDMARK_FIXTURES_DIR);
  } catch {
    return [];
  }
  return names.filter((n) => n.endsWith(detector ? `.${detector}.json` : '.json')).sort();
}
