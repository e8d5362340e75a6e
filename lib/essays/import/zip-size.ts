/**
 * How large a .docx (a zip archive) really is once unpacked, found by unpacking it with a cap, before mammoth reads
 * it. A 10 MB upload can hold gigabytes of zeros; mammoth would inflate them into memory whole, and the sizes a zip
 * declares can lie, so the bytes are counted as zlib produces them and the count stops at the cap.
 */
import { inflateRawSync } from "node:zlib";

const END_OF_DIRECTORY = 0x06054b50;
const DIRECTORY_ENTRY = 0x02014b50;
const LOCAL_HEADER = 0x04034b50;
const STORED = 0;
const DEFLATED = 8;

export type ZipLimits = { maxTotalBytes: number; maxEntries: number };

export class ZipTooLarge extends Error {}
export class ZipUnreadable extends Error {}

/** The unpacked size of every entry together; throws ZipTooLarge past `maxTotalBytes`, ZipUnreadable when it is no zip we read. */
export function unpackedZipSize(bytes: Uint8Array, { maxTotalBytes, maxEntries }: ZipLimits): number {
  const data = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // The end-of-directory record sits in the last 22 bytes plus a comment of at most 64 KB.
  let end = -1;
  for (let at = data.length - 22; at >= Math.max(0, data.length - 22 - 0xffff); at--) {
    if (data.readUInt32LE(at) === END_OF_DIRECTORY) {
      end = at;
      break;
    }
  }
  if (end < 0) throw new ZipUnreadable("no zip directory");
  const entries = data.readUInt16LE(end + 10);
  let at = data.readUInt32LE(end + 16);
  // Zip64 archives mark their counts and offsets 0xffff/0xffffffff; a Word essay never needs one.
  if (entries === 0xffff || at === 0xffffffff) throw new ZipUnreadable("zip64");
  if (entries > maxEntries) throw new ZipTooLarge(`${entries} entries`);
  let total = 0;
  for (let i = 0; i < entries; i++) {
    if (at + 46 > data.length || data.readUInt32LE(at) !== DIRECTORY_ENTRY) throw new ZipUnreadable("bad directory entry");
    const method = data.readUInt16LE(at + 10);
    const compressedSize = data.readUInt32LE(at + 20);
    const nameLength = data.readUInt16LE(at + 28);
    const extraLength = data.readUInt16LE(at + 30);
    const commentLength = data.readUInt16LE(at + 32);
    const local = data.readUInt32LE(at + 42);
    at += 46 + nameLength + extraLength + commentLength;
    if (local + 30 > data.length || data.readUInt32LE(local) !== LOCAL_HEADER) throw new ZipUnreadable("bad local header");
    const start = local + 30 + data.readUInt16LE(local + 26) + data.readUInt16LE(local + 28);
    const compressed = data.subarray(start, start + compressedSize);
    if (method === STORED) total += compressed.length;
    else if (method === DEFLATED) {
      try {
        total += inflateRawSync(compressed, { maxOutputLength: Math.max(1, maxTotalBytes - total + 1) }).length;
      } catch (error) {
        if (error instanceof RangeError) throw new ZipTooLarge("entry past the cap");
        throw new ZipUnreadable("bad deflate data");
      }
    } else throw new ZipUnreadable(`compression method ${method}`);
    if (total > maxTotalBytes) throw new ZipTooLarge("archive past the cap");
  }
  return total;
}
