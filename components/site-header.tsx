import Link from "next/link";
import { Suspense } from "react";
import { getSessionUser } from "@/lib/auth/session.server";
import { getDb } from "@/lib/db/client.server";
import { countAssigned } from "@/lib/assignments/count-assigned.server";
import { countUnread } from "@/lib/notifications/list-notifications.server";
import { AccountLinks, AccountLinksFor } from "./account-links";
import { NotificationsLink } from "./notifications-link";
import { OfflineOwner } from "./offline-support";
import { SignOutButton } from "./sign-out-button";

export async function SiteHeader() {
  const user = await getSessionUser();
  const [unread, assigned] = user ? await Promise.all([countUnread(getDb(), user.id), countAssigned(getDb(), { userId: user.id, now: new Date() })]) : [0, 0];
  return (
    <header className="border-b border-line bg-paper/95">
      <OfflineOwner userId={user?.id ?? null} />
      <div className="mx-auto flex h-14 max-w-[78rem] items-center justify-between gap-3 px-3 sm:gap-4 sm:px-6 md:pl-16">
        <div className="flex min-w-0 items-center gap-3 sm:gap-6">
          <Link href="/" className="font-serif text-xl font-semibold tracking-tight text-ink no-underline">
            Gloss
          </Link>
          {user ? (
            <nav aria-label="Main" className="flex items-center gap-3 whitespace-nowrap text-sm sm:gap-4">
              <Link href="/" className="text-muted hover:text-ink">
                Library
              </Link>
              <Link href="/seminars" className="text-muted hover:text-ink">
                Seminars
              </Link>
              {assigned > 0 ? (
                <Link href="/assignments" className="inline-flex items-center gap-1.5 text-muted hover:text-ink" aria-label={`Assigned to you: ${assigned} open`}>
                  Assigned
                  <span aria-hidden="true" className="rounded-full bg-paper px-1.5 text-xs font-semibold leading-5 text-ink ring-1 ring-line">
                    {assigned}
                  </span>
                </Link>
              ) : null}
            </nav>
          ) : null}
        </div>
        {user ? (
          <div className="flex min-w-0 items-center gap-2 text-sm sm:gap-3">
            <NotificationsLink initialUnread={unread} />
            <Link
              href="/account"
              aria-label={`${user.name}: your account`}
              className="min-w-0 max-w-[5.5rem] truncate text-muted hover:text-ink sm:max-w-[14rem]"
              title={`${user.email}: your account`}
            >
              <span className="hidden lg:inline">Signed in as </span>
              <span className="font-medium text-ink">{user.name}</span>
            </Link>
            <SignOutButton />
          </div>
        ) : (
          // useSearchParams needs a Suspense boundary; the links without `next` show meanwhile.
          <Suspense fallback={<AccountLinksFor next={null} />}>
            <AccountLinks />
          </Suspense>
        )}
      </div>
    </header>
  );
}
