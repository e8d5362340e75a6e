/**
 * Where to go after signing in. Only paths on this site are accepted, so a crafted link such as
 * /sign-in?next=https://evil.example cannot bounce a fresh session to another site.
 *
 * Decided the way a browser reads the value, not by looking at its first characters: browsers drop tabs and
 * newlines anywhere in a URL and read "\" as "/", so "/\t/evil.example" and "/\evil.example" both mean
 * //evil.example, another host. The value is resolved against a fixed origin and must stay on it, and the path
 * that comes out must not start with "//" either ("/.//evil.example" normalizes to that).
 */
const BASE = "http://gloss.invalid";

// C0 controls (tab, newline, NUL...), DEL and backslashes: a path of ours never needs them in raw form.
const REFUSED_CHARACTERS = /[\u0000-\u001f\u007f\\]/;

export function safeNext(next: string | string[] | undefined): string {
  const value = Array.isArray(next) ? next[0] : next;
  if (!value || !value.startsWith("/") || REFUSED_CHARACTERS.test(value)) return "/";
  let url: URL;
  try {
    url = new URL(value, BASE);
  } catch {
    return "/";
  }
  if (url.origin !== BASE) return "/";
  const path = `${url.pathname}${url.search}${url.hash}`;
  return path.startsWith("//") ? "/" : path;
}
