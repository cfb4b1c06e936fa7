/**
 * Checks an XLSX (a zip) before the spreadsheet reader sees it: the central directory is read, every part is
 * inflated once with a byte counter and its CRC checked, and the parts must lie back to back exactly as the
 * directory says — the streaming reader walks local headers in file order, so a part hidden between them would
 * otherwise escape the count. Declared sizes are never trusted on their own.
 */
import { open } from "node:fs/promises";
import { createInflateRaw } from "node:zlib";
import { FileRejected, type ImportLimits } from "./limits.ts";

export interface RandomAccess {
  size: number;
  read(offset: number, length: number): Promise<Buffer>;
  close(): Promise<void>;
}

export function bufferAccess(data: Buffer): RandomAccess {
  return {
    size: data.length,
    read: async (offset, length) => data.subarray(offset, Math.min(data.length, offset + length)),
    close: async () => {},
  };
}

export async function fileAccess(path: string): Promise<RandomAccess> {
  const handle = await open(path, "r");
  const { size } = await handle.stat();
  return {
    size,
    async read(offset, length) {
      const end = Math.min(size, offset + length);
      const buffer = Buffer.alloc(Math.max(0, end - offset));
      let done = 0;
      while (done < buffer.length) {
        const { bytesRead } = await handle.read(buffer, done, buffer.length - done, offset + done);
        if (bytesRead === 0) break;
        done += bytesRead;
      }
      return buffer.subarray(0, done);
    },
    close: () => handle.close(),
  };
}

export interface ZipEntry {
  name: string;
  method: number;
  flags: number;
  crc: number;
  compressedSize: number;
  uncompressedSize: number;
  localOffset: number;
}

const EOCD = 0x06054b50;
const EOCD64_LOCATOR = 0x07064b50;
const EOCD64 = 0x06064b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const DESCRIPTOR = 0x08074b50;
const U32_MAX = 0xffffffff;

/** What the spreadsheet reader cannot do without; without them it waits for ever instead of failing. */
const REQUIRED_PARTS = ["xl/workbook.xml", "xl/_rels/workbook.xml.rels"];

const corrupt = (detail: string) => new FileRejected("XLSX_CORRUPT", 1, 1, { detail });

const CRC_TABLE = (() => {
  const table = new Int32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c;
  }
  return table;
})();

function crc32Update(crc: number, chunk: Buffer): number {
  let c = crc ^ -1;
  for (let i = 0; i < chunk.length; i++)
    c = (CRC_TABLE[(c ^ (chunk[i] as number)) & 0xff] as number) ^ (c >>> 8);
  return (c ^ -1) >>> 0;
}

