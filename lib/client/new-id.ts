/**
 * A fresh entry id. crypto.randomUUID only exists in secure contexts (https, localhost); a seminar that
 * opens Gloss over plain http on a LAN address still gets random ids from getRandomValues.
 */
export function newId(): string {
  if (typeof crypto.randomUUID === "function") return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
}
