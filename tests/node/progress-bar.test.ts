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

describe('createProgressBar ETA', () => {
  it('estimates the time left from the rate since the first update, and starts afresh after finish', () => {
    const { chunks, stream } = sink(true);
    let nowMs = 1000;
    const bar = createProgressBar(stream, true, () => nowMs);
    bar.update(0, 100, 'a.mp4');
    nowMs += 5000;
    bar.update(10, 100, 'a.mp4');
    // 10 frames in 5 s: 90 left take 45 s.
    expect(chunks.at(-1)).toBe(`\r[${'#'.repeat(3)}${'-'.repeat(27)}]  10% 10/100 ETA 45 s a.mp4`);
    bar.update(100, 100, 'a.mp4');
    expect(chunks.at(-1)).not.toContain('ETA');
    bar.finish();
    nowMs += 60_000;
    bar.update(5, 50, 'b.mp4');
    expect(chunks.at(-1)).not.toContain('ETA');
  });
});
