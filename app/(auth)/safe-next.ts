/**
 * Where to go after signing in. Only paths on this site are accepted, so a crafted link such as
 * /sign-in?next=https://evil.example cannot bounce a fresh session to another site.
 */
export function safeNext(next: string | string[] | undefined): string {
  const value = Array.isArray(next) ? next[0] : next;
  if (!value || !value.startsWith("/") || value.startsWith("//") || value.startsWith("/\\")) return "/";
  return value;
}
