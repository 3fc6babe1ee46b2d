/** A one-line progress bar for a TTY stream; silent elsewhere, so piped stderr stays clean. */
export interface ProgressBar {
  update(done: number, total: number, label?: string): void;
  finish(): void;
}

interface Writable {
  write(text: string): unknown;
  isTTY?: boolean;
}

const WIDTH = 30;

export function createProgressBar(stream: Writable, enabled = Boolean(stream.isTTY)): ProgressBar {
  let drawn = false;
  return {
    update(done, total, label = '') {
      if (!enabled) return;
      const fraction = total > 0 ? Math.min(1, done / total) : 0;
      const filled = Math.round(fraction * WIDTH);
      stream.write(`\r[${'#'.repeat(filled)}${'-'.repeat(WIDTH - filled)}] ${String(Math.round(fraction * 100)).padStart(3)}% ${done}/${total} ${label}`);
      drawn = true;
    },
    finish() {
      if (enabled && drawn) stream.write('\n');
      drawn = false;
    },
  };
}
