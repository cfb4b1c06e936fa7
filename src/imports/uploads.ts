/**
 * Uploaded lists kept on disk beside the data (readable by the Salur process only) while an import or a
 * reconciliation still needs them, sealed (src/privacy/sealed-file.ts): a copied data directory without the
 * master secret holds no readable list. The file is named after the SHA-256 of its plain content, computed
 * while it is written: the same list sent twice is stored once, and the hash is what "already imported" is
 * decided on. A list is deleted once applied or discarded, and in any case after the retention limit.
 */
import { createHash, randomUUID } from "node:crypto";
import { createReadStream, createWriteStream } from "node:fs";
import { mkdir, open, readdir, rename, rm, stat, utimes } from "node:fs/promises";
import { join } from "node:path";
import type { Readable } from "node:stream";
import { Transform } from "node:stream";
import { pipeline } from "node:stream/promises";
import {
  openSealedFile,
  plainSizeOf,
  SEALED_CHUNK_BYTES,
  sealedFileStream,
  sealingStream,
} from "../privacy/sealed-file.ts";
import { FileRejected } from "./limits.ts";
import type { SheetSource } from "./sheet.ts";

export interface StoredUpload {
  storedAs: string;
  bytes: number;
  contentHash: string;
}

export interface UploadStore {
  readonly directory: string;
  save(input: Readable, maxBytes: number): Promise<StoredUpload>;
  /** Where the sealed file lies (a worker thread opens it with `uploadSource` and the same key). */
  path(storedAs: string): string;
  /** The plain content, read through the seal. */
  source(storedAs: string, size: number): SheetSource;
  remove(storedAs: string): Promise<void>;
  /** Deletes every upload older than `maxAgeMs` and seals any left in plaintext by an older version. */
  sweep(maxAgeMs: number, now?: number): Promise<{ removed: number; sealed: number }>;
}

/** The purpose uploads are sealed under (see fileSealingKey). */
export const UPLOAD_SEALING = "upload";

/** How long an upload is kept at most (a checked list waiting to be applied, a report to download). */
export const UPLOAD_RETENTION_MS = 7 * 24 * 60 * 60 * 1000;

const UPLOAD_NAME = /^[0-9a-f]{64}$/;
const SEALED_MAGIC = Buffer.from("SLF1", "latin1");

/** The plain content of a sealed upload as the sheet reader reads a file. */
export function uploadSource(path: string, size: number, key: Buffer): SheetSource {
  return {
    size,
    async head(bytes) {
      const file = await openSealedFile(path, key);
      try {
        return await file.read(0, Math.min(bytes, size));
      } finally {
        await file.close();
      }
    },
    stream: () => sealedFileStream(path, key),
    access: () => openSealedFile(path, key),
  };
}

export function createUploadStore(directory: string, key: Buffer): UploadStore {
  const ready = mkdir(directory, { recursive: true, mode: 0o700 });
  const path = (storedAs: string) => {
    if (!UPLOAD_NAME.test(storedAs)) throw new Error(`not an upload name: ${storedAs}`);
    return join(directory, storedAs);
  };
  const sealInPlace = async (name: string, info: { atime: Date; mtime: Date }) => {
    const temporary = join(directory, `.sealing-${randomUUID()}`);
    try {
      await pipeline(
        createReadStream(join(directory, name), { highWaterMark: SEALED_CHUNK_BYTES }),
        sealingStream(key),
        createWriteStream(temporary, { mode: 0o600 }),
      );
      // The retention clock keeps running from when the list was received.
      await utimes(temporary, info.atime, info.mtime);
      await rename(temporary, join(directory, name));
    } finally {
      await rm(temporary, { force: true });
    }
  };
  return {
    directory,
    path,
    source: (storedAs, size) => uploadSource(path(storedAs), size, key),
    async save(input, maxBytes) {
      await ready;
      const temporary = join(directory, `.incoming-${randomUUID()}`);
      const hash = createHash("sha256");
      let bytes = 0;
      const meter = new Transform({
        transform(chunk: Buffer, _encoding, callback) {
          bytes += chunk.length;
          if (bytes > maxBytes) {
            callback(new FileRejected("FILE_TOO_LARGE", 1, 1, { bytes, limit: maxBytes }));
            return;
          }
          hash.update(chunk);
          callback(null, chunk);
        },
      });
      try {
        // Sealed as it arrives: the plain list never touches the disk, not even as a temporary file.
        await pipeline(input, meter, sealingStream(key), createWriteStream(temporary, { mode: 0o600 }));
      } catch (error) {
        await rm(temporary, { force: true });
        throw error;
      }
      if (bytes === 0) {
        await rm(temporary, { force: true });
        throw new FileRejected("FILE_EMPTY", 1, 1, {});
      }
      const contentHash = hash.digest("hex");
      await rename(temporary, path(contentHash));
      return { storedAs: contentHash, bytes, contentHash };
    },
    async remove(storedAs) {
      await rm(path(storedAs), { force: true });
    },
    async sweep(maxAgeMs, now = Date.now()) {
      await ready;
      let removed = 0;
      let sealed = 0;
      for (const name of await readdir(directory)) {
        const file = join(directory, name);
        const info = await stat(file).catch(() => null);
        if (!info?.isFile()) continue;
        const stale = now - info.mtimeMs > maxAgeMs;
        // Left over by a process killed while receiving or sealing: never a complete upload.
        const leftover = name.startsWith(".incoming-") || name.startsWith(".sealing-");
        if (stale || (leftover && now - info.mtimeMs > 60 * 60 * 1000)) {
          await rm(file, { force: true });
          removed++;
          continue;
        }
        if (!UPLOAD_NAME.test(name)) continue;
        const handle = await open(file, "r");
        const head = Buffer.alloc(SEALED_MAGIC.length);
        await handle.read(head, 0, head.length, 0).finally(() => handle.close());
        if (!head.equals(SEALED_MAGIC)) {
          await sealInPlace(name, info);
          sealed++;
        }
      }
      return { removed, sealed };
    },
  };
}

export async function uploadSize(store: UploadStore, storedAs: string): Promise<number | null> {
  try {
    return plainSizeOf((await stat(store.path(storedAs))).size);
  } catch {
    return null;
  }
}
