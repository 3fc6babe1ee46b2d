import { describe, expect, it } from 'vitest';
import { LatestFrameSlot } from '../../src/capture/latest-frame-slot';

class FakeFrame {
  closed = false;
  constructor(readonly id: number) {}
  close() {
    this.closed = true;
  }
}

/** A processor whose calls finish only when the test says so. */
function manualProcessor() {
  const pending: { frame: FakeFrame; resolve: (v: number) => void; reject: (e: unknown) => void }[] = [];
  const process = (frame: FakeFrame) =>
    new Promise<number>((resolve, reject) => {
      pending.push({ frame, resolve, reject });
    });
  return { pending, process };
}

const flush = () => new Promise((r) => setTimeout(r, 0));

describe('LatestFrameSlot', () => {
  it('keeps at most one frame in flight and one waiting; newer frames replace the waiting one', async () => {
    const { pending, process } = manualProcessor();
    const results: number[] = [];
    const slot = new LatestFrameSlot<FakeFrame, number>(process, (r) => results.push(r), () => {});
    const frames = [1, 2, 3, 4, 5].map((i) => new FakeFrame(i));
    frames.forEach((f, i) => slot.offer(f, i * 33));

    expect(pending.map((p) => p.frame.id)).toEqual([1]); // only the first started
    expect(frames.slice(1, 4).every((f) => f.closed)).toBe(true); // 2,3,4 were replaced
    expect(frames[4]!.closed).toBe(false); // 5 waits
    expect(slot.stats.dropped).toBe(3);

    pending[0]!.resolve(10);
    await flush();
    expect(pending.map((p) => p.frame.id)).toEqual([1, 5]); // the newest waiting frame goes next
    pending[1]!.resolve(50);
    await flush();
    expect(results).toEqual([10, 50]);
    expect(slot.stats).toEqual({ offered: 5, processed: 2, dropped: 3, failed: 0 });
    expect(slot.busy).toBe(false);
  });

  it('reports a failed frame and carries on with the next one', async () => {
    const { pending, process } = manualProcessor();
    const errors: unknown[] = [];
    const slot = new LatestFrameSlot<FakeFrame, number>(process, () => {}, (e) => errors.push(e));
    slot.offer(new FakeFrame(1), 0);
    slot.offer(new FakeFrame(2), 33);
    pending[0]!.reject(new Error('boom'));
    await flush();
    expect(errors).toHaveLength(1);
    expect(pending).toHaveLength(2);
    expect(slot.stats.failed).toBe(1);
  });

  it('after close, releases the waiting frame and refuses new ones', () => {
    const { process } = manualProcessor();
    const slot = new LatestFrameSlot<FakeFrame, number>(process, () => {}, () => {});
    const a = new FakeFrame(1);
    const b = new FakeFrame(2);
    const c = new FakeFrame(3);
    slot.offer(a, 0);
    slot.offer(b, 33);
    slot.close();
    slot.offer(c, 66);
    expect(b.closed).toBe(true);
    expect(c.closed).toBe(true);
    expect(slot.stats.offered).toBe(2);
  });
});
