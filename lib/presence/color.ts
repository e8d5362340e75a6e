const PALETTE = ["#b45309", "#047857", "#1d4ed8", "#be185d", "#6d28d9", "#0f766e", "#b91c1c", "#4d7c0f"];

/** A stable colour per user, so a reader has the same colour in everyone's margin and presence list. */
export function colorFor(userId: string): string {
  let hash = 0;
  for (const char of userId) hash = (hash * 31 + char.charCodeAt(0)) | 0;
  return PALETTE[Math.abs(hash) % PALETTE.length]!;
}
