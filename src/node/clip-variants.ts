/**
 * The hard variants of docs/design.md#hard-variants, as data: how ffmpeg makes each one from a development
 * clip, and what the analyser must then report, derived from the base clip's labels.
 *
 * - `exact`: the picture still allows counting, so the count must be one the base label accepts.
 * - `at-most`: the picture is degraded on purpose; the count may fall short, never above.
 * - Invented reps (count above the most the label accepts) are never allowed, on any variant.
 *
 * `nuisance` variants change only how the same movement is filmed (mirror, scale, quality; not
 * speed, which changes tempo): verdicts must agree with the base clip's (docs/trust.md#verdicts-near-a-threshold).
 */
import type { FramingReason } from '../analysis/types';

export type VariantId =
  | 'base'
  | 'cut-lower'
  | 'darkened'
  | 'low-contrast'
  | 'noisy'
  | 'blurred'
  | 'cut-head'
  | 'mirror'
  | 'far'
  | 'webcam15'
  | 'w320'
  | 'rot10'
  | 'fps10'
  | 'speed2'
  | 'speed05'
  | 'pair-mirror'
  | 'pair-other';

export type VariantExpectation = 'exact' | 'at-most';

/** What a variant's filter needs to know about the clip it is made from. */
export interface VariantClipInfo {
  width: number;
  height: number;
  /**
   * Fraction of the picture height (from the top) below which no head landmark ever reaches on
   * the base clip; cropping there takes the head out of the picture. From the base landmark
   * fixture (headCutFraction), 0.25 when unknown.
   */
  headBottomFrac: number;
  /** The clip put beside this one in `pair-other` (absolute path). */
  otherClipPath: string;
}

/** One ffmpeg filter graph over input 0 (the clip) and, for pairs, input 1; output label [v]. */
export interface VariantFilter {
  /** Arguments placed before the second input (e.g. -stream_loop -1); empty when none. */
  secondInput: { path: string; preArgs: string[] } | null;
  filterComplex: string;
  /** x264 quality settings for the variant video: near-lossless unless the variant is about compression. */
  encoderArgs: string[];
}

export interface ClipVariant {
  id: VariantId;
  description: string;
  expect: VariantExpectation;
  nuisance: boolean;
  /** Output time = input time × timeScale (speed variants); 1 keeps each rep's time. */
  timeScale: number;
  /** Left and right swap in the picture (a working leg seen from the other side). */
  mirrored: boolean;
  /** More than one person in the picture: extracted only through the frame pipeline's lifter lock. */
  twoPeople: boolean;
  /** Framing reasons the analyser should report on this variant (informational in the eval). */
  expectFraming: FramingReason[];
  /**
   * The encoder's frame rate is part of the variant (a webcam's compression at its own rate):
   * never sampled down before encoding. Other variants may be encoded at the analysis rate.
   */
  keepFrameRate?: boolean;
  filter: (clip: VariantClipInfo) => VariantFilter;
}

/** Near-lossless x264: the variant differs from the clip only by its filter. */
const CLEAN_ENCODE = ['-c:v', 'libx264', '-preset', 'ultrafast', '-crf', '16', '-pix_fmt', 'yuv420p'];
/**
 * A poor laptop webcam stream: 640 px, 15 fps, heavy compression.
 * ref: CRF 38 at 640 px measured 57 kbit/s on the first 2 s of cable_kickback_real_side_curvelog,
 * a video call on a weak uplink (blocky edges, smeared limbs in fast movement).
 */
const WEBCAM_ENCODE = ['-c:v', 'libx264', '-preset', 'veryfast', '-crf', '38', '-pix_fmt', 'yuv420p'];

const even = (value: number): number => 2 * Math.round(value / 2);

function simple(chain: string, encoderArgs: string[] = CLEAN_ENCODE): (clip: VariantClipInfo) => VariantFilter {
  // format=yuv420p after the chain: x264 needs even sizes and a planar format whatever the filter made.
  return () => ({ secondInput: null, filterComplex: `[0:v]${chain},format=yuv420p[v]`, encoderArgs });
}

const base: ClipVariant['filter'] = simple('null');

/** What a variant is unless it says otherwise: not a nuisance, same timing and sides, one person, no framing expected. */
const DEFAULT_VARIANT: Pick<ClipVariant, 'nuisance' | 'timeScale' | 'mirrored' | 'twoPeople' | 'expectFraming'> = Object.freeze({
  nuisance: false,
  timeScale: 1,
  mirrored: false,
  twoPeople: false,
  expectFraming: [],
});

