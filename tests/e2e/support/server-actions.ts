import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import type { APIRequestContext, APIResponse } from "@playwright/test";

type Manifest = { node: Record<string, { exportedName?: string; filename?: string }> };
type ReplyEncoder = { encodeReply: (args: unknown[]) => Promise<string | FormData> };

// The encoder React's client uses for server action arguments, from the copy of React that Next serves with, so
// the requests below are exactly what a page would send (its wire format changes between React versions).
const { encodeReply } = createRequire(import.meta.url)("next/dist/compiled/react-server-dom-turbopack/client.node.js") as ReplyEncoder;

/**
 * The id the build gave a server action, read from Next's server-reference manifest; anyone can read it from the
 * page's scripts. Tests call actions with it directly, the way a scripted attacker would, whatever the UI shows.
 */
export function serverActionId(exportedName: string): string {
  const manifest = JSON.parse(readFileSync(path.resolve(".next/server/server-reference-manifest.json"), "utf8")) as Manifest;
  const ids = Object.entries(manifest.node)
    .filter(([, entry]) => entry.exportedName === exportedName)
    .map(([id]) => id);
  if (ids.length !== 1) throw new Error(`expected one server action named ${exportedName}, found ${ids.length}`);
  return ids[0]!;
}

/**
 * Calls a form's server action as the page does: a POST to the page with the action's id in `Next-Action` and
 * the arguments a form action gets (previous state, then the form's fields) in React's reply encoding.
 */
export async function callServerAction(
  request: APIRequestContext,
  { page, action, fields, origin }: { page: string; action: string; fields: Record<string, string>; origin: string },
): Promise<APIResponse> {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) form.append(name, value);
  const encoded = await encodeReply([null, form]);
  // With form data among the arguments the encoding is itself form data; the plain form is kept for completeness.
  const multipart = typeof encoded === "string" ? new FormData() : encoded;
  if (typeof encoded === "string") multipart.set("0", encoded);
  return request.post(page, {
    headers: { "Next-Action": serverActionId(action), Origin: origin, Accept: "text/x-component" },
    multipart,
    maxRedirects: 0,
  });
}
