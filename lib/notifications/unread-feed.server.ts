/**
 * Live unread counts for the pages of this process: whoever subscribes for a user is called whenever that
 * user's notifications change, on any server instance (the NOTIFY in notify-about-comments / mark-read).
 */
import { stringsAt, subscribeToChannel } from "../db/channel-feed.server";
import { NOTIFICATIONS_CHANNEL } from "./channel";

const userIdsOf = stringsAt("userIds");

/** Calls `onChange` whenever `userId`'s notifications change; returns the unsubscribe. */
export function subscribeToUnread(userId: string, onChange: () => void): () => void {
  return subscribeToChannel(NOTIFICATIONS_CHANNEL, userIdsOf, userId, onChange);
}
