/**
 * Runs the assignment notifications (lib/notifications/notify-about-assignments.server.ts) every minute in this
 * server process: an assignment opening and one falling due within a day happen at times nobody acts at.
 */
import type { Db } from "../lib/db/client.server";
import { notifyAboutAssignments } from "../lib/notifications/notify-about-assignments.server";

const EVERY_MS = 60_000;

export function startAssignmentReminders(db: Db, log: (message: string) => void): () => void {
  let running = false;
  const run = async () => {
    if (running) return;
    running = true;
    try {
      await notifyAboutAssignments(db, { now: new Date() });
    } catch (error) {
      log(`assignment notifications failed (tried again in a minute): ${String(error)}`);
    } finally {
      running = false;
    }
  };
  void run();
  const timer = setInterval(() => void run(), EVERY_MS);
  timer.unref();
  return () => clearInterval(timer);
}
