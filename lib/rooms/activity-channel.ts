/**
 * The PostgreSQL channel on which the websocket server announces that a room's relational copy changed (rows of
 * annotations or comments written): the payload is `{ roomIds: string[] }`. Live dashboards follow it.
 */
export const ACTIVITY_CHANNEL = "gloss_activity";
