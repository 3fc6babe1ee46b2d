/** Where the repository's own folders are, found from this file so scripts work from any cwd. */
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
/** Filled by scripts/copy-models.mjs on npm install. */
export const MODELS_DIR = resolve(REPO_ROOT, 'models');
/** Shared fixture clips live beside the repository, never inside it (no licence to copy them). */
export const SHARED_FIXTURES_DIR = resolve(REPO_ROOT, '../shared/fixtures');
