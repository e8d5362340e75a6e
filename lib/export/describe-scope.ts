import type { ExportScope } from "./discussion";

/** The scope in words, for an export's header and its file name's reader: "paragraphs 3–5, by Ada, without resolved threads". */
export function describeScope(scope: ExportScope): string {
  const parts: string[] = [];
  if (scope.assignment) parts.push(`the passage of “${scope.assignment.title}”`);
  if (scope.from !== null || scope.to !== null) {
    parts.push(scope.from !== null && scope.to !== null ? (scope.from === scope.to ? `paragraph ${scope.from}` : `paragraphs ${scope.from}–${scope.to}`) : scope.from !== null ? `from paragraph ${scope.from}` : `up to paragraph ${scope.to}`);
  }
  if (parts.length === 0) parts.push("the whole essay");
  if (scope.member) parts.push(`contributions of ${scope.member.name}`);
  parts.push(scope.includeResolved ? "resolved threads included" : "without resolved threads");
  if (scope.includeHidden) parts.push("hidden comments included and marked");
  return parts.join(", ");
}
