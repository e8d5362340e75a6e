import { cache } from "react";
import { getDb } from "@/lib/db/client.server";
import { getEssay } from "@/lib/essays/get-essay.server";

/** The layout, the metadata and the page all need the essay; one query per request serves them. */
export const loadEssay = cache((slug: string) => getEssay(getDb(), slug));
