import { notFound } from "next/navigation";
import { requireUser } from "@/lib/auth/session.server";
import { loadSeminarEssay } from "./load-seminar-essay";

// As for the open essay page: status-deciding checks run here, before the page streams behind loading.tsx.
export default async function SeminarEssayLayout({ children, params }: { children: React.ReactNode; params: Promise<{ id: string; slug: string }> }) {
  const { id, slug } = await params;
  const user = await requireUser(`/seminars/${id}/essays/${slug}`);
  if (!(await loadSeminarEssay(id, slug, user.id))) notFound();
  return children;
}
