/**
 * Hard variants (docs/design.md#hard-variants): the current core over the committed variant landmark
 * sequences (tests/fixtures/variants, from scripts/extract-variants.ts) and the synthetic
 * look-alike movements. No invented rep anywhere; the exact count where the variant allows it,
 * unless labels.project.json lists the variant as a known gap with a reason.
 */
import { describe, expect, it } from 'vitest';
import { CLIP_VARIANTS, clipVariant } from '../../src/node/clip-variants';
import { loadClipLabels } from '../../src/node/clip-labels';
import { acceptedKickbackReps } from '../../src/node/rep-count-eval';
import { evaluateVariantCase } from '../../src/node/variant-eval';
import { VARIANT_CLIPS, listVariantFixtures, loadVariantFixture } from '../../src/node/variant-fixture';
import { LOOKALIKE_MOVEMENTS, generateLookAlikeSet } from '../../src/synthetic/other-movements';

const labels = loadClipLabels();
/**
 * The fast subset for npm test: every variant of the kickback clips; of the long negatives the
 * variants that most often invent reps (cut picture, dark picture, a second person) and those
 * that change the picture's quality or tempo (low contrast, noise, 10 fps, 2× and 0.5× speed).
 * The rest are in `npm run eval -- --variants`.
 */
const NEGATIVE_VARIANTS_IN_TEST = new Set(['base', 'cut-lower', 'darkened', 'pair-other', 'pair-mirror', 'low-contrast', 'noisy', 'fps10', 'speed2', 'speed05']);
const fixtures = listVariantFixtures().filter((f) => f.clip.startsWith('kickback/') || NEGATIVE_VARIANTS_IN_TEST.has(f.variant));

describe('hard variants of the development clips', () => {
  it('has every variant of every development clip (npm run extract-variants)', () => {
    const present = new Set(listVariantFixtures().map((f) => `${f.clip} ${f.variant}`));
    const missing = VARIANT_CLIPS.flatMap((clip) => CLIP_VARIANTS.map((v) => `${clip} ${v.id}`)).filter((k) => !present.has(k));
    expect(VARIANT_CLIPS.length * CLIP_VARIANTS.length).toBeGreaterThan(100);
    expect(missing).toEqual([]);
  });

  it('has a base variant of every kickback clip, and labels for every variant clip', () => {
    for (const clip of VARIANT_CLIPS.filter((c) => c.startsWith('kickback/'))) {
      expect(fixtures.some((f) => f.clip === clip && f.variant === 'base')).toBe(true);
    }
    for (const clip of VARIANT_CLIPS) expect(acceptedKickbackReps(labels[clip] ?? {})).not.toBeNull();
  });

  for (const { clip, variant } of fixtures) {
    const label = labels[clip] ?? {};
    const rule = clipVariant(variant).expect;
    const framing = clipVariant(variant).expectFraming;
    const gap = label.variantGaps?.[variant];
    it(`${clip} ${variant}: no invented rep${rule === 'exact' && !gap ? ', exact count' : ''}${framing.length > 0 ? `, ${framing.join('/')} when counting` : ''}${gap ? ` (known gap: ${gap.reason})` : ''}`, () => {
      const fixture = loadVariantFixture(clip, variant);
      expect(fixture?.frames.length ?? 0).toBeGreaterThan(0);
      const result = evaluateVariantCase(clip, variant, fixture?.frames ?? [], label);
      expect(result.invented, `counted ${result.got}, the label accepts at most ${Math.max(...result.accepted)}`).toBe(0);
      if (rule === 'exact' && !gap) expect(result.accepted).toContain(result.got);
      // "0 counted or a framing warning": reps counted on a cut picture come with its reason.
      if (result.framingMissing !== null && !gap) expect(result.framingMissing, `counted ${result.got} without the framing warning`).toEqual([]);
    });
  }
});

describe('synthetic hard negatives: movements that move the legs but are not kickbacks', () => {
  for (const kind of LOOKALIKE_MOVEMENTS) {
    for (const keypointSet of ['blazepose33', 'movenet17'] as const) {
      it(`counts no rep in a ${kind} (${keypointSet})`, () => {
        const set = generateLookAlikeSet(kind, { keypointSet, noisePx: 1.5, seed: 8 });
        expect(set.reps).toBeGreaterThan(0);
        const result = evaluateVariantCase(`synthetic/${kind}`, 'base', set.frames, { expectedKickbackReps: 0 }, 'exact');
        expect(result.got).toBe(0);
      });
    }
  }
});