type VariantSpec = Omit<ClipVariant, keyof typeof DEFAULT_VARIANT> & Partial<Pick<ClipVariant, keyof typeof DEFAULT_VARIANT>>;

/** The catalogue, in extraction priority order (most informative first). */
export const CLIP_VARIANTS: readonly ClipVariant[] = Object.freeze(
  (
    [
      {
        id: 'base', description: 'the clip itself, analysed at the fixed rate', expect: 'exact',
        filter: base,
      },
      {
        id: 'cut-lower', description: 'lower 45 % of the picture cut off (camera too close)', expect: 'at-most',
        expectFraming: ['feet-out-of-frame'],
        filter: (c) => simple(`crop=${c.width}:${even(c.height * 0.55)}:0:0`)(c),
      },
      {
        // curves scales every level to 30 %: about 1.7 stops under-exposed, a dim room at night.
        id: 'darkened', description: 'every level scaled to 30 % (dim room)', expect: 'at-most',
        filter: simple("curves=all='0/0 1/0.3'"),
      },
      {
        id: 'low-contrast', description: 'contrast cut to 35 % around mid-grey (haze, backlight)', expect: 'at-most',
        filter: simple('eq=contrast=0.35'),
      },
      {
        id: 'noisy', description: 'strong temporal sensor noise (high ISO)', expect: 'at-most',
        filter: simple('noise=alls=40:allf=t'),
      },
      {
        // Sigma relative to the picture: the same blur on screen whatever the clip's resolution.
        id: 'blurred', description: 'Gaussian blur, sigma 1 % of the picture width (out of focus)', expect: 'at-most',
        filter: (c) => simple(`gblur=sigma=${Math.max(2, Math.round(c.width * 0.01))}`)(c),
      },
      {
        id: 'cut-head', description: 'top of the picture cut off just below the lowest head position', expect: 'at-most',
        expectFraming: ['head-out-of-frame'],
        filter: (c) => {
          const top = even(c.height * c.headBottomFrac);
          return simple(`crop=${c.width}:${even(c.height - top)}:0:${top}`)(c);
        },
      },
      {
        id: 'mirror', description: 'mirrored left-right (front camera)', expect: 'exact', nuisance: true,
        mirrored: true, filter: simple('hflip'),
      },
      {
        id: 'far', description: 'shrunk to a third of the picture, padded (lifter far away)', expect: 'exact', nuisance: true,
        filter: (c) => simple(`scale=${even(c.width / 3)}:${even(c.height / 3)},pad=${even(c.width)}:${even(c.height)}:(ow-iw)/2:(oh-ih)/2:black`)(c),
      },
      {
        id: 'webcam15', description: 'poor webcam: 640 px, 15 fps, CRF 38', expect: 'exact', nuisance: true,
        keepFrameRate: true, filter: simple('fps=15,scale=640:-2', WEBCAM_ENCODE),
      },
      {
        id: 'w320', description: '320 px wide', expect: 'exact', nuisance: true,
        filter: simple('scale=320:-2'),
      },
      {
        // The canvas grows to hold the whole rotated picture: nothing is cut off, only tilted.
        id: 'rot10', description: 'rotated 10° clockwise, canvas enlarged', expect: 'exact',
        filter: simple('rotate=a=10*PI/180:ow=rotw(10*PI/180):oh=roth(10*PI/180):c=black,scale=trunc(iw/2)*2:trunc(ih/2)*2'),
      },
      {
        id: 'fps10', description: 're-encoded at 10 frames/s', expect: 'exact',
        filter: simple('fps=10'),
      },
      {
        id: 'speed2', description: 'played at 2× speed', expect: 'exact',
        timeScale: 0.5, filter: simple('setpts=0.5*PTS'),
      },
      {
        id: 'speed05', description: 'played at 0.5× speed', expect: 'exact',
        timeScale: 2, filter: simple('setpts=2*PTS'),
      },
      {
        id: 'pair-mirror', description: 'the clip beside its own mirror image (two people kicking)', expect: 'exact',
        twoPeople: true, expectFraming: ['other-people'],
        filter: () => ({ secondInput: null, filterComplex: '[0:v]split[a][b];[b]hflip[m];[a][m]hstack,format=yuv420p[v]', encoderArgs: CLEAN_ENCODE }),
      },
      {
        id: 'pair-other', description: 'the clip beside a different clip (a second person doing something else)', expect: 'exact',
        twoPeople: true, expectFraming: ['other-people'],
        filter: (c) => ({
          // The other clip loops so the pair lasts as long as the clip under test.
          secondInput: { path: c.otherClipPath, preArgs: ['-stream_loop', '-1'] },
          filterComplex: `[1:v]scale=-2:${even(c.height)},setsar=1[o];[0:v]scale=${even(c.width)}:${even(c.height)},setsar=1[a];[a][o]hstack=shortest=1,format=yuv420p[v]`,
          encoderArgs: CLEAN_ENCODE,
        }),
      },
    ] satisfies VariantSpec[]
  ).map((spec): ClipVariant => ({ ...DEFAULT_VARIANT, expectFraming: [], ...spec })),
);

