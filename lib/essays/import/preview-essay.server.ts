import type { z } from "zod";
import type { Db } from "../../db/client.server";
import { AppError, AppErrorCode } from "../../errors/app-error";
import { ImportEssayError } from "../import-essay";
import { hitThrottle } from "../../security/hit-throttle.server";
import { THROTTLE_RULES } from "../../security/throttle-rules";
import { requireImporter } from "../require-importer.server";
import type { EssayPreview } from "./essay-preview";
import type { FetchWebPageOptions } from "./fetch-web-page.server";
import { MAX_PARAGRAPHS } from "./limits";
import { readFile } from "./read-file";
import { readPasted } from "./read-pasted";
import { readWebAddress } from "./read-web-address.server";
import type { PreviewRequestSchema } from "./schemas";

export type PreviewInput = z.output<typeof PreviewRequestSchema> | { from: "file"; name: string; bytes: Uint8Array };

/**
 * Reads a paste, a file or a web address into what Import would store, for an instructor (checked first: only they
 * may make the server fetch an address). Every refusal, the importer's own included, arrives as an AppError whose
 * message the page shows as it is.
 */
export async function previewEssay(db: Db, { userId, input, fetchOptions }: { userId: string; input: PreviewInput; fetchOptions?: FetchWebPageOptions }): Promise<EssayPreview> {
  await requireImporter(db, userId);
  const hit = await hitThrottle(db, `essay-preview:${userId}`, THROTTLE_RULES.essayPreviewPerUser);
  if (!hit.allowed) {
    const minutes = Math.max(1, Math.ceil(hit.retryAfterMs / 60_000));
    throw new AppError(AppErrorCode.RateLimited, `You have previewed many essays in a short time. Wait ${minutes} ${minutes === 1 ? "minute" : "minutes"} and try again.`);
  }
  let preview: EssayPreview;
  try {
    if (input.from === "paste") preview = readPasted(input.text, { title: input.title });
    else if (input.from === "address") preview = await readWebAddress(input.address, {}, fetchOptions);
    else preview = await readFile(input.name, input.bytes);
  } catch (error) {
    if (error instanceof ImportEssayError) throw new AppError(AppErrorCode.InvalidInput, error.message);
    throw error;
  }
  if (preview.paragraphs.length > MAX_PARAGRAPHS) {
    throw new AppError(AppErrorCode.InvalidInput, `This has ${preview.paragraphs.length} paragraphs; an essay can have at most ${MAX_PARAGRAPHS}. Import one essay or chapter at a time.`);
  }
  return preview;
}
