import { importEssay } from "../import-essay";
import type { EssayPreview, ReadOptions } from "./essay-preview";

/** A plain-text essay (a paste or a .txt file): the existing importer, unchanged. */
export function readText(text: string, { source = null, ...options }: ReadOptions = {}): EssayPreview {
  return { ...importEssay(text, options), source };
}
