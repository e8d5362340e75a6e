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
 * given back with its arrivals, for a scenario that tells its readers apart (by server instance).
 */
export type ClientJob = { url: string; room: string; person: Person; act: "read" | "notes" | "presence"; group?: number };

export type ThreadJob = {
  wire: WireName;
  origin: string;
  paragraphs: readonly Paragraph[];
  clients: ClientJob[];
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

export type FromThread = { type: "opened"; synced: number } | Report | { type: "stopped" } | { type: "closed" } | { type: "failed"; message: string };
