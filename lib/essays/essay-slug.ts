/**
 * The address part of an essay's pages (/essays/<slug>), made from its title: ASCII letters, digits and hyphens,
 * cut at a word under 60 characters. Slugs that name a page of their own are never given to an essay.
 */
export const RESERVED_SLUGS = new Set(["new"]);

export function slugFromTitle(title: string): string {
  const words = title
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/['’]/g, "")
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
  let slug = "";
  for (const word of words) {
    const next = slug ? `${slug}-${word}` : word;
    if (next.length > 60) break;
    slug = next;
  }
  return slug || (words[0]?.slice(0, 60) ?? "") || "essay";
}

/** The first of `base`, `base-2`, `base-3`… that is not taken or reserved. */
export function firstFreeSlug(base: string, taken: Set<string>): string {
  if (!taken.has(base) && !RESERVED_SLUGS.has(base)) return base;
  for (let n = 2; ; n++) if (!taken.has(`${base}-${n}`)) return `${base}-${n}`;
}
