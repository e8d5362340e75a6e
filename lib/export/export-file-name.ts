import type { DiscussionStream } from "./discussion";
import type { ExportFormat } from "./schemas";

const EXTENSION: Record<ExportFormat, string> = { md: "md", csv: "csv", jsonld: "jsonld", html: "html" };

const slug = (text: string) =>
  text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 40)
    .replace(/-+$/, "");

/**
 * A file name that says what the file holds, in plain ASCII (safe in a Content-Disposition header and on every
 * disk): essay, seminar (or "private-notes"), scope, date. "the-taliban-against-russia_close-reading_p3-5_ada_2026-11-26.md"
 */
export function exportFileName(d: DiscussionStream, format: ExportFormat): string {
  const { scope } = d;
  const parts = [slug(d.essay.slug) || "essay", d.seminar ? slug(d.seminar.name) || "seminar" : "private-notes"];
  if (scope.assignment) parts.push(`assignment-${slug(scope.assignment.title) || "passage"}`);
  if (scope.from !== null || scope.to !== null) parts.push(`p${scope.from ?? 1}-${scope.to ?? "end"}`);
  if (scope.member) parts.push(slug(scope.member.name) || "member");
  if (!scope.includeResolved) parts.push("unresolved");
  if (scope.includeHidden) parts.push("with-hidden");
  parts.push(d.exportedAt.toISOString().slice(0, 10));
  return `${parts.join("_")}.${EXTENSION[format]}`;
}
