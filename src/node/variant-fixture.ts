/**
 * The committed landmark sequences of the hard variants (tests/fixtures/variants, written by
 * scripts/extract-variants.ts): which clips have variants, where the files are, how to load them.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { basename, extname, join } from 'node:path';
import type { DetectorId } from '../pose/types';
import type { VariantId } from './clip-variants';
import type { LandmarkFixture } from './landmark-fixture';
import { parseLandmarkFixture } from './load-landmark-fixture';
import { REPO_ROOT } from './repo-paths';

export const VARIANT_FIXTURES_DIR = join(REPO_ROOT, 'tests', 'fixtures', 'variants');

/** ref: the live app analyses 8-10 frames/s on a laptop CPU (README, npm run bench). */
export const ANALYSIS_FPS = 10;

/** Every development video (paths relative to ../shared/fixtures); kickback clips first. */
export const VARIANT_CLIPS: readonly string[] = Object.freeze([
  'kickback/cable_kickback_cgi_dosipov.mp4',
  'kickback/cable_kickback_cgi_kinkatsu.mp4',
  'kickback/cable_kickback_real_side_curvelog.mp4',
  'kickback/donkey_kick_cgi_kinkatsu.mp4',
  'kickback/donkey_kick_outdoor_homercise.mp4',
  'other/squat_side_aitrainer.mp4',
  'other/squat_side_rohanx01.mp4',
  'other/wahoo_one_legged_dead_lift.mp4',
  'keypoints/tfjs-models/pose_squats.mp4',
]);

/**
 * The clip put beside each clip in `pair-other`: someone squatting (legs moving, not a
 * kickback), large in the picture. The squat clip itself gets the other squat clip.
 */
export function otherClipFor(clip: string): string {
  return clip === 'other/squat_side_aitrainer.mp4' ? 'other/squat_side_rohanx01.mp4' : 'other/squat_side_aitrainer.mp4';
}

export interface VariantFixture extends LandmarkFixture {
  variant: VariantId;
}

/** "kickback/a.mp4", "far", "blazepose-full" → "a.far.blazepose-full.json". */
export function variantFixtureFileName(clip: string, variant: string, detector: DetectorId): string {
  const name = basename(clip);
  return `${name.slice(0, name.length - extname(name).length)}.${variant}.${detector}.json`;
}

export function loadVariantFixture(clip: string, variant: string, detector: DetectorId = 'blazepose-full'): VariantFixture | null {
  const file = join(VARIANT_FIXTURES_DIR, variantFixtureFileName(clip, variant, detector));
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return null;
  }
  const fixture = parseLandmarkFixture(JSON.parse(text), file) as VariantFixture;
  if (fixture.variant !== variant) throw new Error(`expected variant "${variant}" in ${file}, got ${JSON.stringify(fixture.variant)}`);
  return fixture;
}

/** The variant fixture files present, as { clip, variant } (clip as in VARIANT_CLIPS). */
export function listVariantFixtures(detector: DetectorId = 'blazepose-full'): { clip: string; variant: string }[] {
  let names: string[];
  try {
    names = readdirSync(VARIANT_FIXTURES_DIR);
  } catch {
    return [];
  }
  const out: { clip: string; variant: string }[] = [];
  for (const clip of VARIANT_CLIPS) {
    const stem = basename(clip).replace(/\.[^.]+$/, '');
    for (const name of names) {
      const match = name.startsWith(`${stem}.`) && name.endsWith(`.${detector}.json`) ? name.slice(stem.length + 1, -(detector.length + 6)) : null;
      if (match && !match.includes('.')) out.push({ clip, variant: match });
    }
  }
  return out;
}
