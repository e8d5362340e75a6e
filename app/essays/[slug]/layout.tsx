import { notFound } from "next/navigation";
import { requireUser } from "@/lib/auth/session.server";
import { loadEssay } from "./load-essay";

// The checks that decide the response's status run here, before the page streams behind loading.tsx:
// signed-out readers get a real redirect to sign in, and an unknown slug a real 404.
export default async function EssayLayout({ children, params }: { children: React.ReactNode; params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  await requireUser(`/essays/${slug}`);
  if (!(await loadEssay(slug))) notFound();
  return children;
}
