import type { ImportedEssay } from "../import-essay";

/** What every reader returns: the importer's shape plus where the text came from (a file name or the address). */
export type EssayPreview = ImportedEssay & { source: string | null };

/** Optional overrides the instructor typed before previewing; `fallbackTitle` is the document's own title. */
export type ReadOptions = { title?: string; author?: string; source?: string | null; fallbackTitle?: string };
