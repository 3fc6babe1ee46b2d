/**
 * A one-line progress bar for a TTY stream; silent elsewhere, so piped stderr stays clean.
 * `done`/`total` are the frames the analysis will actually run (at its analysis rate), so the
 * percentage and the ETA are those of the work left, not of the video's frame count.
 */
export interface ProgressBar {
  update(done: number, total: number, label?: string): void;
  finish(): void;
}

interface Writable {
  write(text: string): unknown;
  isTTY?: boolean;
}

const WIDTH = 30;

/** `now` in ms (injected so tests need no clock). */
export function createProgressBar(stream: Writable, enabled = Boolean(stream.isTTY), now: () => number = () => performance.now()): ProgressBar {
  let drawn = false;
  /** First update of the current run: the ETA is the rate since then. */
  let start: { atMs: number; done: number } | null = null;
  return {
    update(done, total, label = '') {
      if (!enabled) return;
      const atMs = now();
      start ??= { atMs, done };
      const fraction = total > 0 ? Math.min(1, done / total) : 0;
      const filled = Math.round(fraction * WIDTH);
      const elapsedMs = atMs - start.atMs;
      const framesSince = done - start.done;
      const eta = elapsedMs > 0 && framesSince > 0 && total > done ? ` ETA ${Math.ceil(((total - done) * elapsedMs) / framesSince / 1000)} s` : '';
      stream.write(`\r[${'#'.repeat(filled)}${'-'.repeat(WIDTH - filled)}] ${String(Math.round(fraction * 100)).padStart(3)}% ${done}/${total}${eta} ${label}`);
      drawn = true;
    },
    finish() {
      if (enabled && drawn) stream.write('\n');
      drawn = false;
      start = null;
    },
  };
}