async function readDirectory(
  file: RandomAccess,
  limits: ImportLimits,
): Promise<{ entries: ZipEntry[]; directoryOffset: number }> {
  const tailLength = Math.min(file.size, 22 + 0xffff);
  const tail = await file.read(file.size - tailLength, tailLength);
  let at = -1;
  for (let i = tail.length - 22; i >= 0; i--) {
    if (tail.readUInt32LE(i) === EOCD) {
      at = i;
      break;
    }
  }
  if (at < 0) throw corrupt("no end of central directory");
  let count = tail.readUInt16LE(at + 10);
  let directorySize = tail.readUInt32LE(at + 12);
  let directoryOffset = tail.readUInt32LE(at + 16);
  if (count === 0xffff || directoryOffset === U32_MAX || directorySize === U32_MAX) {
    const locatorAt = at - 20;
    if (locatorAt < 0 || tail.readUInt32LE(locatorAt) !== EOCD64_LOCATOR)
      throw corrupt("zip64 locator missing");
    const eocd64Offset = Number(tail.readBigUInt64LE(locatorAt + 8));
    const eocd64 = await file.read(eocd64Offset, 56);
    if (eocd64.length < 56 || eocd64.readUInt32LE(0) !== EOCD64) throw corrupt("zip64 directory missing");
    count = Number(eocd64.readBigUInt64LE(32));
    directorySize = Number(eocd64.readBigUInt64LE(40));
    directoryOffset = Number(eocd64.readBigUInt64LE(48));
  }
  if (count > limits.maxZipEntries) {
    throw new FileRejected("XLSX_TOO_MANY_PARTS", 1, 1, { count, limit: limits.maxZipEntries });
  }
  if (directoryOffset + directorySize > file.size) throw corrupt("central directory outside the file");
  const directory = await file.read(directoryOffset, directorySize);
  const entries: ZipEntry[] = [];
  let p = 0;
  for (let i = 0; i < count; i++) {
    if (p + 46 > directory.length || directory.readUInt32LE(p) !== CENTRAL)
      throw corrupt("broken central directory");
    const flags = directory.readUInt16LE(p + 8);
    const method = directory.readUInt16LE(p + 10);
    const crc = directory.readUInt32LE(p + 16);
    let compressedSize = directory.readUInt32LE(p + 20);
    let uncompressedSize = directory.readUInt32LE(p + 24);
    const nameLength = directory.readUInt16LE(p + 28);
    const extraLength = directory.readUInt16LE(p + 30);
    const commentLength = directory.readUInt16LE(p + 32);
    let localOffset = directory.readUInt32LE(p + 42);
    if (p + 46 + nameLength + extraLength + commentLength > directory.length)
      throw corrupt("broken central directory");
    const name = directory.toString("utf8", p + 46, p + 46 + nameLength);
    // Zip64 sizes live in extra field 0x0001, in this order, only for the values that overflowed.
    let x = p + 46 + nameLength;
    const extraEnd = x + extraLength;
    while (x + 4 <= extraEnd) {
      const id = directory.readUInt16LE(x);
      const size = directory.readUInt16LE(x + 2);
      if (id === 0x0001) {
        let q = x + 4;
        const next = () => {
          if (q + 8 > x + 4 + size) throw corrupt("broken zip64 field");
          const value = Number(directory.readBigUInt64LE(q));
          q += 8;
          return value;
        };
        if (uncompressedSize === U32_MAX) uncompressedSize = next();
        if (compressedSize === U32_MAX) compressedSize = next();
        if (localOffset === U32_MAX) localOffset = next();
      }
      x += 4 + size;
    }
    entries.push({ name, method, flags, crc, compressedSize, uncompressedSize, localOffset });
    p += 46 + nameLength + extraLength + commentLength;
  }
  return { entries, directoryOffset };
}

async function inflatedSize(
  file: RandomAccess,
  entry: ZipEntry,
  dataStart: number,
  budget: number,
): Promise<{ size: number; crc: number }> {
  const CHUNK = 1 << 20;
  if (entry.method === 0) {
    let crc = 0;
    for (let at = 0; at < entry.compressedSize; at += CHUNK) {
      crc = crc32Update(crc, await file.read(dataStart + at, Math.min(CHUNK, entry.compressedSize - at)));
    }
    return { size: entry.compressedSize, crc };
  }
  const inflate = createInflateRaw();
  let size = 0;
  let crc = 0;
  let failure: Error | null = null;
  const finished = new Promise<void>((resolve) => {
    inflate.on("data", (chunk: Buffer) => {
      size += chunk.length;
      crc = crc32Update(crc, chunk);
      if (size > budget && !failure) {
        failure = new FileRejected("XLSX_TOO_LARGE_UNZIPPED", 1, 1, { part: entry.name });
        inflate.destroy();
        resolve();
      }
    });
    inflate.on("error", (error) => {
      failure ??= error instanceof FileRejected ? error : corrupt(`${entry.name}: ${error.message}`);
      resolve();
    });
    inflate.on("end", () => resolve());
    inflate.on("close", () => resolve());
  });
  for (let at = 0; at < entry.compressedSize && !failure; at += CHUNK) {
    const chunk = await file.read(dataStart + at, Math.min(CHUNK, entry.compressedSize - at));
    if (!inflate.write(chunk))
      await new Promise<void>((resolve) => inflate.once("drain", resolve).once("close", resolve));
  }
  if (!failure) inflate.end();
  await finished;
  if (failure) throw failure;
  return { size, crc };
}

