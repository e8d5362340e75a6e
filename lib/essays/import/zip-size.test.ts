import JSZip from "jszip";
import { describe, expect, it } from "vitest";
import { makeDocx } from "@/tests/helpers/make-docx";
import { AppError } from "../../errors/app-error";
import { DOCX_TOO_LARGE, readDocx } from "./read-docx";
import { unpackedZipSize, ZipTooLarge, ZipUnreadable } from "./zip-size";

const MB = 1024 * 1024;

/** A zip whose one entry is `size` zero bytes: a few kilobytes packed. */
async function zerosZip(size: number): Promise<Buffer> {
  const zip = new JSZip();
  zip.file("word/document.xml", Buffer.alloc(size));
  return zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" });
}

describe("unpackedZipSize", () => {
  it("counts what a real .docx unpacks to", async () => {
    const file = await makeDocx([{ text: "A title", style: "Title" }, { text: "A paragraph." }]);
    const size = unpackedZipSize(file, { maxTotalBytes: MB, maxEntries: 100 });
    expect(size).toBeGreaterThan(500);
    expect(size).toBeLessThan(20_000);
  });

  it("stops at the cap, whatever sizes the archive declares", async () => {
    const bomb = await zerosZip(3 * MB);
    expect(bomb.length).toBeLessThan(50_000);
    expect(() => unpackedZipSize(bomb, { maxTotalBytes: MB, maxEntries: 100 })).toThrow(ZipTooLarge);
    // The central directory says 10 bytes: the count comes from inflating, not from the claim.
    const liar = Buffer.from(bomb);
    const directory = liar.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
    liar.writeUInt32LE(10, directory + 24);
    expect(() => unpackedZipSize(liar, { maxTotalBytes: MB, maxEntries: 100 })).toThrow(ZipTooLarge);
    expect(unpackedZipSize(bomb, { maxTotalBytes: 4 * MB, maxEntries: 100 })).toBe(3 * MB);
  });

  it("refuses what is not a zip, and too many entries", async () => {
    expect(() => unpackedZipSize(Buffer.from("plain text, not a zip"), { maxTotalBytes: MB, maxEntries: 100 })).toThrow(ZipUnreadable);
    const many = new JSZip();
    for (let i = 0; i < 20; i++) many.file(`part-${i}.xml`, "<x/>");
    const file = await many.generateAsync({ type: "nodebuffer", compression: "DEFLATE" });
    expect(() => unpackedZipSize(file, { maxTotalBytes: MB, maxEntries: 10 })).toThrow(ZipTooLarge);
  });

  it("makes readDocx refuse a .docx that unpacks past its cap, in words", async () => {
    const attempt = readDocx(await zerosZip(3 * MB), { maxUnpackedBytes: MB });
    await expect(attempt).rejects.toThrow(AppError);
    await expect(readDocx(await zerosZip(3 * MB), { maxUnpackedBytes: MB })).rejects.toThrow(DOCX_TOO_LARGE);
  });
});
