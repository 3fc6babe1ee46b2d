export { generateKickbackSet, DEFAULT_KICKBACK_SET, type KickbackSetOptions, type SyntheticSet, type TruthFrame } from './kickback-set';
export { LOOKALIKE_MOVEMENTS, generateLookAlikeSet, type LookAlikeMovement } from './other-movements';
export { renderSequence, DEFAULT_RENDER_OPTIONS, type RenderOptions } from './render-sequence';
export { repTimeline } from './rep-timeline';
export { createPrng } from './prng';
