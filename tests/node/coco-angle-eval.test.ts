import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { evaluateCocoAngles } from '../../src/node/coco-angle-eval';
import { loadCocoPeople } from '../../src/node/coco-keypoints';
import { createNodeEstimator } from '../../src/node/node-estimator';
import { SHARED_FIXTURES_DIR } from '../../src/node/repo-paths';

const COCO_DIR = join(SHARED_FIXTURES_DIR, 'keypoints', 'coco');
const GATE = () => ({ minVisibility: 0.3, edgeMarginFrac: 0 });

describe('COCO angle evaluation', () => {
  it('reads every annotated person as a 17-point frame of its image', async () => {
    const people = await loadCocoPeople(join(COCO_DIR, 'test_coco.json'));
    expect(people.length).toBeGreaterThan(5);
    const first = people[0];
    expect(first?.frame.landmarks).toHaveLength(17);
    expect(first?.frame.keypointSet).toBe('movenet17');
    // 000000000785.jpg, the skier: nose annotated at (367, 81).
    expect(first).toMatchObject({ imageFile: '000000000785.jpg', imageWidth: 640, imageHeight: 425 });
    expect(first?.frame.landmarks[0]).toEqual({ x: 367, y: 81, visibility: 1 });
  });

  it('puts detected joints back into image coordinates near the annotated ones', async () => {
    const estimator = await createNodeEstimator('movenet-lightning');
    try {
      const result = await evaluateCocoAngles(estimator, COCO_DIR, GATE);
      expect(result.people.length).toBeGreaterThan(5);
      // A crop offset left out would put joints a crop-corner away (tens to hundreds of px).
      expect(result.jointErrorPx.n).toBeGreaterThan(50);
      expect(result.jointErrorPx.median).toBeLessThan(20);
      expect(result.stats.kneeFlexion.n).toBeGreaterThan(0);
    } finally {
      estimator.dispose();
    }
  });
});
