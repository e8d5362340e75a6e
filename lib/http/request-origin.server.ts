import { headers } from "next/headers";

/**
 * The site's address as the browser sees it, for links people copy and send (invite links). NEXTAUTH_URL wins
 * when the operator set it; otherwise the request's own Host, which is safe here because the link is shown
 * only to the person whose request it came from, on a page that is never cached for anyone else.
 */
export async function requestOrigin(): Promise<string> {
  const configured = process.env.NEXTAUTH_URL;
  if (configured) return new URL(configured).origin;
  const list = await headers();
  const host = list.get("x-forwarded-host") ?? list.get("host") ?? "localhost";
  const proto = list.get("x-forwarded-proto")?.split(",")[0]?.trim() ?? "http";
  return `${proto}://${host}`;
}
