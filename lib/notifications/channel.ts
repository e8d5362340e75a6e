/** The PostgreSQL channel on which new notifications are announced: the payload is `{ userIds: string[] }`. */
export const NOTIFICATIONS_CHANNEL = "gloss_notifications";

/** What the header's live count receives (app/api/notifications/stream). */
export type UnreadMessage = { unread: number };
