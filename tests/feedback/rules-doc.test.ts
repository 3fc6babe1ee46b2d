/**
 * Keeps docs/rules.md and the rule quotes honest: every rule id and quote in the code appears in
 * the doc, every quote is a verbatim sentence (part) of the technique guide, and every threshold
 * row in the doc carries the presets' actual values.
 */
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  BORDERLINE_NOISE_MULTIPLE,
  NOISY_SIGNALS,
  RULE_CONFIG_FIELDS,
  RULE_CONFIG_KEYS,
  RULE_IDS,
  RULE_PRESETS,
  RULES,
  SIGNAL_LIMITS,
  SIGNAL_NOISE,
} from '../../src/feedback';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const guide = readFileSync(resolve(repoRoot, '../shared/guide/cable-kickback-technique.txt'), 'utf8');
const doc = readFileSync(resolve(repoRoot, 'docs/rules.md'), 'utf8');

describe('guide quotes', () => {
  it('the guide was read', () => {
    expect(guide.length).toBeGreaterThan(1000);
  });

  it.each(RULES.map((r) => [r.id, r.guideQuote] as const))('%s quotes the guide verbatim', (_id, quote) => {
    expect(quote.trim().length).toBeGreaterThan(20);
    expect(guide).toContain(quote);
  });

  it.each(RULES.map((r) => [r.id, r.guideQuote] as const))('%s quotes a whole sentence', (_id, quote) => {
    // Starts a sentence (capital) and ends one (full stop), so the quote is never cut mid-thought.
    expect(quote).toMatch(/^[A-Z].*\.$/s);
    const at = guide.indexOf(quote);
    // ...and in the guide it is preceded by the start of the text or whitespace, not a cut word.
    expect(at === 0 || /\s/.test(guide.charAt(at - 1))).toBe(true);
  });
});

describe('docs/rules.md', () => {
  it.each(RULE_IDS)('mentions rule id %s', (id) => {
    expect(doc).toContain(`\`${id}\``);
  });

  it.each(RULES.map((r) => [r.id, r.guideQuote] as const))('carries the %s quote as the code has it', (_id, quote) => {
    expect(doc).toContain(quote);
  });

  it.each(RULES.map((r) => [r.id, r.cue] as const))('names the %s cue', (_id, cue) => {
    expect(doc).toContain(cue);
  });

  it.each(RULE_CONFIG_KEYS)('threshold row for %s matches unit and all three presets', (key) => {
    const row = doc.split('\n').find((line) => line.startsWith(`| \`${key}\` |`));
    expect(row, `no row for ${key}`).toBeDefined();
    const cells = (row ?? '').split('|').map((s) => s.trim());
    // cells: '', key, unit, relaxed, standard, strict, used by, source, ''
    expect(cells[2]).toBe(RULE_CONFIG_FIELDS[key].unit);
    expect(Number(cells[3])).toBe(RULE_PRESETS.relaxed[key]);
    expect(Number(cells[4])).toBe(RULE_PRESETS.standard[key]);
    expect(Number(cells[5])).toBe(RULE_PRESETS.strict[key]);
    expect((cells[7] ?? '').length).toBeGreaterThan(5);
  });

  it.each(Object.entries(SIGNAL_LIMITS))('fixed signal limit %s has its row and value', (key, value) => {
    const row = doc.split('\n').find((line) => line.startsWith(`| \`${key}\` |`));
    expect(row, `no row for ${key}`).toBeDefined();
    expect(Number((row ?? '').split('|')[2]?.trim())).toBe(value);
  });

  it.each(NOISY_SIGNALS)('noise row for %s carries the table\'s unit, σ and band', (signal) => {
    const row = doc.split('\n').find((line) => line.startsWith(`| noise | \`${signal}\` |`));
    expect(row, `no noise row for ${signal}`).toBeDefined();
    const cells = (row ?? '').split('|').map((s) => s.trim());
    // cells: '', 'noise', signal, unit, σ, band, n reps, rules, source, ''
    expect(cells[3]).toBe(SIGNAL_NOISE[signal].unit);
    expect(Number(cells[4])).toBe(SIGNAL_NOISE[signal].sigma);
    expect(Number(cells[5])).toBe(SIGNAL_NOISE[signal].band);
    expect(Number.isInteger(Number(cells[6]))).toBe(true);
    expect((cells[8] ?? '').length).toBeGreaterThan(5);
  });

  it('states the borderline multiple the code uses', () => {
    expect(doc).toContain(`\`BORDERLINE_NOISE_MULTIPLE\` k = ${BORDERLINE_NOISE_MULTIPLE}`);
  });
});
