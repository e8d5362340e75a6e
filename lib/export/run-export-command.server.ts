/**
 * `npm run export`: a seminar's discussion of an essay (or one's private notes) to a file or stdout, on the same
 * code as the download routes, and authorized the same way: as the account named by `--as`, which must be a
 * member (an instructor, to include hidden comments). Progress goes to stderr when it is a terminal.
 */
import { parseArgs } from "node:util";
import type { Writable } from "node:stream";
import type { Db } from "../db/client.server";
import { privateRoomIdFor, roomIdFor } from "../doc/layout";
import { AppError } from "../errors/app-error";
import { exportFileName } from "./export-file-name";
import { openDiscussion } from "./load-discussion.server";
import { renderExport } from "./render-export";
import { ExportQuerySchema } from "./schemas";

export const EXPORT_USAGE = `Usage: npm run export -- --as <email> --essay <slug> (--seminar <id> | --private) --format md|csv|jsonld|html
         [--out FILE] [--member <userId>] [--from N] [--to N] [--assignment <id>] [--no-resolved] [--hidden] [--bom]`;

export type CommandIo = { stdout: Writable; stderr: Writable & { isTTY?: boolean }; openFile: (path: string) => Writable };

/** Runs the command; resolves to its exit code (0 done, 1 not found or refused, 2 bad usage). */
export async function runExportCommand(db: Db, argv: string[], io: CommandIo): Promise<number> {
  const fail = (code: number, message: string) => (io.stderr.write(`${message}\n`), code);
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        as: { type: "string" },
        seminar: { type: "string" },
        private: { type: "boolean" },
        essay: { type: "string" },
        format: { type: "string" },
        out: { type: "string" },
        member: { type: "string" },
        from: { type: "string" },
        to: { type: "string" },
        assignment: { type: "string" },
        "no-resolved": { type: "boolean" },
        hidden: { type: "boolean" },
        bom: { type: "boolean" },
      },
      strict: true,
    }));
  } catch (error) {
    return fail(2, `${(error as Error).message}\n${EXPORT_USAGE}`);
  }
  if (!values.as || !values.essay || (!values.seminar && !values.private) || (values.seminar && values.private)) return fail(2, EXPORT_USAGE);
  const query = ExportQuerySchema.safeParse({
    format: values.format,
    member: values.member,
    from: values.from,
    to: values.to,
    assignment: values.assignment,
    resolved: values["no-resolved"] ? "0" : undefined,
    hidden: values.hidden ? "1" : undefined,
    bom: values.bom ? "1" : undefined,
  });
  if (!query.success) return fail(2, `${query.error.issues.map((i) => i.message).join("\n")}\n${EXPORT_USAGE}`);

  const [user, essay] = await Promise.all([
    db.user.findUnique({ where: { email: values.as.toLowerCase() }, select: { id: true } }),
    db.essay.findUnique({ where: { slug: values.essay }, select: { id: true } }),
  ]);
  // The same answer whatever is unknown or refused, as the routes give.
  const notFound = () => fail(1, "Not found: no such account, essay or seminar, or that account is not a member.");
  if (!user || !essay) return notFound();
  const roomId = values.private ? privateRoomIdFor(essay.id, user.id) : roomIdFor(essay.id, values.seminar!);
  let discussion;
  try {
    discussion = await openDiscussion(db, { roomId, userId: user.id, sourceUrl: `urn:gloss:essay:${values.essay}`, ...query.data });
  } catch (error) {
    if (error instanceof AppError) return error.code === "INVALID_INPUT" ? fail(2, error.message) : notFound();
    throw error;
  }
  const { chunks } = renderExport(discussion, query.data.format, { bom: query.data.bom });
  const out = values.out ? io.openFile(values.out) : io.stdout;
  const showProgress = values.out !== undefined && io.stderr.isTTY === true;
  let bytes = 0;
  let written = 0;
  for await (const chunk of chunks) {
    bytes += Buffer.byteLength(chunk);
    written++;
    if (!out.write(chunk)) await new Promise((resolve) => out.once("drain", resolve));
    if (showProgress && written % 200 === 0) io.stderr.write(`\rExporting… ${(bytes / 1024).toFixed(0)} KB`);
  }
  if (values.out) await new Promise<void>((resolve, reject) => out.end((error?: Error | null) => (error ? reject(error) : resolve())));
  io.stderr.write(`${showProgress ? "\r" : ""}Exported ${(bytes / 1024).toFixed(1)} KB${values.out ? ` to ${values.out}` : ""}; a download would be named ${exportFileName(discussion, query.data.format)}\n`);
  return 0;
}
