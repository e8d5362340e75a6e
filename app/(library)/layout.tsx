import { requireUser } from "@/lib/auth/session.server";

// Checked here rather than in the page: the page streams behind loading.tsx, which would fix the status at
// 200 before a redirect; a layout runs first, so signed-out visitors get a real redirect to sign in.
export default async function LibraryLayout({ children }: { children: React.ReactNode }) {
  await requireUser();
  return children;
}
