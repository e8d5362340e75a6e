import type { Db } from "../db/client.server";

/**
 * Changes the name shown beside the user's notes from now on. Notes already written keep the name they were written
 * under (each entry carries its author's name, as a signed letter does); pages read the new one at once.
 */
export async function renameUser(db: Db, { userId, name }: { userId: string; name: string }): Promise<void> {
  await db.user.update({ where: { id: userId }, data: { name } });
}
