/**
 * PoseClient's load with fallback, its timeouts and cancellation, without a browser: Worker is a
 * stub and Comlink's wrap hands back a scripted worker API, so each case decides how `init` and
 * `estimate` answer.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { InitReport } from '../../workers/pose.worker';
import type { DetectorId, PoseFrame } from '../../src/pose/types';
import { DETECTOR_IDS, DETECTORS } from '../../src/pose/detector-registry';

const RELEASE = Symbol('releaseProxy');

interface FakeApi {
  init: ReturnType<typeof vi.fn>;
  estimate: ReturnType<typeof vi.fn>;
  reset: ReturnType<typeof vi.fn>;
  crashForTest: ReturnType<typeof vi.fn>;
  [RELEASE]: ReturnType<typeof vi.fn>;
}

class FakeWorker {
  static all: FakeWorker[] = [];
  terminated = false;
  readonly listeners: ((event: { message: string; preventDefault(): void }) => void)[] = [];
  constructor() {
    FakeWorker.all.push(this);
  }
  addEventListener(type: string, listener: (event: { message: string; preventDefault(): void }) => void): void {
    if (type === 'error') this.listeners.push(listener);
  }
  terminate(): void {
    this.terminated = true;
  }
  fail(message: string): void {
    for (const listener of this.listeners) listener({ message, preventDefault() {} });
  }
}

/** How the next worker's init answers, per detector asked; set by each case. */
let initAnswer: (detector: DetectorId) => Promise<InitReport>;
let estimateAnswer: () => Promise<PoseFrame>;
const apis: FakeApi[] = [];

vi.mock('comlink', () => ({
  releaseProxy: RELEASE,
  transfer: <T>(value: T) => value,
  wrap: () => {
    const api: FakeApi = {
      init: vi.fn(({ detector }: { detector: DetectorId }) => initAnswer(detector)),
      estimate: vi.fn(() => estimateAnswer()),
      reset: vi.fn(async () => {}),
      crashForTest: vi.fn(async () => {}),
      [RELEASE]: vi.fn(),
    };
    apis.push(api);
    return api;
  },
}));

const { LoadCancelledError, ModelLoadTimeoutError, PoseClient, WorkerCrashedError } = await import('../../src/capture/pose-client');

function report(detector: DetectorId): InitReport {
  return { detector, backend: 'wasm', loadMs: 1, personCounter: true, personCheckIntervalMs: 1000 } as unknown as InitReport;
}

const never = <T>() => new Promise<T>(() => {});

beforeEach(() => {
  FakeWorker.all = [];
  apis.length = 0;
  vi.stubGlobal('Worker', FakeWorker);
  initAnswer = async (detector) => report(detector);
  estimateAnswer = never;
});

afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

