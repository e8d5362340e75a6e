"use client";

import type { ReactNode } from "react";
import type { Connection } from "@/lib/client/use-room";
import { initials, readerColor, type Reader } from "@/lib/client/use-presence";
import { PublicRoomIcon, SeminarRoomIcon } from "./icons";
import type { RoomPlace } from "./room-place";

const STATUS: Record<Connection["state"], { label: string; dot: string }> = {
  connecting: { label: "Connecting…", dot: "bg-muted animate-pulse" },
  live: { label: "Live", dot: "bg-emerald-600" },
  offline: { label: "Offline — reconnecting…", dot: "bg-amber-500 animate-pulse" },
  closed: { label: "Disconnected", dot: "bg-danger" },
};

/** With more readers than this, the bar shows their avatars only (names on hover and to screen readers). */
const NAMED_READERS = 4;

type RoomBarProps = {
  connection: Connection;
  synced: boolean;
  /** Changes the server has not yet confirmed saving (kept in this browser while offline). */
  pending: number;
  /** Whether this page has written anything yet (before that, there is nothing to call saved). */
  wrote: boolean;
  /** The reader's private notes: still loading, or why they are not available. Null when all is well. */
  notesProblem: string | null;
  /** The seminar is archived: notes are shown, and nothing can be written. */
  readOnly: boolean;
  /** Whose room this is: named in the bar, which stays in view while the header scrolls away. */
  place: RoomPlace;
  readers: Reader[];
  paragraphLabels: ReadonlyMap<string, string>;
  /** Search, filters and keyboard help, on the right. */
  tools: ReactNode;
  /** A line under the bar that stays in view with it (live seminar mode's spotlight). */
  below?: ReactNode;
};

/** Sticky strip above the essay: is the room live, who is reading along (and where), and the margin's tools. */
export function RoomBar({ connection, synced, pending, wrote, notesProblem, readOnly, place, readers, paragraphLabels, tools, below }: RoomBarProps) {
  const status = STATUS[connection.state];
  const unsaved = pending > 0;
  // Offline, what matters is what waits: it is kept in this browser and sent once the connection is back.
  const label =
    connection.state === "offline" && unsaved ? `Offline — ${pending} ${pending === 1 ? "change" : "changes"} waiting` : status.label;
  const named = readers.length <= NAMED_READERS;
  return (
    <div data-room-bar className="sticky top-0 z-30 mt-6 border-y border-line bg-paper/95 py-2 backdrop-blur-sm">
      <div className="flex flex-wrap items-center gap-x-2 gap-y-2 font-sans text-sm sm:gap-x-5">
        {place.kind === "public" ? (
          <p
            className="inline-flex items-center gap-1.5 rounded-full bg-amber-100 px-2.5 py-0.5 text-[0.8125rem] font-medium text-amber-900"
            title="Everyone signed in to Gloss can read and write here"
            data-room-kind="public"
          >
            <PublicRoomIcon />
            Public room<span className="sr-only">: everyone signed in to Gloss can read what is posted here</span>
          </p>
        ) : (
          <p className="inline-flex min-w-0 items-center gap-1.5 text-[0.8125rem] font-medium text-ink" data-room-kind="seminar">
            <SeminarRoomIcon />
            <span className="max-w-[7rem] truncate sm:max-w-[16rem]">{place.name}</span>
          </p>
        )}
        <p role="status" className="flex items-center gap-2 text-muted" data-connection={connection.state}>
          <span aria-hidden="true" className={`inline-block size-2 rounded-full ${status.dot}`} />
          {/* On phones a live room shows its green dot alone; any other state is spelled out. */}
          <span className={connection.state === "live" ? "sr-only sm:not-sr-only" : undefined} data-pending={pending}>
            {label}
          </span>
          {connection.state === "live" && !synced ? <span>· loading notes…</span> : null}
          {readOnly && connection.state !== "closed" ? <span>· read-only (archived)</span> : null}
          {synced && (unsaved || wrote) && connection.state !== "offline" ? (
            // On phones "All changes saved" is read out but not shown, so the bar keeps to one row; what waits is shown.
            <span data-saved={!unsaved} className={unsaved ? undefined : "sr-only sm:not-sr-only"}>
              · {unsaved ? (connection.state === "live" ? "Saving…" : "Not saved yet: kept in this browser") : "All changes saved"}
            </span>
          ) : null}
        </p>
        {readers.length > 0 ? (
          <div className="flex min-w-0 items-center gap-2">
            <span className="sr-only whitespace-nowrap text-muted sm:not-sr-only">Here now:</span>
            <ul aria-label="Readers here now" className={`flex min-w-0 flex-wrap items-center ${named ? "gap-x-1 gap-y-1 sm:gap-x-3" : "-space-x-1.5"}`}>
              {readers.map((reader) => {
                const where = reader.reading ? paragraphLabels.get(reader.reading) : undefined;
                const description = `${reader.name}${reader.isMe ? " (you)" : ""}${where && !reader.isMe ? `, reading ${where}` : ""}`;
                return (
                  <li key={reader.id} className="flex items-center gap-1.5" data-reader-id={reader.id} title={description}>
                    <span
                      aria-hidden="true"
                      className="grid size-6 place-items-center rounded-full text-[0.6875rem] font-semibold text-white ring-2 ring-paper"
                      style={{ backgroundColor: readerColor(reader) }}
                    >
                      {initials(reader.name)}
                    </span>
                    {named ? (
                      // On phones only the avatars show; the names are still read out.
                      <>
                        <span className="sr-only text-ink sm:not-sr-only">
                          {reader.name}
                          {reader.isMe ? <span className="text-muted"> (you)</span> : null}
                        </span>
                        {where && !reader.isMe ? (
                          <a
                            href={`#p-${reader.reading}`}
                            className="hidden text-muted underline-offset-2 hover:text-accent hover:underline sm:inline"
                            title={`Go to where ${reader.name} is reading`}
                          >
                            {where}
                          </a>
                        ) : null}
                      </>
                    ) : (
                      <span className="sr-only">{description}</span>
                    )}
                  </li>
                );
              })}
            </ul>
          </div>
        ) : null}
        <div className="ml-auto flex flex-wrap items-center gap-x-3 gap-y-2">{tools}</div>
      </div>
      {notesProblem ? <p className="mt-1.5 font-sans text-xs text-muted">{notesProblem}</p> : null}
      {below}
    </div>
  );
}
