/**
 * The clips' labels: ../shared/fixtures/labels.json with the project's own labels
 * (tests/fixtures/labels.project.json, same shape) merged over them, clip by clip.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ClipLabel } from './rep-count-eval';
import { REPO_ROOT, SHARED_FIXTURES_DIR } from './repo-paths';

export const PROJECT_LABELS = join(REPO_ROOT, 'tests', 'fixtures', 'labels.project.json');

export function loadClipLabels(): Record<string, ClipLabel> {
  const read = (path: string) => (JSON.parse(readFileSync(path, 'utf8')) as { clips: Record<string, ClipLabel> }).clips;
  const sharedFile = join(SHARED_FIXTURES_DIR, 'labels.json');
  const shared = existsSync(sharedFile) ? read(sharedFile) : {};
  const own = existsSync(PROJECT_LABELS) ? read(PROJECT_LABELS) : {};
  const merged: Record<string, ClipLabel> = { ...shared };
  for (const [clip, label] of Object.entries(own)) merged[clip] = { ...merged[clip], ...label };
  return merged;
}
