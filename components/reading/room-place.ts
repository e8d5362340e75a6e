/**
 * Where the reading room's shared notes go, as readers know it: a seminar's room (its members read it) or the
 * essay's public room (everyone signed in does). Shown wherever a note is written, so nobody posts in the public
 * room thinking it is their seminar's.
 */
export type RoomPlace = { kind: "public" } | { kind: "seminar"; name: string };

export function placeName(place: RoomPlace): string {
  return place.kind === "public" ? "the public room" : place.name;
}

/** Who reads what is posted there, for the composer's hint and the room bar. */
export function placeAudience(place: RoomPlace): string {
  return place.kind === "public" ? "everyone signed in to Gloss can read it" : "the seminar's members can read it";
}
