/**
 * A clone of this repository explains itself: no source file or docs page points at the design
 * notes outside it or at an issue-tracker number, and every `docs/<page>.md#<section>` a source
 * names (and every link between docs pages) exists.
 * Design facts the code cites live in docs/ (docs/design.md and the topic pages).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../src/node/repo-paths';

const SOURCE_DIRS = ['src', 'workers', 'scripts', 'tests'];
const SOURCE_EXT = /\.(ts|mts|js|mjs|cjs|svelte|css)$/;
/** Config files at the root, where comments also live. */
const ROOT_FILES = ['vite.config.ts', 'eslint.config.js', 'svelte.config.js', '.dependency-cruiser.cjs', 'tsconfig.core.json', 'tsconfig.worker.json', 'tsconfig.node.json', 'tsconfig.json', 'tsconfig.base.json'];
/** Data, not source (labels, landmark fixtures). */
const SKIP_DIRS = new Set(['node_modules', 'fixtures']);

/** The design notes beside the repository, by name. */
const OUTSIDE_NOTES = /DESIGN\.md/;
/** An issue-tracker number (the word, a space, digits); the tracker is not in the repository. */
const ISSUE_NUMBER = /\bissues? #?\d+/i;
const DOCS_LINK = /docs\/([\w-]+\.md)(?:#([\w-]+))?/g;

/**
 * Files that still carry such references, left because another change was open in them when
 * the references were rewritten. Remove a line once the file is done: the test fails on a
 * listed file that no longer needs its place, so the list only shrinks.
 */
const NOT_YET_REWRITTEN: readonly string[] = [];

/**
 * docs/ pages still being written in another change: links to a listed page are not checked while
 * it is missing, and its own text is not yet held to the no-outside-references rule. Remove a line
 * once the page is committed without such references: the test fails on a listed page that
 * exists and no longer has any.
 */
const PAGES_BEING_WRITTEN: readonly string[] = [];
const exempt = (file: string) =>
  NOT_YET_REWRITTEN.includes(file) || PAGES_BEING_WRITTEN.some((page) => file === `docs/${page}`);

function walk(dir: string, out: string[]): void {
  for (const name of readdirSync(dir)) {
    if (SKIP_DIRS.has(name)) continue;
    const path = join(dir, name);
    if (statSync(path).isDirectory()) walk(path, out);
    else if (SOURCE_EXT.test(name)) out.push(path);
  }
}

function sourceFiles(): string[] {
  const out: string[] = [];
  for (const dir of SOURCE_DIRS) walk(join(REPO_ROOT, dir), out);
  for (const file of ROOT_FILES) {
    try {
      if (statSync(join(REPO_ROOT, file)).isFile()) out.push(join(REPO_ROOT, file));
    } catch {
      // not every config exists in every checkout
    }
  }
  return out.map((path) => relative(REPO_ROOT, path)).sort();
}

/** The docs pages themselves: they must not point outside either. */
function docsPages(): string[] {
  return readdirSync(join(REPO_ROOT, 'docs'))
    .filter((name) => name.endsWith('.md'))
    .map((name) => `docs/${name}`)
    .sort();
}

/** GitHub's heading anchors: lower case, punctuation dropped, spaces to hyphens, repeats numbered. */
export function headingAnchors(markdown: string): Set<string> {
  const anchors = new Set<string>();
  const seen = new Map<string, number>();
  let fenced = false;
  for (const line of markdown.split('\n')) {
    if (line.startsWith('```')) fenced = !fenced;
    const heading = fenced ? null : /^#{1,6}\s+(.*?)\s*#*\s*$/.exec(line);
    if (heading) {
      const base = (heading[1] ?? '')
        .toLowerCase()
        .replace(/[^\p{L}\p{M}\p{N}\p{Pc} -]/gu, '')
        .replace(/ /g, '-');
      const n = seen.get(base) ?? 0;
      seen.set(base, n + 1);
      anchors.add(n === 0 ? base : `${base}-${n}`);
    }
    for (const m of line.matchAll(/<a (?:id|name)="([^"]+)"/g)) anchors.add(m[1] ?? '');
  }
  return anchors;
}

function outsideReferences(text: string): string[] {
  return text
    .split('\n')
    .map((line, i) => ({ line, n: i + 1 }))
    .filter(({ line }) => OUTSIDE_NOTES.test(line) || ISSUE_NUMBER.test(line))
    .map(({ line, n }) => `${n}: ${line.trim()}`);
}

describe('self-contained references', () => {
  const files = [...sourceFiles(), ...docsPages()];
  const texts = new Map(files.map((file) => [file, readFileSync(join(REPO_ROOT, file), 'utf8')]));

  it('finds the sources it checks', () => {
    expect(files.length).toBeGreaterThan(100);
    expect(files).toContain('src/pose/types.ts');
    expect(files).toContain('docs/design.md');
  });

  it('no source names the design notes outside the repository or an issue number', () => {
    const offenders = files
      .filter((file) => !exempt(file))
      .map((file) => ({ file, refs: outsideReferences(texts.get(file) ?? '') }))
      .filter(({ refs }) => refs.length > 0);
    expect(offenders).toEqual([]);
  });

  it('the not-yet-rewritten list only holds files that still need it', () => {
    for (const file of NOT_YET_REWRITTEN) {
      expect(texts.has(file), `${file} exists`).toBe(true);
      expect(outsideReferences(texts.get(file) ?? '').length, `${file} still has references`).toBeGreaterThan(0);
    }
  });

  it('every docs/ page and section a source names exists', () => {
    const anchorsOf = new Map<string, Set<string> | null>();
    const broken: string[] = [];
    let links = 0;
    for (const [file, text] of texts) {
      for (const m of text.matchAll(DOCS_LINK)) {
        const page = m[1] ?? '';
        const anchor = m[2];
        links += 1;
        if (!anchorsOf.has(page)) {
          let markdown: string | null = null;
          try {
            markdown = readFileSync(join(REPO_ROOT, 'docs', page), 'utf8');
          } catch {
            markdown = null;
          }
          anchorsOf.set(page, markdown === null ? null : headingAnchors(markdown));
        }
        const anchors = anchorsOf.get(page);
        if (PAGES_BEING_WRITTEN.includes(page) && anchors === null) continue;
        if (anchors === null || anchors === undefined) broken.push(`${file}: docs/${page} does not exist`);
        else if (anchor !== undefined && !anchors.has(anchor)) broken.push(`${file}: docs/${page}#${anchor} is not a section`);
      }
    }
    expect(links).toBeGreaterThan(0);
    expect(broken).toEqual([]);
  });

  it('every link between docs pages lands on a page and section that exist', () => {
    const broken: string[] = [];
    let links = 0;
    for (const page of docsPages().filter((file) => !exempt(file))) {
      const text = texts.get(page) ?? '';
      for (const m of text.matchAll(/\]\((?:\.\/)?([\w-]+\.md)?(?:#([\w-]+))?\)/g)) {
        const target = m[1] ?? page.slice('docs/'.length);
        const anchor = m[2];
        if (m[1] === undefined && anchor === undefined) continue;
        links += 1;
        const markdown = texts.get(`docs/${target}`);
        if (markdown === undefined) broken.push(`${page}: ${target} does not exist`);
        else if (anchor !== undefined && !headingAnchors(markdown).has(anchor)) broken.push(`${page}: ${target}#${anchor} is not a section`);
      }
    }
    expect(links).toBeGreaterThan(0);
    expect(broken).toEqual([]);
  });

  it('the pages-being-written list only holds pages that are missing or still need it', () => {
    for (const page of PAGES_BEING_WRITTEN) {
      const text = texts.get(`docs/${page}`);
      if (text === undefined) continue;
      expect(outsideReferences(text).length, `docs/${page} is done: remove it from PAGES_BEING_WRITTEN`).toBeGreaterThan(0);
    }
  });

  it('computes anchors the way GitHub does', () => {
    const anchors = headingAnchors('# A b\n## Smoothing (measured, `npm run x`)\n```\n# not a heading\n```\n## 2D and 3D\n## A b\n');
    expect([...anchors]).toEqual(['a-b', 'smoothing-measured-npm-run-x', '2d-and-3d', 'a-b-1']);
  });
});
