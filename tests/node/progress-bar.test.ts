import { describe, expect, it } from 'vitest';
import { createProgressBar } from '../../src/node/progress-bar';

function sink(isTTY: boolean) {
  const chunks: string[] = [];
  return { chunks, stream: { isTTY, write: (text: string) => chunks.push(text) } };
}

describe('createProgressBar', () => {
  it('redraws one line on a TTY and ends it on finish', () => {
    const { chunks, stream } = sink(true);
    const bar = createProgressBar(stream);
    bar.update(15, 60, 'clip.mp4');
    bar.finish();
    expect(chunks[0]).toBe(`\r[${'#'.repeat(8)}${'-'.repeat(22)}]  25% 15/60 clip.mp4`);
    expect(chunks.at(-1)).toBe('\n');
  });

  it('writes nothing when stderr is not a terminal', () => {
    const { chunks, stream } = sink(false);
    const bar = createProgressBar(stream);
    bar.update(1, 2);
    bar.finish();
    expect(chunks).toEqual([]);
  });
});
