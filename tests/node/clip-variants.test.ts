import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CLIP_VARIANTS, clipVariant, headCutFraction, variantFfmpegArgs, type VariantClipInfo } from '../../src/node/clip-variants';
import { ffmpegPath } from '../../src/node/ffmpeg-path';
import { probeVideo } from '../../src/node/probe-video';
import { SHARED_FIXTURES_DIR } from '../../src/node/repo-paths';
import { otherClipFor } from '../../src/node/variant-fixture';

const CLIP = 'kickback/cable_kickback_cgi_kinkatsu.mp4';
const info: VariantClipInfo = { width: 960, height: 540, headBottomFrac: 0.4, otherClipPath: join(SHARED_FIXTURES_DIR, otherClipFor(CLIP)) };

describe('the variant catalogue', () => {
  it('has every variant of docs/design.md#hard-variants once, with base first', () => {
    const ids = CLIP_VARIANTS.map((v) => v.id);
    expect(ids[0]).toBe('base');
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ['darkened', 'low-contrast', 'noisy', 'blurred', 'cut-lower', 'cut-head', 'pair-mirror', 'pair-other', 'speed2', 'speed05', 'fps10', 'w320', 'rot10', 'mirror', 'far', 'webcam15']) {
      expect(ids).toContain(id);
    }
    expect(() => clipVariant('sepia')).toThrow(/expected a variant id .* got "sepia"/);
  });

  it('marks mirror, scale and quality as nuisance variants, never speed, and they keep time', () => {
    const nuisance = CLIP_VARIANTS.filter((v) => v.nuisance).map((v) => v.id);
    expect(nuisance.sort()).toEqual(['far', 'mirror', 'w320', 'webcam15']);
    for (const v of CLIP_VARIANTS.filter((c) => c.nuisance)) expect(v.timeScale).toBe(1);
    expect(clipVariant('speed2').timeScale).toBe(0.5);
    expect(clipVariant('speed05').timeScale).toBe(2);
  });

  it('lets harsh pictures fall short but never more, and wants the exact count where the picture allows it', () => {
    for (const id of ['cut-lower', 'cut-head', 'darkened', 'low-contrast', 'noisy', 'blurred']) expect(clipVariant(id).expect).toBe('at-most');
    for (const id of ['base', 'mirror', 'far', 'w320', 'webcam15', 'speed2', 'speed05', 'fps10', 'rot10', 'pair-mirror', 'pair-other']) expect(clipVariant(id).expect).toBe('exact');
    expect(clipVariant('cut-lower').expectFraming).toContain('feet-out-of-frame');
    expect(CLIP_VARIANTS.filter((v) => v.twoPeople).map((v) => v.id)).toEqual(['pair-mirror', 'pair-other']);
  });

  it('builds the crop for the lower 45 % from the clip size, and loops the other clip of a pair', () => {
    const cut = variantFfmpegArgs(clipVariant('cut-lower'), info, 'in.mp4', 'out.mp4');
    expect(cut[cut.indexOf('-filter_complex') + 1]).toBe('[0:v]crop=960:298:0:0,format=yuv420p[v]');
    const pair = variantFfmpegArgs(clipVariant('pair-other'), info, 'in.mp4', 'out.mp4', { maxDurationS: 1 });
    expect(pair.filter((a) => a === '-i')).toHaveLength(2);
    expect(pair.slice(pair.indexOf('-stream_loop'), pair.indexOf('-stream_loop') + 2)).toEqual(['-stream_loop', '-1']);
    const head = variantFfmpegArgs(clipVariant('cut-head'), info, 'in.mp4', 'out.mp4');
    expect(head[head.indexOf('-filter_complex') + 1]).toBe('[0:v]crop=960:324:0:216,format=yuv420p[v]');
    // The webcam variant's compression happens at its own 15 fps, never at the analysis rate.
    expect(variantFfmpegArgs(clipVariant('webcam15'), info, 'in.mp4', 'out.mp4', { outputFps: 10 }).join(' ')).not.toContain('fps=10');
    expect(variantFfmpegArgs(clipVariant('blurred'), info, 'in.mp4', 'out.mp4', { outputFps: 10 }).join(' ')).toContain('format=yuv420p[full];[full]fps=10[v]');
  });
});

describe('headCutFraction', () => {
  const frame = (ys: number[], visibility = 0.9) => ({ imageHeight: 100, landmarks: ys.map((y) => ({ y, visibility })) });

  it('cuts below where the head is in 95 % of frames, plus a margin, ignoring unsure points', () => {
    const frames = [...Array.from({ length: 19 }, () => frame([20, 30])), frame([80])];
    // 95th percentile of per-frame lowest head points (0.30 in 19 of 20 frames) + 0.03.
    expect(headCutFraction(frames, [0, 1])).toBeCloseTo(0.33, 6);
    expect(headCutFraction([frame([50], 0.2)], [0])).toBeNull();
    expect(headCutFraction([], [0])).toBeNull();
  });
});

describe('variant videos made by ffmpeg', () => {
  const dir = mkdtempSync(join(tmpdir(), 'kickcheck-variant-test-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  for (const id of ['cut-lower', 'rot10', 'pair-other'] as const) {
    it(`makes a playable ${id} video from one second of ${CLIP}`, async () => {
      const out = join(dir, `${id}.mp4`);
      const result = spawnSync(ffmpegPath(), variantFfmpegArgs(clipVariant(id), info, join(SHARED_FIXTURES_DIR, CLIP), out, { maxDurationS: 1, outputFps: 10 }), { encoding: 'utf8' });
      expect(result.stderr).toBe('');
      expect(result.status).toBe(0);
      const probed = await probeVideo(out);
      expect(probed.durationS).toBeGreaterThan(0.8);
      expect(probed.durationS).toBeLessThan(1.2);
      // Encoded at the analysis rate: the encoder gets a third of the clip's 30 frames/s.
      expect(probed.fps).toBe(10);
      if (id === 'cut-lower') expect([probed.width, probed.height]).toEqual([960, 298]);
      // Rotating by 10° in an enlarged canvas: w cos + h sin = 1039.2 wide, w sin + h cos = 698.5
      // high, rounded by ffmpeg to even sizes: nothing of the picture is cut off.
      if (id === 'rot10') {
        expect(probed.width % 2 + (probed.height % 2)).toBe(0);
        expect(Math.abs(probed.width - 1039.2)).toBeLessThanOrEqual(1);
        expect(Math.abs(probed.height - 698.5)).toBeLessThanOrEqual(1);
      }
      // squat_side_aitrainer (540 × 960) scaled to 540 high beside the 960 × 540 clip.
      if (id === 'pair-other') expect([probed.width, probed.height]).toEqual([960 + 304, 540]);
    });
  }
});
