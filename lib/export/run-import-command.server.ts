/**
 * `npm run import`: a Gloss JSON-LD export into a seminar's discussion of an essay, as the account named by `--as`
 * (an instructor of that seminar), on the same code as the import page. The caller provides the live room writer
 * (scripts/import.ts runs a websocket server in the command's process, when no Gloss server is running).
 */
import { readFile } from "node:fs/promises";
import { parseArgs } from "node:util";
import type { Db } from "../db/client.server";
import { AppError, AppErrorCode } from "../errors/app-error";
import type { CommandIo } from "./run-export-command.server";
import { importDiscussion } from "./import-discussion.server";
import { IMPORT_MAX_BYTES } from "./schemas";

export const IMPORT_USAGE = "Usage: npm run import -- --as <email> --seminar <id> --essay <slug> FILE";

export async function runImportCommand(db: Db, argv: string[], io: Pick<CommandIo, "stdout" | "stderr">): Promise<number> {
  const fail = (code: number, message: string) => (io.stderr.write(`${message}\n`), code);
  let parsed;
  try {
    parsed = parseArgs({ args: argv, allowPositionals: true, options: { as: { type: "string" }, seminar: { type: "string" }, essay: { type: "string" } }, strict: true });
  } catch (error) {
    return fail(2, `${(error as Error).message}\n${IMPORT_USAGE}`);
  }
  const { values, positionals } = parsed;
  if (!values.as || !values.seminar || !values.essay || positionals.length !== 1) return fail(2, IMPORT_USAGE);
  let text: string;
  try {
    const bytes = await readFile(positionals[0]!);
    if (bytes.byteLength > IMPORT_MAX_BYTES) return fail(2, `${positionals[0]} is larger than ${IMPORT_MAX_BYTES / 1024 / 1024} MB.`);
    text = bytes.toString("utf8");
  } catch (error) {
    return fail(2, `Cannot read ${positionals[0]}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
  }
  const [user, essay] = await Promise.all([
    db.user.findUnique({ where: { email: values.as.toLowerCase() }, select: { id: true } }),
    db.essay.findUnique({ where: { slug: values.essay }, select: { id: true } }),
  ]);
  const notFound = () => fail(1, "Not found: no such account, essay or seminar, or that account is not one of its instructors.");
  if (!user || !essay) return notFound();
  io.stderr.write("Importing…\n");
  try {
    const report = await importDiscussion(db, { seminarId: values.seminar, essayId: essay.id, userId: user.id, json: text });
    io.stdout.write(
      [
        `Imported ${report.threads} threads and ${report.comments} comments.`,
        report.alreadyThere ? `${report.alreadyThere} threads were already there.` : "",
        report.reanchored ? `${report.reanchored} threads were anchored by their words, which had moved.` : "",
        report.hiddenLeftOut ? `${report.hiddenLeftOut} hidden comments were left out.` : "",
        report.reactionsLeftOut ? `${report.reactionsLeftOut} reactions were left out.` : "",
        ...report.unanchored.map((u) => `Not found in this essay: ${u.paragraphIndex === null ? "unanchored in the file" : `paragraph ${u.paragraphIndex}`}, “${u.quote.slice(0, 60)}”.`),
      ]
        .filter(Boolean)
        .join("\n") + "\n",
    );
    return 0;
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    return error.code === AppErrorCode.NotFound ? notFound() : fail(error.code === AppErrorCode.InvalidInput ? 2 : 1, error.message);
  }
}
