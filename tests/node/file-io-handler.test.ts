import { mkdtempSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fileIOHandler } from '../../src/node/file-io-handler';
import { MODELS_DIR } from '../../src/node/repo-paths';

describe('fileIOHandler', () => {
  it('loads a graph model with all its weights from disk', async () => {
    const artifacts = await fileIOHandler(join(MODELS_DIR, 'movenet-lightning.json')).load();
    expect(artifacts.format).toBe('graph-model');
    expect(artifacts.modelTopology).toBeTruthy();
    expect(artifacts.weightSpecs?.length).toBeGreaterThan(10);
    const weightData = artifacts.weightData as ArrayBuffer;
    expect(weightData.byteLength).toBe(statSync(join(MODELS_DIR, 'movenet-lightning.bin')).size);
  });

  it('says which model file is missing', async () => {
    await expect(fileIOHandler('/nonexistent/model.json').load()).rejects.toThrow(
      /^expected a readable model file at \/nonexistent\/model\.json, got /,
    );
  });

  it('rejects JSON that is not a tfjs model', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'kickcheck-')), 'model.json');
    writeFileSync(file, '{"hello": 1}');
    await expect(fileIOHandler(file).load()).rejects.toThrow(/expected a tfjs model\.json with modelTopology .* got keys hello/);
  });
});