describe('PoseClient.start', () => {
  it('loads the asked-for detector in one worker, with no fallback', async () => {
    const client = new PoseClient({ detector: 'movenet-thunder' });
    const ready = await client.start();
    expect(ready.detector).toBe('movenet-thunder');
    expect(ready.fallbackFrom).toBeUndefined();
    expect(FakeWorker.all.length).toBe(1);
    expect(apis[0]?.init).toHaveBeenCalledTimes(1);
  });

  it.each(DETECTOR_IDS)('falls back from %s to the registry fallback when its model fails', async (detector) => {
    initAnswer = async (asked) => {
      if (asked === detector) throw new Error(`no ${asked}.json`);
      return report(asked);
    };
    const client = new PoseClient({ detector });
    const ready = await client.start();
    const fallback = DETECTORS[detector].fallback;
    expect(fallback).not.toBe(detector);
    expect(ready.detector).toBe(fallback);
    expect(ready.fallbackFrom).toEqual({ detector, reason: `no ${detector}.json` });
    // A load that failed (not timed out) leaves the worker usable: the fallback loads in it.
    expect(FakeWorker.all.length).toBe(1);
    const asked = apis[0]?.init.mock.calls.map(([options]) => (options as { detector: DetectorId }).detector);
    expect(asked).toEqual([detector, fallback]);
  });

  it('gives up on a load that never answers, terminates its worker and falls back in a fresh one', async () => {
    vi.useFakeTimers();
    initAnswer = (asked) => (asked === 'blazepose-full' ? never() : Promise.resolve(report(asked)));
    const client = new PoseClient({ detector: 'blazepose-full', loadTimeoutMs: 5_000 });
    const started = client.start();
    await vi.advanceTimersByTimeAsync(4_999);
    expect(FakeWorker.all.length).toBe(1);
    expect(FakeWorker.all[0]?.terminated).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    const ready = await started;
    expect(ready.detector).toBe(DETECTORS['blazepose-full'].fallback);
    expect(ready.fallbackFrom?.reason).toBe(new ModelLoadTimeoutError('blazepose-full', 5_000).message);
    expect(FakeWorker.all.length).toBe(2);
    expect(FakeWorker.all[0]?.terminated).toBe(true);
    expect(FakeWorker.all[1]?.terminated).toBe(false);
  });

  it('rejects when the fallback fails too, and says why', async () => {
    initAnswer = async (asked) => {
      throw new Error(`no ${asked}.json`);
    };
    const client = new PoseClient({ detector: 'blazepose-heavy' });
    await expect(client.start()).rejects.toThrow(`no ${DETECTORS['blazepose-heavy'].fallback}.json`);
  });

  it('cancels on abort: the worker is terminated and no fallback is tried', async () => {
    initAnswer = () => never();
    const controller = new AbortController();
    const client = new PoseClient({ detector: 'blazepose-full' });
    const started = client.start({}, controller.signal);
    controller.abort();
    await expect(started).rejects.toBeInstanceOf(LoadCancelledError);
    expect(FakeWorker.all.length).toBe(1);
    expect(FakeWorker.all[0]?.terminated).toBe(true);
    expect(apis[0]?.init).toHaveBeenCalledTimes(1);
  });

  it('does not start anything when the signal is already aborted', async () => {
    const controller = new AbortController();
    controller.abort();
    await expect(new PoseClient().start({}, controller.signal)).rejects.toBeInstanceOf(LoadCancelledError);
    expect(FakeWorker.all.length).toBe(0);
  });

  it('passes a worker crash during the load on, without a fallback', async () => {
    initAnswer = () => never();
    const client = new PoseClient({ detector: 'blazepose-full' });
    const started = client.start();
    FakeWorker.all[0]?.fail('out of memory');
    await expect(started).rejects.toBeInstanceOf(WorkerCrashedError);
    await expect(started).rejects.toThrow('out of memory');
    expect(apis[0]?.init).toHaveBeenCalledTimes(1);
  });
});

describe('PoseClient.estimate', () => {
  const bitmap = () => ({ close: vi.fn() }) as unknown as ImageBitmap;

  it('treats an estimate that never answers as a dead worker', async () => {
    vi.useFakeTimers();
    const client = new PoseClient({ estimateTimeoutMs: 2_000 });
    await client.start();
    const estimated = client.estimate(bitmap(), 0);
    const settled = expect(estimated).rejects.toBeInstanceOf(WorkerCrashedError);
    await vi.advanceTimersByTimeAsync(2_000);
    await settled;
  });

  it('answers with the worker frame when it comes in time', async () => {
    const frame = { timestampMs: 5 } as PoseFrame;
    estimateAnswer = async () => frame;
    const client = new PoseClient();
    await client.start();
    await expect(client.estimate(bitmap(), 5)).resolves.toBe(frame);
    expect(apis[0]?.estimate).toHaveBeenCalledWith(expect.anything(), 5);
  });

  it('closes the bitmap and rejects before any worker was started', async () => {
    const image = bitmap();
    await expect(new PoseClient().estimate(image, 0)).rejects.toThrow(/expected a started pose worker/);
    expect((image as unknown as { close: ReturnType<typeof vi.fn> }).close).toHaveBeenCalledTimes(1);
  });
});
