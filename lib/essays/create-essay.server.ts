import type { Db } from "../db/client.server";
import { roomIdFor } from "../doc/layout";
import type { ImportedEssay } from "./import-essay";

export type CreateEssayOptions = Omit<ImportedEssay, "dropped"> & { slug: string; source: string | null };

/** Stores an imported essay with its paragraphs (in order, with stable ids) and its open room. */
export async function createEssay(db: Db, { slug, title, author, source, paragraphs }: CreateEssayOptions) {
  return db.$transaction(async (tx) => {
    const essay = await tx.essay.create({
      data: {
        slug,
        title,
        author,
        source,
        paragraphs: { create: paragraphs.map((p, position) => ({ position, kind: p.kind, text: p.text })) },
      },
    });
    await tx.room.create({ data: { id: roomIdFor(essay.id, null), essayId: essay.id } });
    return essay;
  });
}
