/** storage.persist(): asked only when asked to, and every answer (or its absence) named; settings keys forgotten. */
import { describe, expect, it } from 'vitest';
import { forgetLocalSettings, persistence } from '../../src/storage/persist';

function fakeStorage(persisted: boolean, grant: boolean) {
  const calls: string[] = [];
  return {
    calls,
    api: {
      persisted: async () => (calls.push('persisted'), persisted),
      persist: async () => (calls.push('persist'), grant),
    },
  };
}

describe('persistence', () => {
  it('already persistent: no request', async () => {
    const s = fakeStorage(true, false);
    expect(await persistence(true, s.api)).toBe('persisted');
    expect(s.calls).toEqual(['persisted']);
  });

  it('asks when allowed, and reports the browser’s answer', async () => {
    const granted = fakeStorage(false, true);
    expect(await persistence(true, granted.api)).toBe('persisted');
    expect(granted.calls).toEqual(['persisted', 'persist']);
    expect(await persistence(true, fakeStorage(false, false).api)).toBe('not-persisted');
    const quiet = fakeStorage(false, true);
    expect(await persistence(false, quiet.api)).toBe('not-persisted');
    expect(quiet.calls).toEqual(['persisted']);
  });

  it('no API, or one that throws: unsupported', async () => {
    expect(await persistence(true, undefined)).toBe('unsupported');
    expect(await persistence(true, { persisted: async () => { throw new Error('SecurityError'); }, persist: async () => true })).toBe('unsupported');
  });
});

describe('forgetLocalSettings', () => {
  it('removes the kickcheck.* keys and nothing else', () => {
    const map = new Map([['kickcheck.settings.v1', '{}'], ['kickcheck.archOnset.v1', '{}'], ['other-app', 'x']]);
    const storage = {
      get length() { return map.size; },
      key: (i: number) => [...map.keys()][i] ?? null,
      removeItem: (k: string) => void map.delete(k),
    } as unknown as Storage;
    expect(forgetLocalSettings(storage)).toBe(2);
    expect([...map.keys()]).toEqual(['other-app']);
  });
});
