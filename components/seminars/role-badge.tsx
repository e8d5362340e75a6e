import type { SeminarRole } from "@/lib/seminars/get-role.server";

const LABEL: Record<SeminarRole, string> = { instructor: "Instructor", student: "Student" };

export function RoleBadge({ role }: { role: SeminarRole }) {
  return (
    <span
      className={
        role === "instructor"
          ? "inline-flex items-center rounded-full bg-accent/10 px-2 py-0.5 text-xs font-medium text-accent-strong ring-1 ring-accent/25"
          : "inline-flex items-center rounded-full bg-line/60 px-2 py-0.5 text-xs font-medium text-muted ring-1 ring-line"
      }
    >
      {LABEL[role]}
    </span>
  );
}
