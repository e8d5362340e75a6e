/** What a scenario needs from a server under test, whichever it is. */
import type { Wire } from "../wire";

/** Someone who may open and write in a room: a real account with a session cookie for Gloss, a name elsewhere. */
export type Person = { id: string; name: string; cookie?: string };

export type BenchRoom = { id: string; url: string; people: Person[] };

export type BenchServer = {
  name: string;
  wire: Wire;
  /** The Origin header clients send (Gloss accepts its own origin only). */
  origin: string;
  /** A fresh, empty room and `people` who may write in it. */
  room: (people: number) => Promise<BenchRoom>;
  /** The server process's resident memory now, in KB. */
  rssKb: () => number;
  stop: () => Promise<void>;
};
