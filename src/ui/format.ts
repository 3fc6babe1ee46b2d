/** Display helpers, rune-free. */
export function formatClock(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  const m = Math.floor(total / 60);
  const s = total % 60;
  return `${m}:${String(s).padStart(2, '0')}`;
}

/** Rounds first so a reading of -0.3° shows as 0°, not -0°. */
function fixed(value: number, digits: number): string {
  const text = value.toFixed(digits);
  return Number(text) === 0 ? (0).toFixed(digits) : text;
}

export function formatDeg(value: number | null | undefined, digits = 0): string {
  return value === null || value === undefined || !Number.isFinite(value) ? '–' : `${fixed(value, digits)}°`;
}

export function formatSeconds(value: number | null | undefined, digits = 1): string {
  return value === null || value === undefined || !Number.isFinite(value) ? '–' : `${fixed(value, digits)} s`;
}

export const PHASE_LABEL: Record<string, string> = {
  setup: 'Get set',
  lifting: 'Kick',
  peak: 'Squeeze',
  lowering: 'Lower',
  bottom: 'Down',
};
