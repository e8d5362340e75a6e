import { notFound } from "next/navigation";
import { requireUser } from "@/lib/auth/session.server";
import { loadSeminar } from "../load-seminar";

// The checks that decide the status run here, before the page streams behind loading.tsx: a signed-out visitor
// gets a real redirect, a non-member a real 404. The route group keeps this layout off the essay pages below
// [id], which send people back to a different address after sign-in.
export default async function SeminarLayout({ children, params }: { children: React.ReactNode; params: Promise<{ id: string }> }) {
  const { id } = await params;
  const user = await requireUser(`/seminars/${id}`);
  if (!(await loadSeminar(id, user.id))) notFound();
  return children;
}
