"use client";

import { useEffect, useState } from "react";
import type { OpenRoom } from "./connect-room";

export type Connection =
  | { state: "connecting" }
  | { state: "live" }
  | { state: "offline" }
  | { state: "closed"; code: number; message: string };

export type Room = Pick<OpenRoom, "doc" | "provider">;

/**
 * The room's live document and the state of its connection. The connection is made after mount (the server
 * render has none) from a module loaded on demand, and closed on unmount. With no room id there is nothing to
 * connect to (a reader without private notes, for instance) and the connection stays "connecting".
 */
export function useRoom(roomId: string | null, me: { id: string; name: string }) {
  const [room, setRoom] = useState<Room | null>(null);
  const [connection, setConnection] = useState<Connection>({ state: "connecting" });
  const [synced, setSynced] = useState(false);
  // Changes the server has not confirmed yet: saving, or waiting for a connection (kept in this browser meanwhile).
  const [pending, setPending] = useState(0);
  // "All changes saved" means something only once this page has written something.
  const [wrote, setWrote] = useState(false);
  const { id, name } = me;

  useEffect(() => {
    if (roomId === null) return;
    let open: OpenRoom | null = null;
    let cancelled = false;
    let closed = false;
    import("./connect-room")
      .then(({ connectRoom }) => {
        if (cancelled) return;
        open = connectRoom(roomId, { id, name }, {
          onStatus(status) {
            if (closed) return;
            if (status === "disconnected") setConnection({ state: "offline" });
            // While offline, each retry says "connecting"; keep showing that we are offline and retrying.
            if (status === "connecting") setConnection((c) => (c.state === "offline" ? c : { state: "connecting" }));
          },
          onSync(isSynced) {
            if (closed) return;
            if (isSynced) {
              setSynced(true);
              setConnection({ state: "live" });
            }
          },
          onPending(count) {
            setPending(count);
            if (count > 0) setWrote(true);
          },
          onFinalClose(code, message) {
            closed = true;
            setConnection({ state: "closed", code, message });
          },
        });
        setRoom({ doc: open.doc, provider: open.provider });
      })
      .catch(() => {
        if (!cancelled) setConnection({ state: "closed", code: 0, message: "The live notes could not be loaded. Reload the page to try again." });
      });

    return () => {
      cancelled = true;
      open?.destroy();
      setRoom(null);
      setSynced(false);
      setPending(0);
      setConnection({ state: "connecting" });
    };
  }, [roomId, id, name]);

  return { room, connection, synced, pending, unsaved: pending > 0, wrote };
}
