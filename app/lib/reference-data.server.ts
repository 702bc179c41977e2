/**
 * Reference data that buyers' pages read at every render but that changes only with the catalog:
 * categories, certifications, the provinces that have groups. The store's process keeps it in
 * memory once its composition root (app/server.ts) turns this on together with the means to hear
 * changes: the broadcast that empties every instance's page cache whenever anything buyers can see
 * changes (app/web/page-cache-sync.server.ts) also forgets everything kept here. Tests and scripts
 * hear no broadcast, so for them nothing is kept and every read goes to the database.
 */
const kept = new Map<string, Promise<unknown>>();
let keeping = false;

/** Called once by the process that also listens for the change broadcast. */
export function keepReferenceData(): void {
  keeping = true;
}

export function forgetReferenceData(): void {
  kept.clear();
}

/**
 * `load()` once while kept (concurrent first readers share one query), else every time. The value
 * is shared between requests: callers must not change it.
 */
export function referenceData<T>(
  key: string,
  load: () => Promise<T>
): Promise<T> {
  if (!keeping) return load();
  let value = kept.get(key) as Promise<T> | undefined;
  if (!value) {
    value = load();
    kept.set(key, value);
    // A failed read is not remembered: the next page tries again.
    value.catch(() => {
      if (kept.get(key) === value) kept.delete(key);
    });
  }
  return value;
}
