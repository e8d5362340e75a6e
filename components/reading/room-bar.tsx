"use client";

import type { Connection } from "@/lib/client/use-room";
import { initials, readerColor, type Reader } from "@/lib/client/use-presence";

const STATUS: Record<Connection["state"], { label: string; dot: string }> = {
  connecting: { label: "Connecting…", dot: "bg-muted animate-pulse" },
  live: { label: "Live", dot: "bg-emerald-600" },
  offline: { label: "Offline — reconnecting…", dot: "bg-amber-500 animate-pulse" },
  closed: { label: "Disconnected", dot: "bg-danger" },
};

type RoomBarProps = {
  connection: Connection;
  synced: boolean;
  readers: Reader[];
  paragraphLabels: ReadonlyMap<string, string>;
};

/** Sticky strip above the essay: is the room live, and who is reading along (and where). */
export function RoomBar({ connection, synced, readers, paragraphLabels }: RoomBarProps) {
  const status = STATUS[connection.state];
  return (
    <div className="sticky top-0 z-30 mt-6 border-y border-line bg-paper py-2">
      <div className="flex flex-wrap items-center gap-x-5 gap-y-2 font-sans text-sm">
        <p role="status" className="flex items-center gap-2 text-muted" data-connection={connection.state}>
          <span aria-hidden="true" className={`inline-block size-2 rounded-full ${status.dot}`} />
          <span>{status.label}</span>
          {connection.state === "live" && !synced ? <span>· loading notes…</span> : null}
        </p>
        {readers.length > 0 ? (
          <div className="flex min-w-0 items-center gap-2">
            <span className="text-muted">Here now:</span>
            <ul aria-label="Readers here now" className="flex min-w-0 flex-wrap items-center gap-x-3 gap-y-1">
              {readers.map((reader) => {
                const where = reader.reading ? paragraphLabels.get(reader.reading) : undefined;
                return (
                  <li key={reader.id} className="flex items-center gap-1.5" data-reader-id={reader.id}>
                    <span
                      aria-hidden="true"
                      className="grid size-6 place-items-center rounded-full text-[0.6875rem] font-semibold text-white"
                      style={{ backgroundColor: readerColor(reader) }}
                    >
                      {initials(reader.name)}
                    </span>
                    <span className="text-ink">
                      {reader.name}
                      {reader.isMe ? <span className="text-muted"> (you)</span> : null}
                    </span>
                    {where && !reader.isMe ? (
                      <a href={`#p-${reader.reading}`} className="text-muted underline-offset-2 hover:text-accent hover:underline">
                        {where}
                      </a>
                    ) : null}
                  </li>
                );
              })}
            </ul>
          </div>
        ) : null}
      </div>
    </div>
  );
}
