import { notFound } from "next/navigation";
import { requireUser } from "@/lib/auth/session.server";
import { loadAssignment } from "./load-assignment";

// Decides the status before the page streams behind loading.tsx: a signed-out visitor gets a real redirect to
// sign in, anyone who may not see the assignment a real 404.
export default async function AssignmentLayout({ children, params }: { children: React.ReactNode; params: Promise<{ id: string; assignmentId: string }> }) {
  const { id, assignmentId } = await params;
  const user = await requireUser(`/seminars/${id}/assignments/${assignmentId}`);
  if (!(await loadAssignment(id, assignmentId, user.id))) notFound();
  return children;
}
