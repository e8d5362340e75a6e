import { readFileSync } from "node:fs";
import type { Db } from "../lib/db/client.server";
import { createEssay } from "../lib/essays/create-essay.server";
import { importEssay } from "../lib/essays/import-essay";
import { seedEssays } from "./seed/essays";

/** Adds the seed essays that are not in the database yet. Safe to run at every start. */
export async function seedDatabase(db: Db): Promise<void> {
  for (const seed of seedEssays) {
    if (await db.essay.findUnique({ where: { slug: seed.slug }, select: { id: true } })) continue;
    const text = readFileSync(new URL(`./seed/${seed.file}`, import.meta.url), "utf8");
    const imported = importEssay(text, { author: seed.author });
    await createEssay(db, { slug: seed.slug, source: seed.source, ...imported });
  }
}
