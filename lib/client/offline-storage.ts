/**
 * What this browser keeps for reading offline, named so it can be found and deleted without loading Yjs (the
 * sign-out button, on every page, uses this; offline-copy.ts, which needs Yjs, is loaded only in reading rooms).
 */
export const OFFLINE_COPY_PREFIX = "gloss-room:";

/** Deletes every room copy this browser holds (on sign-out). */
export async function clearOfflineCopies(): Promise<void> {
  if (typeof indexedDB === "undefined" || !indexedDB.databases) return;
  const databases = await indexedDB.databases();
  await Promise.all(
    databases
      .filter((database) => database.name?.startsWith(OFFLINE_COPY_PREFIX))
      .map(
        (database) =>
          new Promise<void>((resolve) => {
            const request = indexedDB.deleteDatabase(database.name!);
            request.onsuccess = request.onerror = request.onblocked = () => resolve();
          }),
      ),
  );
}