export function clipVariant(id: string): ClipVariant {
  const variant = CLIP_VARIANTS.find((v) => v.id === id);
  if (!variant) throw new Error(`expected a variant id (${CLIP_VARIANTS.map((v) => v.id).join(', ')}), got "${id}"`);
  return variant;
}

export interface VariantCommandOptions {
  /** Trim the input to this many seconds (tests make one). */
  maxDurationS: number;
  /**
   * Encode at this frame rate (frames dropped after the filters) unless the variant keeps its
   * own: the analysis samples 10 fps anyway, and encoding a third of the frames saves most of
   * the encoder's time. Null encodes every frame.
   */
  outputFps: number | null;
}

export const DEFAULT_VARIANT_COMMAND_OPTIONS: VariantCommandOptions = { maxDurationS: Number.POSITIVE_INFINITY, outputFps: null };

/** The ffmpeg arguments that write `variant` of the clip at `inputPath` to `outputPath` (mp4, video only). */
export function variantFfmpegArgs(
  variant: ClipVariant,
  clip: VariantClipInfo,
  inputPath: string,
  outputPath: string,
  options: Partial<VariantCommandOptions> = {},
): string[] {
  const o: VariantCommandOptions = { ...DEFAULT_VARIANT_COMMAND_OPTIONS, ...options };
  const f = variant.filter(clip);
  const trim = Number.isFinite(o.maxDurationS) ? ['-t', String(o.maxDurationS)] : [];
  const args = ['-hide_banner', '-loglevel', 'error', '-nostdin', '-y', ...trim, '-i', inputPath];
  if (f.secondInput) args.push(...f.secondInput.preArgs, ...trim, '-i', f.secondInput.path);
  // The fps filter after the variant's graph (a timestamp-exact sampler; -r would pad the end).
  const graph = o.outputFps !== null && !variant.keepFrameRate ? `${f.filterComplex.replace(/\[v\]$/, '[full]')};[full]fps=${o.outputFps}[v]` : f.filterComplex;
  args.push('-filter_complex', graph, '-map', '[v]', '-an', ...f.encoderArgs, '-movflags', '+faststart', outputPath);
  return args;
}

/**
 * Where the head (almost) never reaches: per frame the lowest visible head landmark (nose, eyes,
 * ears), as a fraction of the picture height; over the clip the 95th percentile of those (a
 * glitched frame must not move the cut), plus a margin so the cut edge does not graze the
 * chin. Null when no frame shows a head.
 */
export function headCutFraction(
  frames: readonly { imageHeight: number; landmarks: readonly { y: number; visibility: number }[] }[],
  headIndices: readonly number[],
): number | null {
  // ref: 3 % of the height is about a chin's depth at a side-on whole-body framing (a head is
  // ~13 % of a standing height; the person fills 60-90 % of the development clips' pictures).
  const MARGIN_FRAC = 0.03;
  // ref: DEFAULT_MIN_VISIBILITY for BlazePose (src/analysis/default-options.ts).
  const MIN_VISIBILITY = 0.5;
  const perFrame: number[] = [];
  for (const frame of frames) {
    const ys = headIndices
      .map((index) => frame.landmarks[index])
      .filter((p): p is { y: number; visibility: number } => p !== undefined && p.visibility >= MIN_VISIBILITY)
      .map((p) => p.y / frame.imageHeight);
    if (ys.length > 0) perFrame.push(Math.max(...ys));
  }
  if (perFrame.length === 0) return null;
  perFrame.sort((a, b) => a - b);
  const p95 = perFrame[Math.min(perFrame.length - 1, Math.ceil(0.95 * perFrame.length) - 1)] as number;
  return Math.min(0.9, Math.max(0.05, p95 + MARGIN_FRAC));
}
