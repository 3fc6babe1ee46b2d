/**
 * Persistent storage (docs/design.md#after-the-set, storage): asks the browser not to clear KickCheck's data under
 * storage pressure (StorageManager.persist, WHATWG Storage §4.4). Chromium answers without a
 * prompt (from site engagement or installation); Firefox asks the user.
 */
export type PersistState = 'persisted' | 'not-persisted' | 'unsupported';

interface PersistApi {
  persisted?: () => Promise<boolean>;
  persist?: () => Promise<boolean>;
}

/** Whether the data is already persistent; asks for it when `ask` and it is not. */
export async function persistence(ask: boolean, storage: PersistApi | undefined = globalThis.navigator?.storage): Promise<PersistState> {
  if (!storage?.persist || !storage.persisted) return 'unsupported';
  try {
    if (await storage.persisted()) return 'persisted';
    if (!ask) return 'not-persisted';
    return (await storage.persist()) ? 'persisted' : 'not-persisted';
  } catch {
    return 'unsupported';
  }
}

/** Removes the settings KickCheck keeps in localStorage (keys starting with "kickcheck."). */
export function forgetLocalSettings(storage: Storage | undefined = globalThis.localStorage): number {
  if (!storage) return 0;
  const keys: string[] = [];
  for (let i = 0; i < storage.length; i += 1) {
    const key = storage.key(i);
    if (key?.startsWith('kickcheck.')) keys.push(key);
  }
  for (const key of keys) storage.removeItem(key);
  return keys.length;
}
