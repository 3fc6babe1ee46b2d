/** Display helpers, rune-free. */
export function formatClock(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  const m = Math.floor(total / 60);
  const s = total % 60;
  return `${m}:${String(s).padStart(2, '0')}`;
}

export function formatDeg(value: number | null | undefined, digits = 0): string {
  return value === null || value === undefined || !Number.isFinite(value) ? '–' : `${value.toFixed(digits)}°`;
}

export function formatSeconds(value: number | null | undefined, digits = 1): string {
  return value === null || value === undefined || !Number.isFinite(value) ? '–' : `${value.toFixed(digits)} s`;
}

export const PHASE_LABEL: Record<string, string> = {
  setup: 'Get set',
  lifting: 'Kick',
  peak: 'Squeeze',
  lowering: 'Lower',
  bottom: 'Reset',
};
