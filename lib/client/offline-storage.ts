/**
 * What this browser keeps for reading offline, named so it can be found and deleted without loading Yjs (the
 * sign-out button, on every page, uses this; offline-copy.ts, which needs Yjs, is loaded only in reading rooms).
 */
export const OFFLINE_COPY_PREFIX = "gloss-room:";

/** Deletes the room copies this browser holds: all of them (on sign-out), or all but one person's. */
export async function clearOfflineCopies(keepFor: string | null = null): Promise<void> {
  if (typeof indexedDB === "undefined" || !indexedDB.databases) return;
  const kept = keepFor === null ? null : `${OFFLINE_COPY_PREFIX}${keepFor}:`;
  const databases = await indexedDB.databases();
  await Promise.all(
    databases
      .filter((database) => database.name?.startsWith(OFFLINE_COPY_PREFIX) && !(kept && database.name.startsWith(kept)))
      .map(
        (database) =>
          new Promise<void>((resolve) => {
            const request = indexedDB.deleteDatabase(database.name!);
            request.onsuccess = request.onerror = request.onblocked = () => resolve();
          }),
      ),
  );
}
