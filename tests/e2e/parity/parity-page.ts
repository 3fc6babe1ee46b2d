/**
 * Test-only page, built into the e2e bundle (tests/e2e/global-setup.ts), never into the app:
 * runs still frames through the app's own PoseClient + pose worker and returns the PoseFrames,
 * so a test can compare the browser path with the Node analyser frame for frame.
 */
import { PoseClient } from '../../../src/capture/pose-client';
import type { DetectorId, PoseFrame } from '../../../src/pose/types';

async function estimateAll(frameUrls: string[], detector: DetectorId, frameIntervalMs: number): Promise<{ backend: string; frames: PoseFrame[] }> {
  const client = new PoseClient({ estimateTimeoutMs: 60_000 });
  try {
    const report = await client.start({ detector, backend: 'wasm' });
    const frames: PoseFrame[] = [];
    for (let i = 0; i < frameUrls.length; i++) {
      const blob = await (await fetch(frameUrls[i]!)).blob();
      const bitmap = await createImageBitmap(blob, { colorSpaceConversion: 'none', premultiplyAlpha: 'none' });
      frames.push(await client.estimate(bitmap, i * frameIntervalMs));
    }
    return { backend: report.backend, frames };
  } finally {
    client.terminate();
  }
}

(globalThis as unknown as { kickcheckParity: typeof estimateAll }).kickcheckParity = estimateAll;
