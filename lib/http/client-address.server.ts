import { headers } from "next/headers";
import { CLIENT_ADDRESS_HEADER } from "./client-address-header";

/**
 * The address the current request came from, for rate limits: the one place pages, actions and next-auth read
 * it. server/main.ts stamps it from the socket (or, when told it runs behind proxies, from X-Forwarded-For), so a
 * client cannot choose it. Without that server in front (never in Gloss's own commands) every request shares
 * "unknown": limits get stricter, never looser.
 */
export async function clientAddress(): Promise<string> {
  return (await headers()).get(CLIENT_ADDRESS_HEADER) ?? "unknown";
}
