"use client";

import { signOut } from "next-auth/react";
import { useRouter } from "next/navigation";
import { useTransition } from "react";
import { clearOfflineCopies } from "@/lib/client/offline-storage";
import { clearOfflinePages } from "./offline-support";

export function SignOutButton() {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  return (
    <button
      type="button"
      disabled={pending}
      onClick={() =>
        startTransition(async () => {
          // redirect: false, because next-auth would build the redirect from NEXTAUTH_URL, which a
          // self-hosted Gloss may not set; the app router knows where we are.
          await signOut({ redirect: false });
          // What this browser kept for reading offline is this person's: a shared computer must not keep it.
          await Promise.all([clearOfflineCopies(), clearOfflinePages()]).catch(() => {});
          router.replace("/sign-in");
          router.refresh();
        })
      }
      className="whitespace-nowrap rounded-md border border-line bg-card px-2 py-1.5 font-medium text-ink hover:bg-paper disabled:opacity-60 sm:px-3"
    >
      {pending ? "Signing out…" : "Sign out"}
    </button>
  );
}
