import { entrySchemas, isRootMapName, parseEntryKey } from "./layout";

export type Writer = { id: string; name: string };
export type Refusal = { reason: string };

/**
 * May `writer` put `value` under `key` in the root map `map`? Used by the websocket server on every incoming
 * item and by the client before it writes, so both agree on the rules. Returns null when allowed.
 */
export function checkSet(map: string, key: string, value: unknown, writer: Writer): Refusal | null {
  if (!isRootMapName(map)) return { reason: `unknown map "${map}"` };
  const owner = parseEntryKey(key);
  if (!owner) return { reason: `malformed key "${key}"` };
  if (owner.authorId !== writer.id) return { reason: "entries may only be written by their author" };
  const parsed = entrySchemas[map].safeParse(value);
  if (!parsed.success) return { reason: `invalid ${map} entry: ${parsed.error.issues[0]?.message ?? "bad shape"}` };
  if (parsed.data.id !== owner.id || parsed.data.authorId !== writer.id) {
    return { reason: "an entry's key must match its id and author" };
  }
  if (parsed.data.authorName !== writer.name) return { reason: "authorName must be the writer's own name" };
  return null;
}

/** May `writer` delete the entry stored under `key` in `map`? */
export function checkDelete(map: string, key: string, writer: Writer): Refusal | null {
  if (!isRootMapName(map)) return { reason: `unknown map "${map}"` };
  const owner = parseEntryKey(key);
  if (!owner || owner.authorId !== writer.id) return { reason: "entries may only be deleted by their author" };
  return null;
}
