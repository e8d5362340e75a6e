import { stringsAt, subscribeToChannel } from "../db/channel-feed.server";
import { ACTIVITY_CHANNEL } from "./activity-channel";

const roomIdsOf = stringsAt("roomIds");

/** Calls `onChange` whenever the relational copy of `roomId` changes, written by any server instance. */
export function subscribeToRoomActivity(roomId: string, onChange: () => void): () => void {
  return subscribeToChannel(ACTIVITY_CHANNEL, roomIdsOf, roomId, onChange);
}
