/** What a scenario needs from a server under test, whichever it is. */
import type { Wire } from "../wire";

/** Someone who may open and write in a room: a real account with a session cookie for Gloss, a name elsewhere. */
export type Person = { id: string; name: string; cookie?: string };

/** `urls` has one address per server instance when the server under test is several (Gloss over Redis); `url` is the first. */
export type BenchRoom = { id: string; url: string; urls?: readonly string[]; people: Person[] };

export type BenchServer = {
  name: string;
  wire: Wire;
  /** The Origin header clients send (Gloss accepts its own origin only). */
  origin: string;
  /** A fresh, empty room and `people` who may write in it. */
  room: (people: number) => Promise<BenchRoom>;
  /** The server process's resident memory now, in KB. */
  rssKb: () => number;
  /** CPU time the server process(es) have used so far, user and system, in ms. */
  cpuMs: () => number;
  /** For a server that stores updates (Gloss): how many rows it has written to its update log so far. */
  storedRows?: () => Promise<number>;
  stop: () => Promise<void>;
};
