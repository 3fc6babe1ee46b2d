/**
 * Public flag ids. They appear in rep verdicts, set summaries and exported JSON, so they are a
 * stable contract: rename one only with a data migration.
 * The order is the tie-break between rules of equal severity (earlier wins the cue).
 */
export const RULE_IDS = [
  'not-visible',
  'kick-too-high',
  'momentum',
  'torso-lean',
  'knee-curl',
  'short-range',
  'pelvis-rotation',
  'locked-knee',
  'no-squeeze',
] as const;

export type RuleId = (typeof RULE_IDS)[number];

export function isRuleId(value: unknown): value is RuleId {
  return typeof value === 'string' && (RULE_IDS as readonly string[]).includes(value);
}

/**
 * Severity, higher = more urgent. Numbers so the UI and the cue arbiter can sort on them.
 * - setup: nothing else can be judged until it is fixed (camera view).
 * - safety: the guide names extra strain ("increasing strain" on the lumbar spine).
 * - effectiveness: work moves off the glutes (hamstrings, momentum, torso position, range).
 * - refinement: the rep still trains the glutes, but less well.
 */
export const SEVERITY = Object.freeze({ refinement: 1, effectiveness: 2, safety: 3, setup: 4 } as const);

export type Severity = (typeof SEVERITY)[keyof typeof SEVERITY];
