/**
 * What the main thread and a reader thread say to each other. Only plain data crosses between threads, so a
 * thread is told the wire's name and the people, and rebuilds clients from them on its side.
 */
import type { Paragraph } from "../notes";
import type { Person } from "../servers/bench-server";
import type { WireName } from "../wire";

/**
 * One client and what it does once the thread is started: only read; also write one note every
 * `noteEveryMs`; or also move between paragraphs (presence) every `presenceEveryMs` (a range). `group` is
 * given back with its arrivals, for a scenario that tells its readers apart (by server instance). A `light`
 * reader keeps no document and finds the job's `keys` in raw frames (light-client.ts); a writer is never light.
 */
export type ClientJob = { url: string; room: string; person: Person; act: "read" | "notes" | "presence"; group?: number; light?: boolean };

export type ThreadJob = {
  wire: WireName;
  origin: string;
  paragraphs: readonly Paragraph[];
  clients: ClientJob[];
  /** The annotation keys the scenario's writer will send, fixed in advance: what light readers look for. */
  keys: string[];
  /** Clients opened at once; the rest wait for them, so a burst of handshakes is not what is timed. */
  parallel: number;
  noteEveryMs: number;
  presenceEveryMs: readonly [number, number];
  /** Whether readers send back every presence change they apply, as the page's y-websocket provider does. */
  echoPresence: boolean;
};

export type ToThread = { type: "start" } | { type: "stop" } | { type: "close" };

/**
 * Sends and arrivals since the last report: keys with times on the shared clock (clock.ts). Presence frames and
 * bytes are what this thread's clients received between start and stop.
 */
export type Report = {
  type: "report";
  sentKeys: string[];
  sentAt: number[];
  arrivedKeys: string[];
  arrivedAt: number[];
  arrivedGroups: number[];
  presenceFrames: number;
  presenceBytes: number;
};

/** At the stop, the full readers' check: how many there are, and how many of the job's keys their documents lack in all. */
export type FullCheck = { fullReaders: number; missing: number };

export type FromThread = { type: "opened"; synced: number } | Report | ({ type: "stopped" } & FullCheck) | { type: "closed" } | { type: "failed"; message: string };