/** Throws FileRejected when the XLSX is not a sound, modest zip; returns its parts otherwise. */
export async function inspectXlsx(file: RandomAccess, limits: ImportLimits): Promise<ZipEntry[]> {
  const { entries, directoryOffset } = await readDirectory(file, limits);
  let declared = 0;
  for (const entry of entries) {
    if (entry.flags & 0x1) throw new FileRejected("XLSX_ENCRYPTED", 1, 1, {});
    if (entry.method !== 0 && entry.method !== 8)
      throw corrupt(`${entry.name}: compression method ${entry.method}`);
    declared += entry.uncompressedSize;
    const ratio = entry.uncompressedSize / Math.max(1, entry.compressedSize);
    if (declared > limits.maxUnzippedBytes || ratio > limits.maxCompressionRatio) {
      throw new FileRejected("XLSX_TOO_LARGE_UNZIPPED", 1, 1, { part: entry.name });
    }
  }
  let expectedOffset = 0;
  let actual = 0;
  const ordered = [...entries].sort((a, b) => a.localOffset - b.localOffset);
  for (const entry of ordered) {
    if (entry.localOffset !== expectedOffset) throw corrupt("parts do not follow one another");
    const header = await file.read(entry.localOffset, 30);
    if (header.length < 30 || header.readUInt32LE(0) !== LOCAL)
      throw corrupt(`${entry.name}: local header missing`);
    const descriptor = (entry.flags & 0x8) !== 0;
    // The streaming reader believes the local header, not the directory: the two must tell the same story.
    const nameLength = header.readUInt16LE(26);
    const localName = (await file.read(entry.localOffset + 30, nameLength)).toString("utf8");
    const sizesAgree =
      descriptor ||
      (header.readUInt32LE(14) === entry.crc &&
        (header.readUInt32LE(18) === entry.compressedSize || header.readUInt32LE(18) === U32_MAX) &&
        (header.readUInt32LE(22) === entry.uncompressedSize || header.readUInt32LE(22) === U32_MAX));
    if (
      localName !== entry.name ||
      header.readUInt16LE(6) !== entry.flags ||
      header.readUInt16LE(8) !== entry.method ||
      !sizesAgree
    ) {
      throw corrupt(`${entry.name}: local header differs from the directory`);
    }
    if (descriptor && entry.method === 0)
      throw corrupt(`${entry.name}: stored part with a trailing descriptor`);
    const dataStart = entry.localOffset + 30 + header.readUInt16LE(26) + header.readUInt16LE(28);
    if (dataStart + entry.compressedSize > file.size) throw corrupt(`${entry.name}: data outside the file`);
    const { size, crc } = await inflatedSize(file, entry, dataStart, limits.maxUnzippedBytes - actual);
    if (size !== entry.uncompressedSize || crc !== entry.crc)
      throw corrupt(`${entry.name}: size or checksum differs`);
    actual += size;
    expectedOffset = dataStart + entry.compressedSize;
    if (descriptor) {
      const tail = await file.read(expectedOffset, 4);
      const signed = tail.length === 4 && tail.readUInt32LE(0) === DESCRIPTOR;
      const zip64 = entry.compressedSize >= U32_MAX || entry.uncompressedSize >= U32_MAX;
      expectedOffset += (signed ? 4 : 0) + (zip64 ? 20 : 12);
    }
  }
  if (expectedOffset !== directoryOffset) throw corrupt("unlisted data before the central directory");
  const names = new Set(entries.map((e) => e.name));
  if (names.size !== entries.length) throw corrupt("a part is listed twice");
  for (const required of REQUIRED_PARTS) if (!names.has(required)) throw corrupt(`${required} missing`);
  if (!entries.some((e) => /^xl\/worksheets\/sheet\d+\.xml$/.test(e.name)))
    throw new FileRejected("XLSX_NO_WORKSHEET", 1, 1, {});
  return entries;
}
