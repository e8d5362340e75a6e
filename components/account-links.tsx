"use client";

import Link from "next/link";
import { usePathname, useSearchParams } from "next/navigation";

const AUTH_PAGES = new Set(["/sign-in", "/sign-up"]);

/**
 * The header's "Sign in" and "Create account" for signed-out visitors. Both carry where the visitor was headed: on
 * the sign-in or sign-up page, the `next` it already has (an invitation's, say); elsewhere, the page itself. Without
 * it, someone who followed an invite link and chose "Create account" in the header lost the invitation (issue 10).
 */
export function AccountLinks() {
  const pathname = usePathname();
  const params = useSearchParams();
  const next = AUTH_PAGES.has(pathname) ? params.get("next") : pathname === "/" ? null : `${pathname}${params.size > 0 ? `?${params}` : ""}`;
  return <AccountLinksFor next={next} />;
}

/** The links themselves; without `next` they are also what shows before the address is known. */
export function AccountLinksFor({ next }: { next: string | null }) {
  const withNext = (path: string) => (next ? `${path}?next=${encodeURIComponent(next)}` : path);
  return (
    <nav aria-label="Account" className="flex shrink-0 items-center gap-3 text-sm sm:gap-4">
      <Link href={withNext("/sign-in")} className="whitespace-nowrap text-accent underline-offset-2 hover:underline">
        Sign in
      </Link>
      <Link href={withNext("/sign-up")} className="whitespace-nowrap rounded-md bg-accent px-3 py-1.5 font-medium text-white hover:bg-accent-strong">
        Create account
      </Link>
    </nav>
  );
}
