/**
 * Runs a server action, a route handler or a page's server component in Node the way Next runs it for one
 * request: inside Next's own request scope (the AsyncLocalStorage stores that `cookies()`, `headers()` and
 * `revalidatePath` read), carrying the session cookie a browser would send. Authorization tests call the real
 * action or handler with it; nothing of Gloss is replaced. Import this module before anything that loads Next.
 *
 * The stores are Next's internals (the fields its request functions read in Next 16); a Next upgrade that
 * changes them shows up here first, as a failure to read the session.
 */
// Next installs AsyncLocalStorage on globalThis before its request stores are created; so must we.
import "next/dist/server/node-environment-baseline.js";
import { workAsyncStorage } from "next/dist/server/app-render/work-async-storage.external.js";
import { workUnitAsyncStorage } from "next/dist/server/app-render/work-unit-async-storage.external.js";
import { HeadersAdapter } from "next/dist/server/web/spec-extension/adapters/headers.js";
import { MutableRequestCookiesAdapter, RequestCookiesAdapter } from "next/dist/server/web/spec-extension/adapters/request-cookies.js";
import { RequestCookies } from "next/dist/server/web/spec-extension/cookies.js";
import { TEST_SECRET } from "./users";

/** Points the app's own database client and session checks at this test's database and secret. */
export function useAppEnvironment(databaseUrl: string) {
  process.env.DATABASE_URL = databaseUrl;
  process.env.NEXTAUTH_SECRET = TEST_SECRET;
  process.env.NEXTAUTH_URL = "http://localhost:3000";
}

/** Runs `run` as the handling of one request to `path` that carries `cookie` (null: a signed-out visitor). */
export function asRequest<T>(cookie: string | null, run: () => Promise<T>, path = "/"): Promise<T> {
  const headers = new Headers({ host: "localhost:3000", ...(cookie ? { cookie } : {}) });
  const cookies = new RequestCookies(headers);
  const workStore = { route: path, page: path, incrementalCache: {}, forceStatic: false, dynamicShouldError: false, isStaticGeneration: false, cacheLifeProfiles: {} };
  const requestStore = {
    type: "request",
    phase: "action",
    url: { pathname: path, search: "" },
    headers: HeadersAdapter.seal(headers),
    cookies: RequestCookiesAdapter.seal(cookies),
    mutableCookies: MutableRequestCookiesAdapter.wrap(cookies),
    userspaceMutableCookies: MutableRequestCookiesAdapter.wrap(cookies),
    draftMode: {},
    rootParams: {},
    resumeDataCache: null,
  };
  // The stores' full types describe a render Next sets up; these carry the fields request handling reads.
  return workAsyncStorage.run(workStore as never, () => workUnitAsyncStorage.run(requestStore as never, run));
}

export type Outcome<T> = { value: T } | { redirect: string } | { notFound: true };

/** What a request ended in: a value, a redirect (Next's redirect() throws) or a 404 (so does notFound()). */
export async function outcomeOf<T>(promise: Promise<T>): Promise<Outcome<T>> {
  try {
    return { value: await promise };
  } catch (error) {
    const digest = typeof error === "object" && error !== null && "digest" in error ? String(error.digest) : "";
    if (digest.startsWith("NEXT_REDIRECT;")) return { redirect: digest.split(";").slice(2, -2).join(";") };
    if (digest === "NEXT_HTTP_ERROR_FALLBACK;404") return { notFound: true };
    throw error;
  }
}
