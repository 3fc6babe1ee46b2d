import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_DETECTOR,
  DETECTOR_IDS,
  DETECTOR_MENU,
  DETECTORS,
  PERSON_COUNTER_MODEL,
  VISIBILITY_GATE,
  detectorEntry,
  isDetectorId,
  modelNames,
} from '../../src/pose/detector-registry';
import { LANDMARK_COUNT } from '../../src/pose/keypoint-tables';
import { MODELS_DIR } from '../../src/node/repo-paths';

describe('detector registry', () => {
  it('lists at least one detector and knows its own ids only', () => {
    expect(DETECTOR_IDS.length).toBeGreaterThan(0);
    for (const id of DETECTOR_IDS) expect(isDetectorId(id)).toBe(true);
    expect(isDetectorId('posenet')).toBe(false);
    expect(isDetectorId('toString')).toBe(false);
    expect(isDetectorId(undefined)).toBe(false);
  });

  it('gives every detector a fallback that is another registered detector', () => {
    expect(DETECTOR_IDS.length).toBeGreaterThan(1);
    for (const id of DETECTOR_IDS) {
      const { fallback } = detectorEntry(id);
      expect(isDetectorId(fallback), `${id} → ${fallback}`).toBe(true);
      expect(fallback, id).not.toBe(id);
    }
  });

  it('keeps each family on its landmark layout and capabilities', () => {
    for (const id of DETECTOR_IDS) {
      const entry = detectorEntry(id);
      expect(LANDMARK_COUNT[entry.keypointSet], id).toBeGreaterThan(0);
      if (entry.family === 'blazepose') {
        expect(entry).toMatchObject({ keypointSet: 'blazepose33', world3d: true });
      } else {
        expect(entry).toMatchObject({ keypointSet: 'movenet17', world3d: false, segmentation: false });
      }
      expect(entry.label.trim(), id).not.toBe('');
    }
  });

  it('puts the default first in the menu and every detector in it once, with its label', () => {
    expect(DETECTOR_MENU.length).toBe(DETECTOR_IDS.length);
    expect(DETECTOR_MENU[0]?.id).toBe(DEFAULT_DETECTOR);
    expect(new Set(DETECTOR_MENU.map((d) => d.id))).toEqual(new Set(DETECTOR_IDS));
    for (const item of DETECTOR_MENU) expect(item.label).toBe(DETECTORS[item.id].label);
  });

  it('names every model file once, the person counter included, and each is in models/', () => {
    const names = modelNames();
    expect(names.length).toBe(new Set(names).size);
    expect(names).toContain(PERSON_COUNTER_MODEL);
    for (const id of DETECTOR_IDS) {
      const files = Object.values(DETECTORS[id].models) as string[];
      expect(files.length, id).toBeGreaterThan(0);
      for (const file of files) expect(names).toContain(file);
    }
    // models/ is filled by postinstall from this same list (scripts/copy-models.mjs).
    for (const name of names) {
      expect(existsSync(join(MODELS_DIR, `${name}.json`)), `${name}.json`).toBe(true);
      expect(existsSync(join(MODELS_DIR, `${name}.bin`)), `${name}.bin`).toBe(true);
    }
  });

  it('has a visibility gate between 0 and 1 for every landmark layout', () => {
    const layouts = Object.keys(LANDMARK_COUNT) as (keyof typeof LANDMARK_COUNT)[];
    expect(layouts.length).toBeGreaterThan(0);
    for (const layout of layouts) {
      expect(VISIBILITY_GATE[layout]).toBeGreaterThan(0);
      expect(VISIBILITY_GATE[layout]).toBeLessThan(1);
    }
  });
});

describe("the worker's adapter reads the registry", () => {
  it.each(DETECTOR_IDS)('%s asks the model source for exactly its registry files', async (id) => {
    const { createPoseEstimator } = await import('../../workers/detector');
    const asked: string[] = [];
    // A source whose files never load: the adapter names them, then the load fails, so nothing
    // is downloaded or compiled.
    const failing = (name: string) => {
      asked.push(name);
      return { load: async () => Promise.reject(new Error(`not loaded: ${name}`)) };
    };
    await expect(createPoseEstimator(id, failing)).rejects.toThrow(/not loaded/);
    const expected = (Object.values(DETECTORS[id].models) as string[]).map((m) => `${m}.json`);
    expect(expected.length).toBeGreaterThan(0);
    expect(asked.sort()).toEqual(expected.sort());
  });
});
